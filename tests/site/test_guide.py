"""The guide: ordered chapters, a view per role, chapter navigation and a print version with every chapter."""

from __future__ import annotations

from tests.conftest import page


def chapter_titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select("ol.guide-chapters > li > a")]


def test_index_lists_the_chapters_in_order(real_site):
    index = page(real_site, "guide/index.html")
    assert chapter_titles(index) == [
        "Om guiden",
        "Før praktikken",
        "De første uger i praktikken",
        "Vejledning og feedback undervejs",
        "Støtte i praktikken (SPS)",
        "Efter praktikken og tilbage på skolen",
    ]
    assert "udvalgets" in index.select_one(".guide-note").get_text(), "marked as the committee's text"


def test_role_view_shows_only_the_chapters_for_that_role(real_site):
    leader = page(real_site, "guide/rolle/leder/index.html")
    assert leader.h1.get_text() == "Veje til den gode praktik: Leder og arbejdsgiver"
    assert chapter_titles(leader) == ["Om guiden", "Før praktikken", "De første uger i praktikken"]
    assert leader.select_one(".filter-links a[aria-current=page]").get_text() == "Leder og arbejdsgiver"


def test_chapters_link_their_neighbours_and_roles(real_site):
    chapter = page(real_site, "guide/de-foerste-uger/index.html")
    assert chapter.select_one("a[rel=prev]")["href"] == "../../guide/foer-praktikken/"
    assert chapter.select_one("a[rel=next]")["href"] == "../../guide/vejledning-undervejs/"
    roles = [a.get_text() for a in chapter.select("article .themes")[0].select("a")]
    assert roles == ["Elev", "Praktikvejleder", "Leder og arbejdsgiver"]
    assert chapter.select_one("[data-pagefind-filter='type:Guide']") is not None


def test_print_version_holds_every_chapter_in_order(real_site):
    printed = page(real_site, "guide/print/index.html")
    index = page(real_site, "guide/index.html")
    headings = [h2.get_text() for h2 in printed.select("section.guide-print-chapter > h2")]
    assert headings == [f"{n}. {title}" for n, title in enumerate(chapter_titles(index), start=1)]
    for section, title in zip(
        printed.select("section.guide-print-chapter"), chapter_titles(index), strict=True
    ):
        chapter_page = next(
            p
            for p in real_site.glob("guide/*/index.html")
            if page(real_site, p.relative_to(real_site).as_posix()).h1.get_text() == title
        )
        body = page(real_site, chapter_page.relative_to(real_site).as_posix()).select_one("article")
        texts = [tag.get_text() for tag in body.select("li, p:not([hidden]):not([class])")]
        assert texts and all(text in section.get_text() for text in texts), title
        assert not section.select(".chapter-body h2"), "chapter headings sit one level below the chapter"


def test_guide_chapters_join_the_themes(real_site):
    theme = page(real_site, "temaer/sps-og-stoette/index.html")
    assert "../../guide/stoette-i-praktikken/" in [
        a["href"] for a in theme.select("section[aria-labelledby=rapporter] a")
    ]
