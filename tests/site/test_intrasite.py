"""Links in minutes resolved for the page that shows them: the meeting, the registers, the year pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, page
from tests.site.test_registers import resolves

MINUTES = "referater/2024-09-16-luu-pa-amu.md"
DECISION = "### Beslutning\n\nDagsordenen blev godkendt."
LINKED = (
    "### Beslutning\n\nDagsordenen blev godkendt, se [om sitet]({filename}../sider/om.md?fra=referat) "
    "og [tallene]({filename}/sider/om.md).\n\n[tabel: frafald-sosu-assistent-nordjylland]"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The repository's own site, with a decision that links a page and embeds a dataset."""
    workdir = tmp_path_factory.mktemp("intrasite")
    shutil.copytree(ROOT / "content", workdir / "source")
    minutes = workdir / "source" / MINUTES
    text = minutes.read_text(encoding="utf-8")
    assert DECISION in text
    minutes.write_text(text.replace(DECISION, LINKED, 1), encoding="utf-8")
    return build(workdir / "source", workdir / "site", KB_DATA_PATH=str(ROOT / "data"))


@pytest.mark.parametrize(
    "shown_on",
    [
        "referater/luu-pa-amu/2024-09-16/index.html",
        "beslutninger/index.html",
        "beslutninger/2024/index.html",
        "beslutninger/luu-pa-amu/2024/index.html",
    ],
)
def test_a_decisions_links_and_table_work_wherever_it_is_shown(site, shown_on):
    html = (site / shown_on).read_text(encoding="utf-8")
    assert "kb-site-root:" not in html and "{filename}" not in html
    decision = page(site, shown_on).find("a", string="om sitet").find_parent("div")
    links = [a["href"] for a in decision.select("a[href]") if not a["href"].startswith("#")]
    assert sorted(href.rsplit("/", 2)[1:] for href in links if "om/" in href) == [
        ["om", ""],
        ["om", "?fra=referat"],
    ]
    assert any("data/frafald-sosu-assistent-nordjylland/" in href for href in links)
    assert all(resolves(site, shown_on, href) for href in links)
