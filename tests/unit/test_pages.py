"""Pages, guide chapters and report chapters parsed into the model, and the editor's messages for bad ones."""

from __future__ import annotations

import pytest

from plugins.kb.content.pages import parse_page
from plugins.kb.model import GuideChapter, Page, ReportChapter

THEMES = {"frafald"}
REPORTS = {"eksempel"}


def parse(text: str, source: str):
    return parse_page(text, source, THEMES, REPORTS)


def test_a_page_keeps_its_title_summary_themes_and_body():
    text = "---\ntitel: Frafald\nresume: Hvorfor elever falder fra.\ntemaer: [frafald]\n---\n\nTekst.\n"
    page, problems = parse(text, "content/sider/frafald.md")
    assert problems == []
    assert type(page) is Page
    assert (page.title, page.slug, page.summary, page.themes) == (
        "Frafald",
        "frafald",
        "Hvorfor elever falder fra.",
        ("frafald",),
    )
    assert (page.body, page.body_line) == ("\nTekst.\n", 6)


def test_a_guide_chapter_has_its_number_roles_and_a_slug_without_the_number():
    text = "---\ntitel: Start\ntype: guide\nkapitel: 1\nroller: [elev, vejleder]\n---\n\nTekst.\n"
    chapter, problems = parse(text, "content/guide/01-start.md")
    assert problems == []
    assert type(chapter) is GuideChapter
    assert (chapter.slug, chapter.number, chapter.roles) == ("start", 1, ("elev", "vejleder"))


def test_a_file_in_a_reports_folder_is_a_chapter_of_that_report():
    text = "---\ntitel: Fund\ntype: rapport\nrapport: eksempel\nkapitel: 2\n---\n\nTekst.\n"
    chapter, problems = parse(text, "content/rapporter/eksempel/02-fund.md")
    assert problems == []
    assert type(chapter) is ReportChapter
    assert (chapter.slug, chapter.report, chapter.number, chapter.folder, chapter.number_line) == (
        "fund",
        "eksempel",
        2,
        "eksempel",
        5,
    )


CASES = {
    "unknown page type": (
        "content/sider/frafald.md",
        "---\ntitel: Frafald\ntype: rapprt\n---\n\nTekst.\n",
        [
            "content/sider/frafald.md:3: ukendt sidetype 'rapprt'.\n"
            "    Ret: mente du 'rapport'? skriv en af: side, rapport, pilotprojekt, guide.",
        ],
    ),
    "missing title": (
        "content/sider/frafald.md",
        "---\nresume: Hvorfor elever falder fra.\n---\n\nTekst.\n",
        [
            "content/sider/frafald.md:2: feltet 'titel' mangler i metadata (sidens overskrift).\n"
            "    Ret: tilføj fx 'titel: Om Praktikviden'.",
        ],
    ),
    "unknown theme": (
        "content/sider/frafald.md",
        "---\ntitel: Frafald\ntemaer: [frafal]\n---\n\nTekst.\n",
        [
            "content/sider/frafald.md:3: temaet 'frafal' findes ikke.\n    Ret: mente du 'frafald'? "
            "Kendte temaer: frafald; et nyt tema oprettes som content/temaer/frafal.yml.",
        ],
    ),
    "guide chapter without number and with an unknown role": (
        "content/guide/01-start.md",
        "---\ntitel: Start\ntype: guide\nkapitel: første\nroller: [elev, vejledr]\n---\n\nTekst.\n",
        [
            "content/guide/01-start.md:4: et guidekapitel skal have 'kapitel' med sit nummer.\n"
            "    Ret: skriv fx 'kapitel: 2'; kapitlerne vises i nummerorden.",
            "content/guide/01-start.md:5: ukendt rolle 'vejledr'.\n"
            "    Ret: mente du 'vejleder'? mulige roller: elev, vejleder, leder, skole.",
        ],
    ),
    "guide chapter without roles": (
        "content/guide/01-start.md",
        "---\ntitel: Start\ntype: guide\nkapitel: 1\n---\n\nTekst.\n",
        [
            "content/guide/01-start.md:2: et guidekapitel skal have 'roller': hvem kapitlet er til.\n"
            "    Ret: skriv fx 'roller: [elev, vejleder]'; mulige roller: elev, vejleder, leder, skole.",
        ],
    ),
    "chapter in a report's folder without 'rapport'": (
        "content/rapporter/eksempel/02-uden-rapport.md",
        '---\ntitel: Uden rapport\ntype: rapport\nkapitel: "²"\n---\n\nTekst.\n',
        [
            "content/rapporter/eksempel/02-uden-rapport.md:2: filen ligger i rapportens mappe "
            "content/rapporter/eksempel/, men har ikke feltet 'rapport'.\n"
            "    Ret: skriv 'rapport: eksempel' og 'kapitel: …', eller flyt filen til den rapports mappe.",
            "content/rapporter/eksempel/02-uden-rapport.md:4: et kapitel i en rapport skal have 'kapitel' "
            "med sit nummer.\n    Ret: skriv fx 'kapitel: 3'; kapitlerne vises i nummerorden.",
        ],
    ),
    "chapter of an unknown report": (
        "content/sider/start.md",
        "---\ntitel: Start\ntype: rapport\nrapport: eksempl\nkapitel: en\n---\n\nTekst.\n",
        [
            "content/sider/start.md:4: rapporten 'eksempl' findes ikke.\n"
            "    Ret: mente du 'eksempel'? Kendte rapporter: eksempel; en rapport oprettes som "
            "content/rapporter/eksempl/rapport.yml.",
            "content/sider/start.md:5: et kapitel i en rapport skal have 'kapitel' med sit "
            "nummer.\n    Ret: skriv fx 'kapitel: 3'; kapitlerne vises i nummerorden.",
        ],
    ),
    "a chapter lying loose in the reports' folder": (
        "content/rapporter/indledning.md",
        "---\ntitel: Indledning\ntype: rapport\nrapport: eksempel\nkapitel: 1\n---\n\nTekst.\n",
        [
            "content/rapporter/indledning.md: filen ligger løst i content/rapporter/, ikke i en "
            "rapports mappe.\n"
            "    Ret: flyt den til sin rapports mappe, fx "
            "content/rapporter/<rapportens kortnavn>/indledning.md.",
        ],
    ),
    "guide chapter that names a report": (
        "content/guide/02-foer.md",
        "---\ntitel: Før\ntype: guide\nkapitel: 2\nroller: [elev]\nrapport: eksempel\n---\n\nTekst.\n",
        [
            "content/guide/02-foer.md:6: et kapitel i guiden kan ikke også være et kapitel i en rapport.\n"
            "    Ret: fjern 'rapport'; skal teksten også stå i rapporten, så læg den som sit eget kapitel i "
            "rapportens mappe.",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_pages_are_refused_with_exact_messages(case):
    source, text, expected = CASES[case]
    page, problems = parse(text, source)
    assert page is None
    assert [str(problem) for problem in problems] == expected
