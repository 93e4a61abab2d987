"""Themes link both ways: theme pages gather tagged items, pages and data; items link their themes."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from tests.conftest import page

FRAFALD = "temaer/frafald-og-gennemfoersel/index.html"


def target(page_path: str, href: str) -> tuple[str, str]:
    """The output file and fragment a relative link on ``page_path`` points to."""
    link = urlsplit(urljoin(f"http://x/{page_path}", href))
    path = link.path.lstrip("/")
    return (path + "index.html" if path.endswith("/") or not path else path), link.fragment


def test_frafald_reaches_items_in_all_three_meetings_the_report_and_its_data(real_site):
    theme = page(real_site, FRAFALD)
    assert theme.h1.get_text() == "Frafald og gennemførsel"
    items = [a["href"] for a in theme.select("section[aria-labelledby=punkter] h3 a")]
    meetings = {target(FRAFALD, href)[0] for href in items}
    assert meetings == {
        "referater/luu-pa-amu/2024-09-16/index.html",
        "referater/samarbejdsmoede-pa/2021-10-12/index.html",
        "referater/luu-sosu-amu/2019-02-22/index.html",
    }
    assert items[0] == "../../referater/luu-pa-amu/2024-09-16/#punkt-6", "newest meeting first"
    for href in items:
        path, fragment = target(FRAFALD, href)
        assert page(real_site, path).find(id=fragment) is not None, href
    reports = [a.get_text(" ", strip=True) for a in theme.select("section[aria-labelledby=rapporter] a")]
    report = "Rapport: Regionalt samarbejde om øget gennemførelse i social- og sundhedsassistentuddannelsen"
    assert report in reports
    assert "Resumé af frafaldsrapporten" in reports, "the report's chapters on the theme, under the report"
    data = [a["href"] for a in theme.select("section[aria-labelledby=data] a")]
    assert "../../data/frafald-sosu-assistent-nordjylland/" in data


def test_agenda_item_links_its_themes_and_the_theme_page_links_back(real_site):
    meeting_path = "referater/samarbejdsmoede-pa/2021-10-12/index.html"
    item = page(real_site, meeting_path).select_one("#punkt-7").find_parent("section")
    links = {a.get_text(): a["href"] for a in item.select(".themes a")}
    assert links == {
        "Frafald og gennemførsel": "../../../temaer/frafald-og-gennemfoersel/",
        "Overgange": "../../../temaer/overgange/",
        "Trivsel": "../../../temaer/trivsel/",
    }
    for href in links.values():
        theme_path, _ = target(meeting_path, href)
        back = [a["href"] for a in page(real_site, theme_path).select("h3 a")]
        assert "../../referater/samarbejdsmoede-pa/2021-10-12/#punkt-7" in back


def test_theme_shows_decisions_and_the_register_filters_by_theme(real_site):
    theme = page(real_site, "temaer/trivsel/index.html")
    decided = theme.select_one("h3 a[href$='#punkt-6']").find_parent("li")
    assert decided.select_one(".decision .prose").get_text(strip=True).startswith("Det blev besluttet")
    register = page(real_site, "beslutninger/tema/trivsel/index.html")
    assert register.h1.get_text() == "Beslutninger om trivsel"
    assert [a.get_text() for a in register.select(".register-entry h3 a")] == [
        "Punkt 6. Opfølgning på temadrøftelse om trivsel og gennemførsel d. 10. juni 2024 v. Dorte Engsig "
        "(LUU PA-AMU, 16. september 2024)"
    ]


def test_theme_index_lists_every_theme_with_its_description(real_site):
    index = page(real_site, "temaer/index.html")
    names = [strong.get_text() for strong in index.select(".entry-points strong")]
    assert names == sorted(names, key=lambda name: name.lower())
    assert "SPS og støtte" in names
    assert len(names) == len(list((real_site.parent / "content" / "temaer").glob("*.yml")))


def test_meeting_pages_carry_their_themes_as_a_search_filter(real_site):
    meeting = page(real_site, "referater/luu-sosu-amu/2019-02-22/index.html")
    filters = {tag["data-pagefind-filter"] for tag in meeting.select("[data-pagefind-filter^='tema:']")}
    assert "tema:Frafald og gennemførsel" in filters


def test_frafald_reaches_the_onboarding_pilot_and_the_pilots_are_their_own_type(real_site):
    theme = page(real_site, FRAFALD)
    pages = [a["href"] for a in theme.select("section[aria-labelledby=rapporter] a")]
    assert "../../pilotprojekt-onboarding/" in pages
    pilots = sorted(p.parent.name for p in real_site.glob("pilotprojekt-*/index.html"))
    assert pilots == [
        "pilotprojekt-karakterdannelse",
        "pilotprojekt-onboarding",
        "pilotprojekt-overgangssamtaler",
        "pilotprojekt-self-efficacy",
    ]
    onboarding = page(real_site, "pilotprojekt-onboarding/index.html")
    assert onboarding.select_one("[data-pagefind-filter='type:Pilotprojekt']") is not None
    sections = [h2.get_text() for h2 in onboarding.select("article div.prose > h2")]
    assert sections[:2] == ["Udfordring", "Introduktion til pilotprojektet"]


def test_related_content_at_the_foot_comes_from_shared_themes(real_site):
    onboarding = page(real_site, "pilotprojekt-onboarding/index.html")
    related = onboarding.select_one("aside.related")
    items = [a["href"] for a in related.select("h3 + ul")[0].select("a")]
    assert "../referater/luu-pa-amu/2024-09-16/#punkt-6" in items
    pages = [a.get_text() for a in related.select("h3 + ul")[1].select("a")]
    # Pages sharing two of Onboarding's three themes come before those sharing one.
    assert len(pages) == 5
    assert "Før praktikken" in pages
    # Not the page itself, nor the other chapters of its report, which its pager and contents link.
    assert "Pilotprojekt: Onboarding" not in pages, "a page is not related to itself"
    assert "Pilotprojekt: Overgangssamtaler" not in pages
    assert "Resumé af frafaldsrapporten" not in pages
    about = page(real_site, "om/index.html")
    assert about.select_one("aside.related") is None, "no themes, no related content"


def test_reports_carry_their_recommendations_and_link_the_pilots(real_site):
    amu = page(real_site, "rapporter/oplaeringsvejleder-amu/anbefalinger/index.html")
    lists = amu.select("article div.prose > ol")
    recommendations = [li for ol in lists for li in ol.find_all("li", recursive=False)]
    assert len(recommendations) == 7
    assert lists[1]["start"] == "5", "the source's numbering continues after its heading"
    assert recommendations[6].get_text(strip=True).startswith("Sideløbende med etableringen af en struktur")
    dropout = page(real_site, "rapporter/frafald-nordjylland/pilotprojekterne/index.html")
    pilots = [a["href"] for a in dropout.select("article a[href*=pilotprojekt-]")]
    assert pilots == [
        "../../../pilotprojekt-karakterdannelse/",
        "../../../pilotprojekt-overgangssamtaler/",
        "../../../pilotprojekt-self-efficacy/",
        "../../../pilotprojekt-onboarding/",
    ]


def test_a_theme_page_leads_with_reports_and_data_and_puts_standing_items_last(real_site):
    theme = page(real_site, "temaer/oplaeringsvejledning/index.html")
    assert [h2.get_text() for h2 in theme.select("main h2")] == [
        "Rapporter, pilotprojekter og sider",
        "Data",
        "Dagsordenspunkter",
        "Fra udvalgenes faste punkter",
    ]
    # "Punkter til næste møde" is a standing item of both committees (faste_punkter), tagged or not.
    routine = [
        h3.get_text(" ", strip=True) for h3 in theme.select("section[aria-labelledby=faste-punkter] h3")
    ]
    assert routine == [
        "Punkt 10. Punkter til næste møde (9. december 2024) v. alle",
        "Punkt 12. Punkter til næste møde",
    ]
    items = [h3.get_text(" ", strip=True) for h3 in theme.select("section[aria-labelledby=punkter] h3")]
    assert not any(title.startswith(("Punkt 10. Punkter til", "Punkt 12. Punkter til")) for title in items)
