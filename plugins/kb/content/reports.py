"""Reports carried whole: the report file, its chapters' place in it, and ids unique across it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from plugins.kb.content.parse import registry_file, theme_list
from plugins.kb.metadata.fields import REPORT_FIELDS
from plugins.kb.metadata.frontmatter import Document
from plugins.kb.metadata.values import heading_id, suggest
from plugins.kb.model import Report
from plugins.kb.problems import Problem

_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*(?:\{#(?P<id>[^}\s]+)\})?\s*#*\s*$")
_FOOTNOTE = re.compile(r"^\[\^(?P<label>[^\]]+)\]:")


def parse_report(
    text: str, slug: str, source: str, themes: Collection[str] = ()
) -> tuple[Report | None, list[Problem]]:
    """Parse ``content/rapporter/<slug>/rapport.yml``."""
    slug_name = ("mappenavnet", "rapportens", "content/rapporter/frafald-nordjylland/")
    doc, problems = registry_file(text, source, REPORT_FIELDS, "rapportfilen", slug, slug_name)
    if doc is None:
        return None, problems
    listed, found = theme_list(doc, ("temaer",), source, themes)
    problems += found
    if problems:
        return None, problems
    data = doc.data
    return Report(
        slug=slug,
        title=data["titel"],
        publisher=data["udgiver"],
        year=data["aar"],
        source_document=data["kilde_dokument"],
        source_note=data.get("kilde"),
        summary=data.get("resume"),
        themes=tuple(listed),
    ), []


def report_chapter(
    doc: Document, source: str, reports: Collection[str], folder: str | None = None
) -> tuple[str | None, int | None, list]:
    """Read a chapter's ``rapport`` (a known report) and ``kapitel`` (its place, a number).

    ``folder``: the report folder the file lies in (``content/rapporter/<folder>/``), if any; the
    chapter must then name that report.
    """
    slug = doc.data.get("rapport")
    problems = []
    if folder is not None and slug != folder:
        found = f"'rapport' er '{slug}'." if slug else "har ikke feltet 'rapport'."
        problems.append(
            Problem(
                source,
                doc.line("rapport"),
                f"filen ligger i rapportens mappe content/rapporter/{folder}/, men {found}",
                f"skriv 'rapport: {folder}' og 'kapitel: …', eller flyt filen til den rapports mappe.",
            )
        )
    elif slug not in reports:
        known = sorted(reports)
        problems.append(
            Problem(
                source,
                doc.line("rapport"),
                f"rapporten '{slug}' findes ikke.",
                f"{suggest(str(slug), known)}Kendte rapporter: {', '.join(known) or 'ingen'}; en rapport "
                f"oprettes som content/rapporter/{slug}/rapport.yml.",
            )
        )
    number = doc.data.get("kapitel")
    if not isinstance(number, str) or not re.fullmatch(r"[0-9]+", number):
        problems.append(
            Problem(
                source,
                doc.line("kapitel"),
                "et kapitel i en rapport skal have 'kapitel' med sit nummer.",
                "skriv fx 'kapitel: 3'; kapitlerne vises i nummerorden.",
            )
        )
    return (None, None, problems) if problems else (slug, int(number), [])


def anchor_lines(body: str, first_line: int) -> dict[str, int]:
    """The line of each heading id and footnote a chapter's Markdown body gives, by id."""
    found: dict[str, int] = {}
    for number, line in enumerate(body.splitlines(), first_line):
        if match := _HEADING.match(line):
            found.setdefault(match["id"] or heading_id(match["text"]), number)
        elif match := _FOOTNOTE.match(line):
            found.setdefault(f"fn:{match['label']}", number)
    return found


@dataclass(frozen=True, slots=True)
class ChapterAnchors:
    """The ids one chapter's page gives, for the check that a report's ids are unique."""

    report: str
    number: int
    source: str
    ids: tuple[str, ...]
    lines: dict[str, int]


# Ids the report's page templates use themselves (theme/templates/base.html, report_chapter.html,
# report.html, report_print.html, partials/related.html): a heading may not take them.
TEMPLATE_IDS = frozenset(
    {"indhold", "sidehoved-soeg", "i-kapitlet", "relateret", "indhold-rapport", "indhold-udskrift"}
)
_OWN_ID_HINT = (
    "giv overskriften sit eget id, fx '## Kommentar {#kommentar-bilag-2-1}', eller giv fodnoten et "
    "andet navn, fx '[^bilag-1]'."
)


def report_problems(chapters: Iterable[ChapterAnchors]) -> list[Problem]:
    """Report chapters with the same number, ids used twice, and ids the page's template has.

    The print version has every chapter of a report on one page, so an id may stand only once in
    the whole report.
    """
    problems = []
    numbers: dict[tuple[str, int], str] = {}
    ids: dict[tuple[str, str], str] = {}
    for chapter in sorted(chapters, key=lambda c: (c.report, c.number, c.source)):
        first = numbers.setdefault((chapter.report, chapter.number), chapter.source)
        if first != chapter.source:
            problems.append(
                Problem(
                    chapter.source,
                    chapter.lines.get("kapitel", 1),
                    f"kapitel {chapter.number} i rapporten '{chapter.report}' findes allerede i {first}.",
                    "giv kapitlet et andet nummer i 'kapitel'.",
                )
            )
        seen: set[str] = set()
        for anchor in chapter.ids:
            if anchor.startswith("fnref:"):
                continue  # a footnote's mark has its note's label: reported once, at the note
            if anchor in TEMPLATE_IDS:
                problems.append(
                    Problem(
                        chapter.source,
                        chapter.lines.get(anchor, 1),
                        f"id'et '{anchor}' bruges af sidens skabelon og kan ikke bruges af en overskrift.",
                        _OWN_ID_HINT,
                    )
                )
                continue
            if anchor in seen:
                problems.append(
                    Problem(
                        chapter.source,
                        chapter.lines.get(anchor, 1),
                        f"id'et '{anchor}' står to gange i kapitlet (kapitlets titel har id'et "
                        f"'{chapter.ids[0]}').",
                        _OWN_ID_HINT,
                    )
                )
                continue
            seen.add(anchor)
            first = ids.setdefault((chapter.report, anchor), chapter.source)
            if first != chapter.source:
                problems.append(
                    Problem(
                        chapter.source,
                        chapter.lines.get(anchor, 1),
                        f"id'et '{anchor}' bruges også i {first}; rapportens udskrift har alle kapitler "
                        "på én side, og et id må kun stå én gang.",
                        _OWN_ID_HINT,
                    )
                )
    return problems
