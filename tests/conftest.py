"""Build real sites from small content fixtures with the project's own pelicanconf.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def site_settings(content: Path, workdir: Path, **overrides) -> dict:
    """Copy ``content`` (and a ``data/`` beside it) into ``workdir``; return the settings to build it.

    A fixture without its own ``udvalg/`` or ``temaer/`` gets those in ``fixtures/common/``.
    """
    site_content = workdir / "content"
    shutil.copytree(content, site_content)
    if (content.parent / "data").is_dir():
        shutil.copytree(content.parent / "data", workdir / "data")
    for shared in ("udvalg", "temaer"):
        if not (site_content / shared).exists():
            shutil.copytree(FIXTURES / "common" / shared, site_content / shared)
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(site_content),
            "OUTPUT_PATH": str(workdir / "output"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **overrides,
        },
    )


def build(content: Path, workdir: Path, **overrides) -> Path:
    """Build ``content`` in ``workdir`` (see ``site_settings``) with Pelican; return the output."""
    settings = site_settings(content, workdir, **overrides)
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


def build_fixture(scenario: str, workdir: Path) -> Path:
    """Build ``tests/fixtures/<scenario>/content``."""
    return build(FIXTURES / scenario / "content", workdir)


def page(output: Path, relative: str) -> BeautifulSoup:
    """Parse one generated HTML file."""
    return BeautifulSoup((output / relative).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """The site built from the repository's own content/."""
    return build(ROOT / "content", tmp_path_factory.mktemp("real"))


def kept_pages(monkeypatch) -> list[str]:
    """The pages the builds from now on write from the cache, by name, as they write them."""
    from plugins.lifecycle.plugin import BuildWriter

    kept = []
    written = BuildWriter._written_from_cache

    def counted(self, name, *args):
        found = written(self, name, *args)
        if found:
            kept.append(name)
        return found

    monkeypatch.setattr(BuildWriter, "_written_from_cache", counted)
    return kept
