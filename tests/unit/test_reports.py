"""Reports: the report file, and ids that must stand once in a report whose print version is one page."""

from __future__ import annotations

import dataclasses

import pytest

from plugins.kb.content.reports import ChapterAnchors, anchor_lines, parse_report, report_problems
from plugins.kb.model import Report

REPORT = "content/rapporter/eksempel/rapport.yml"
REPORT_TEXT = """\
titel: Eksempel på en rapport om vejledning
udgiver: Et videncenter
aar: "2023"
kilde_dokument: "999"
kilde: Teksten er overført ordret fra rapportens PDF.
resume: En lille rapport til testene.
temaer: [frafald]
"""
OWN_ID = (
    "    Ret: giv overskriften sit eget id, fx '## Kommentar {#kommentar-bilag-2-1}', eller giv "
    "fodnoten et andet navn, fx '[^bilag-1]'."
)


def test_a_report_file_becomes_a_report():
    report, problems = parse_report(REPORT_TEXT, "eksempel", REPORT, {"frafald"})
    assert problems == []
    assert report == Report(
        slug="eksempel",
        title="Eksempel på en rapport om vejledning",
        publisher="Et videncenter",
        year="2023",
        source_document="999",
        source_note="Teksten er overført ordret fra rapportens PDF.",
        summary="En lille rapport til testene.",
        themes=("frafald",),
    )


@pytest.mark.parametrize(
    ("slug", "text", "expected"),
    [
        (
            "eksempel",
            REPORT_TEXT.replace("udgiver: Et videncenter\n", ""),
            [
                f"{REPORT}:1: feltet 'udgiver' mangler i rapportfilen (hvem der har skrevet eller udgivet "
                "rapporten).\n    Ret: tilføj fx 'udgiver: Nationalt Center for Erhvervspædagogik (NCE) for "
                "FEVU'.",
            ],
        ),
        (
            "Eksempel 2",
            REPORT_TEXT,
            [
                f"{REPORT}: mappenavnet 'Eksempel 2' kan ikke bruges som rapportens kortnavn.\n"
                "    Ret: brug kun små bogstaver a–z, tal og bindestreg, fx "
                "'content/rapporter/frafald-nordjylland/'.",
            ],
        ),
        (
            "eksempel",
            REPORT_TEXT.replace("[frafald]", "[frafal]"),
            [
                f"{REPORT}:7: temaet 'frafal' findes ikke.\n    Ret: mente du 'frafald'? Kendte temaer: "
                "frafald; et nyt tema oprettes som content/temaer/frafal.yml.",
            ],
        ),
    ],
)
def test_bad_report_files_are_refused_with_exact_messages(slug, text, expected):
    report, problems = parse_report(text, slug, REPORT, {"frafald"})
    assert report is None
    assert [str(problem) for problem in problems] == expected


def chapter(name: str, number: int, body: str) -> ChapterAnchors:
    """A chapter of 'eksempel' whose six lines of front matter are followed by ``body`` from line 7.

    Its page's ids are the chapter's slug (its title's id), then its headings' and footnotes' ids.
    """
    source = f"content/rapporter/eksempel/{name}.md"
    lines = anchor_lines(body, 7)
    return ChapterAnchors("eksempel", number, source, (name.partition("-")[2], *lines), lines)


def test_anchor_lines_gives_each_heading_and_footnote_its_line():
    body = "\n## Formål med undersøgelsen\n\nTekst.[^1]\n\n### Bilag 2.1 {#bilag}\n\n[^1]: En note.\n"
    assert anchor_lines(body, 7) == {"formaal-med-undersoegelsen": 8, "bilag": 12, "fn:1": 14}


def test_ids_used_twice_in_a_report_or_by_its_template_are_refused_with_exact_messages():
    first = chapter(
        "01-start",
        1,
        "\n## Kommentar\n\nTekst.\n\n## Start\n\nKapitlets titel har også id'et start.\n\n## Indhold\n",
    )
    last = chapter("02-slut", 2, "\nTekst.\n\n## Kommentar\n\nMere tekst.\n")
    assert [str(problem) for problem in report_problems([last, first])] == [
        "content/rapporter/eksempel/01-start.md:12: id'et 'start' står to gange i kapitlet (kapitlets "
        "titel har id'et 'start').\n" + OWN_ID,
        "content/rapporter/eksempel/01-start.md:16: id'et 'indhold' bruges af sidens skabelon og kan "
        "ikke bruges af en overskrift.\n" + OWN_ID,
        "content/rapporter/eksempel/02-slut.md:10: id'et 'kommentar' bruges også i "
        "content/rapporter/eksempel/01-start.md; rapportens udskrift har alle kapitler på én side, og "
        "et id må kun stå én gang.\n" + OWN_ID,
    ]


def test_two_chapters_with_one_number_are_refused():
    first = chapter("01-start", 1, "\nTekst.\n")
    again = ChapterAnchors("eksempel", 1, "content/rapporter/eksempel/02-igen.md", ("igen",), {"kapitel": 5})
    assert [str(problem) for problem in report_problems([again, first])] == [
        "content/rapporter/eksempel/02-igen.md:5: kapitel 1 i rapporten 'eksempel' findes allerede i "
        "content/rapporter/eksempel/01-start.md.\n    Ret: giv kapitlet et andet nummer i 'kapitel'."
    ]


def test_a_footnotes_mark_is_not_a_second_use_of_its_label():
    body = "\nTekst.[^1]\n\n[^1]: En note.\n"
    notes = chapter("01-start", 1, body)
    assert notes.ids == ("start", "fn:1")
    assert report_problems([dataclasses.replace(notes, ids=(*notes.ids, "fnref:1"))]) == []
