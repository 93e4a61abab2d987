"""Reports carried whole: chapters in order with heading ids, contents, footnotes, print version, source."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, ROOT, build, page

REPORT = "rapporter/eksempel"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURES / "report" / "content", tmp_path_factory.mktemp("report"))


def test_chapters_live_under_the_report_and_pilot_pages_keep_their_address(site):
    assert (site / REPORT / "indledning" / "index.html").exists()
    assert (site / REPORT / "fund" / "index.html").exists()
    pilot = page(site, "pilot/index.html")
    assert pilot.select_one(".kicker").get_text() == "Eksempel på en rapport om vejledning"


def test_chapter_has_heading_ids_its_own_contents_and_the_source(site):
    chapter = page(site, f"{REPORT}/indledning/index.html")
    assert chapter.h1["id"] == "indledning"
    assert [h["id"] for h in chapter.select("article h2[id]")] == [
        "i-kapitlet",
        "formaal-med-undersoegelsen",
        "metode",
    ]
    assert [a["href"] for a in chapter.select(".chapter-toc a")] == ["#formaal-med-undersoegelsen", "#metode"]
    source = chapter.select_one(".report-source").get_text(" ", strip=True)
    assert "Kilde: Eksempel på en rapport om vejledning. Et videncenter, 2023. Kildedokument 999." in source
    assert "Redaktionens egne bemærkninger står i kursiv." in source


def test_links_to_another_chapters_section_resolve(site):
    chapter = page(site, f"{REPORT}/indledning/index.html")
    link = chapter.find("a", string="fundene")
    assert link["href"] == "../../../rapporter/eksempel/fund/#stofmaengde"


def test_footnotes_are_footnotes_with_danish_back_links(site):
    chapter = page(site, f"{REPORT}/indledning/index.html")
    ref = chapter.select_one("sup#fnref\\:indledning-1 a.footnote-ref")
    assert ref["href"] == "#fn:indledning-1"
    note = chapter.select_one(".footnote li#fn\\:indledning-1")
    assert "Begreberne forklares i kapitel 2." in note.get_text()
    assert note.select_one("a.footnote-backref")["title"] == "Tilbage til fodnote 1 i teksten"


def test_chapters_link_previous_and_next_in_chapter_order(site):
    first = page(site, f"{REPORT}/indledning/index.html")
    assert first.select_one(".pager a[rel=next]")["href"] == "../../../rapporter/eksempel/fund/"
    assert first.select_one(".pager a[rel=prev]") is None
    last = page(site, "pilot/index.html")
    assert last.select_one(".pager a[rel=prev]")["href"] == "../rapporter/eksempel/fund/"


def test_report_page_lists_every_chapter_and_section(site):
    report = page(site, f"{REPORT}/index.html")
    assert report.h1.get_text() == "Eksempel på en rapport om vejledning"
    toc = report.select_one("nav.report-toc")
    chapters = [a.get_text() for a in toc.select(":scope > ol > li > a")]
    assert chapters == ["Indledning", "Fund", "Pilotprojekt: Overgange"]
    sections = [a["href"] for a in toc.select("ol ol a")]
    assert sections == [
        "../../rapporter/eksempel/indledning/#formaal-med-undersoegelsen",
        "../../rapporter/eksempel/indledning/#metode",
        "../../rapporter/eksempel/fund/#stofmaengde",
        "../../rapporter/eksempel/fund/#didaktik",
        "../../pilot/#overgange-udfordring",
    ]
    listing = page(site, "rapporter/index.html")
    assert "3 kapitler" in listing.select_one(".report-list").get_text()


def test_print_version_holds_the_whole_report_with_unique_ids(site):
    printed = page(site, f"{REPORT}/print/index.html")
    assert [h.get_text() for h in printed.select("section.report-print-chapter > h2")] == [
        "Indledning",
        "Fund",
        "Pilotprojekt: Overgange",
    ]
    # The chapters' sections sit one level below their chapter.
    assert printed.select_one("h3#stofmaengde").get_text() == "Stofmængde"
    assert printed.select_one("h4#kommentar-stofmaengde").get_text() == "Kommentar"
    ids = [tag["id"] for tag in printed.select("[id]")]
    assert len(ids) == len(set(ids))
    assert [a["href"] for a in printed.select("nav.report-toc > ol > li > a")] == [
        "#indledning",
        "#fund",
        "#pilot",
    ]
    assert "Ifølge underviserne." in printed.select_one("#fn\\:fund-1").get_text()


def test_chapters_are_indexed_as_reports_with_their_sections(site):
    chapter = page(site, f"{REPORT}/fund/index.html")
    body = chapter.select_one("[data-pagefind-body]")
    assert body.select_one("[data-pagefind-filter='type:Rapport']") is not None
    assert body.select_one("[data-pagefind-meta^='rapport:']")["data-pagefind-meta"] == (
        "rapport:Eksempel på en rapport om vejledning"
    )
    # The source note and the pager are outside the indexed body.
    assert body.select_one(".report-source") is None
    assert chapter.select_one(".report-source")["data-pagefind-ignore"] == ""


# The repository's own reports.
REVIEW = "rapporter/oplaeringsvejleder-amu"
DROPOUT = "rapporter/frafald-nordjylland"


@pytest.mark.parametrize("report", [REVIEW, DROPOUT])
def test_every_chapter_is_on_the_site_with_its_id_and_in_the_contents(real_site, report):
    contents = page(real_site, f"{report}/index.html").select_one("nav.report-toc")
    listed = [a["href"] for a in contents.select(":scope > ol > li > a")]
    files = sorted((ROOT / "content" / report).glob("*.md"))
    assert len(files) >= 5
    for source in files:
        slug = source.stem.lstrip("0123456789-")
        chapter = page(real_site, f"{report}/{slug}/index.html")
        assert chapter.h1["id"] == slug, source.name
        assert f"../../{report}/{slug}/" in listed, source.name
        # Every section of the chapter is in the report's contents, linked to its heading.
        for heading in chapter.select("article div.prose > h2[id]"):
            assert contents.select_one(f"a[href='../../{report}/{slug}/#{heading['id']}']"), heading["id"]
    printed = page(real_site, f"{report}/print/index.html")
    assert len(printed.select("section.report-print-chapter")) == len(listed)
    ids = [tag["id"] for tag in printed.select("[id]")]
    assert len(ids) == len(set(ids)), "the print version's ids are unique"


def test_the_pilot_projects_are_chapters_of_the_dropout_report(real_site):
    contents = page(real_site, f"{DROPOUT}/index.html").select_one("nav.report-toc")
    titles = [a.get_text() for a in contents.select(":scope > ol > li > a")]
    assert titles[-4:] == [
        "Pilotprojekt: Karakterdannelse og faglig stolthed",
        "Pilotprojekt: Overgangssamtaler",
        "Pilotprojekt: Self-efficacy",
        "Pilotprojekt: Onboarding",
    ]
    printed = page(real_site, f"{DROPOUT}/print/index.html").get_text(" ", strip=True)
    assert "Eleverne responderer særdeles positivt på indsatsen" in printed


VERBATIM = {
    f"{REVIEW}/hovedpointer": [
        "Her er der særlig risiko for stoftrængsel, fordi deltagerne er nye i vejledningsfeltet",
    ],
    f"{REVIEW}/interview-opsummering": [
        'Underviserne oplever "stoftrængsel" med de nuværende mål og indhold på basismodulet',
    ],
    f"{REVIEW}/forslag-til-amu-maal": [
        "Deltageren kan anvende metoder til kollegial supervision, der understøtter udvikling af "
        "oplæringsvejlederpraksis.",
        "Deltagerne kan forstå en sprogscreening og tilrettelægge og gennemføre en vejledning med "
        "inddragelse af sprogstøtte",
    ],
    f"{REVIEW}/anbefalinger": [
        "Titlerne må ikke overstige 50 anslag jf. retningslinjerne for AMU-uddannelserne.",
    ],
    f"{DROPOUT}/resume": [
        "fra 31 pct. I foråret 2018 til 42 pct. i foråret 2020",
        "Spændet mellem den henholdsvis højeste (44 pct.) og laveste frafaldsprocent (27 pct.)",
    ],
}


@pytest.mark.parametrize("chapter", sorted(VERBATIM))
def test_findings_and_goals_stand_verbatim(real_site, chapter):
    text = " ".join(page(real_site, f"{chapter}/index.html").select_one("article").get_text(" ").split())
    for sentence in VERBATIM[chapter]:
        assert sentence in text


GOALS = (
    "maal-sosu-basis",
    "maal-sosu-overbygning-a",
    "maal-sosu-pau-overbygning-b",
    "maal-sosu-pau-ajourfoering",
    "maal-pau-basis-a",
    "maal-pau-basis-b",
    "maal-pau-overbygning-a",
    "maal-sprogstoette",
    "maal-uddannelsesplanlaegning",
    "maal-koordinering",
)


def test_each_modules_goals_have_a_section_linked_from_the_module_overview(real_site):
    goals = page(real_site, f"{REVIEW}/forslag-til-amu-maal/index.html")
    for anchor in GOALS:
        section = goals.find(id=anchor)
        assert section is not None and section.name == "h2", anchor
        # Each module's goals are a list in its own section ("1. Deltageren kan …").
        goals_list = section.find_next(["ol", "ul"])
        assert goals_list.find_previous("h2") is section, anchor
        if anchor != "maal-uddannelsesplanlaegning":  # an existing module, its goals as bullets
            assert goals_list.name == "ol", anchor
            assert goals_list.find("li").get_text(" ", strip=True).startswith("Deltage"), anchor
    overview = page(real_site, f"{REVIEW}/oversigt-moduler/index.html")
    linked = {a["href"].rsplit("#", 1)[-1] for a in overview.select("article a[href*='#maal-']")}
    assert linked == set(GOALS) - {"maal-uddannelsesplanlaegning"}


def test_the_front_page_links_the_reports_and_the_pilot_projects_not_every_chapter(real_site):
    front = page(real_site, "index.html")
    links = [a["href"].removeprefix("./") for a in front.select("#indgange ~ ul.entry-points a")]
    assert "rapporter/" in links
    assert "pilotprojekt-onboarding/" in links, "supervisors come for the pilots' materials"
    assert not [link for link in links if link.startswith("rapporter/") and link != "rapporter/"]


def test_a_reports_themes_are_on_its_front_page(real_site):
    report = page(real_site, f"{REVIEW}/index.html")
    assert [a.get_text() for a in report.select("p.themes a")] == [
        "Oplæringsvejledning",
        "AMU og efteruddannelse",
    ]
