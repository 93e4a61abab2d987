"""Every internal link and fragment in the built site resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def _target(output: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    base = output if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path.lstrip("/"))).resolve() if parts.path else page
    if path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


def test_internal_links_and_anchors_resolve(real_site):
    pages = sorted(real_site.rglob("*.html"))
    ids = {}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page.resolve()] = ({tag["id"] for tag in soup.select("[id]")}, soup)
    broken = []
    for page in pages:
        for link in ids[page.resolve()][1].select("a[href], link[href]"):
            href = link["href"]
            if urlsplit(href).scheme in {"http", "https", "mailto"}:
                continue
            target, fragment = _target(real_site, page, href)
            if not target.exists():
                broken.append(f"{page.relative_to(real_site)}: {href}")
            elif fragment and fragment not in ids.get(target, (set(),))[0]:
                broken.append(f"{page.relative_to(real_site)}: {href} (no #{fragment})")
    assert len(pages) > 5
    assert broken == []
