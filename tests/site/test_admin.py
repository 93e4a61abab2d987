"""/admin/ in the built site: the editor's page, configuration and scripts, out of search and sitemap."""

from __future__ import annotations

import re

import yaml

from plugins.kb.metadata.fields import MEETING_FIELDS
from tests.conftest import ROOT, page


def test_the_editor_page_loads_only_its_own_files_under_its_own_policy(real_site):
    admin = page(real_site, "admin/index.html")
    assert admin.html["lang"] == "da"
    assert admin.select_one("meta[name=robots]")["content"] == "noindex, nofollow"
    policy = admin.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    assert "connect-src 'self' blob: http://127.0.0.1:8081;" in policy  # the preview edits this checkout
    assert "default-src 'self'" in policy and "frame-src 'none'" in policy and "https:" not in policy
    scripts = [script["src"] for script in admin.select("script")]
    assert scripts == ["manual-init.js", "decap/decap-cms.js", "cms.js"]
    for name in [
        "manual-init.js",
        "decap/decap-cms.js",
        "cms.js",
        "metadata.js",
        "vendor/js-yaml.mjs",
        "config.yml",
    ]:
        assert (real_site / "admin" / name).stat().st_size > 0, name
    assert (real_site / "admin" / "metadata.js").read_bytes() == (
        ROOT / "theme" / "admin" / "metadata.js"
    ).read_bytes()


def test_the_configuration_is_made_from_the_content_being_built(real_site):
    config = yaml.safe_load((real_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    names = [collection["name"] for collection in config["collections"]]
    committees = sorted(path.stem for path in (ROOT / "content" / "udvalg").glob("*.yml"))
    assert [name.removeprefix("referater-") for name in names if name.startswith("referater-")] == committees
    minutes = config["collections"][0]
    assert [field["name"] for field in minutes["fields"]] == [field.key for field in MEETING_FIELDS] + [
        "body"
    ]
    assert config["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"


def test_the_editor_is_in_neither_the_search_index_nor_the_sitemap(real_site):
    assert "/admin/" not in (real_site / "sitemap.xml").read_text(encoding="utf-8")
    indexed = (real_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert "admin" not in indexed
    fragments = b"".join(path.read_bytes() for path in (real_site / "pagefind" / "fragment").iterdir())
    assert b"admin" not in fragments  # fragments are compressed: no page of /admin/ among them by name


def test_every_content_page_links_its_entry_and_the_link_is_not_printed(real_site):
    meeting = page(real_site, "referater/luu-pa-amu/2024-09-16/index.html")
    link = meeting.select_one("main .edit-link a")
    assert link["href"] == "../../../admin/#/collections/referater-luu-pa-amu/entries/2024-09-16-luu-pa-amu"
    assert link.get_text(" ", strip=True) == "Rediger siden i redigeringen"
    css = (real_site / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert re.search(r"\.edit-link[^{}]*\{\s*display:\s*none;?\s*\}", media_block(css, "print"))


def media_block(css: str, media: str) -> str:
    """The rules inside ``@media <media> { … }`` of a stylesheet, as written or minified."""
    start = css.index("{", re.search(rf"@media\s+{media}\s*\{{", css).start())
    depth = 0
    for at, character in enumerate(css[start:], start):
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth == 0:
            return css[start + 1 : at]
    raise ValueError(f"@media {media} is not closed")


def test_an_organisation_with_a_file_links_its_entry_and_one_without_has_no_link(real_site):
    gathered = page(real_site, "organisationer/sosu-mv-herning/index.html").select_one("main .edit-link a")
    assert gathered["href"] == "../../admin/#/collections/organisationer/entries/sosu-mv-herning"
    # An organisation only the minutes name has no file to edit.
    assert page(real_site, "organisationer/herning-kommune/index.html").select_one(".edit-link") is None
