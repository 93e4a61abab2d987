"""Every internal link and fragment in the built site resolves; reference links too; nothing is fetched."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_fixture
from tests.conftest import page as parsed
from tests.site.test_registers import resolves

MEETING = "referater/luu-test/2024-09-16/index.html"


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
    broken, entries = [], []
    editor = (real_site / "admin" / "index.html").resolve()
    for page in pages:
        for link in ids[page.resolve()][1].select("a[href], link[href]"):
            href = link["href"]
            if urlsplit(href).scheme in {"http", "https", "mailto"}:
                continue
            target, fragment = _target(real_site, page, href)
            if target == editor:
                entries.append(fragment)  # the editor's own address of an entry, checked below
            elif not target.exists():
                broken.append(f"{page.relative_to(real_site)}: {href}")
            elif fragment and fragment not in ids.get(target, (set(),))[0]:
                broken.append(f"{page.relative_to(real_site)}: {href} (no #{fragment})")
    assert len(pages) > 5
    assert broken == []
    # Every "Rediger" link names a collection of the editor and an entry in it (a file it lists).
    config = yaml.safe_load((real_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    collections = {collection["name"]: collection for collection in config["collections"]}
    assert len(entries) > 40
    for fragment in entries:
        _, _, name, _, entry = fragment.split("/")
        collection = collections[name]
        if "folder" in collection:
            assert (ROOT / collection["folder"] / f"{entry}.{collection['extension']}").is_file(), fragment
        else:
            assert entry in [file["name"] for file in collection["files"]], fragment


def test_reference_links_and_images_are_published_resolved(tmp_path):
    site = build_fixture("link_reference", tmp_path)
    about = parsed(site, "om/index.html")
    links = {a.get_text(): a["href"] for a in about.select("main a[href]") if "referat" in a["href"]}
    assert links == {
        "beslutningen": "../referater/luu-test/2024-09-16/#punkt-2",
        "referatet": "../referater/luu-test/2024-09-16/",
    }
    assert about.select_one("main img[alt=Logo]")["src"] == "../billeder/logo.png"
    assert (site / "billeder" / "logo.png").is_file(), "an image named by a definition is published"
    decision = parsed(site, MEETING).find("a", string="siden om sitet")
    assert resolves(site, MEETING, decision["href"]) and decision["href"].endswith("om/")
    assert all(resolves(site, "om/index.html", href) for href in links.values())


def test_a_remote_image_the_link_check_cannot_see_is_dropped_by_the_sanitiser(tmp_path):
    site = build_fixture("image_hidden_remote", tmp_path)
    image = parsed(site, "frafald/index.html").select_one("main img")
    assert image["alt"] == "Kurve over frafald" and not image.has_attr("src")
    written = [p for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".json", ".js"}]
    assert [p for p in written if "cdn.example.org" in p.read_text(encoding="utf-8", errors="replace")] == []
