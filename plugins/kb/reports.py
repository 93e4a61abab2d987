"""Reports carried whole: the report file, its chapters' place in it, and ids unique across it."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .fields import REPORT_FIELDS
from .frontmatter import Document, load_yaml
from .model import Report
from .parse import theme_list
from .problems import Problem
from .values import SLUG, check_keys, suggest

_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*(?:\{#(?P<id>[^}\s]+)\})?\s*#*\s*$")
_FOOTNOTE = re.compile(r"^\[\^(?P<label>[^\]]+)\]:")


def heading_id(text: str, separator: str = "-") -> str:
    """The id of a heading: "Stofmængde" → "stofmaengde", "Bilag 2.1" → "bilag-2-1".

    Python-Markdown's toc extension calls this as its ``slugify``.
    """
    ascii_text = text.lower().translate(_ASCII)
    return re.sub(r"[^a-z0-9]+", separator, ascii_text).strip(separator)


def parse_report(
    text: str, slug: str, source: str, themes: Collection[str] = ()
) -> tuple[Report | None, list[Problem]]:
    """Parse ``content/rapporter/<slug>/rapport.yml``."""
    doc, problems = load_yaml(text, source)
    if problems:
        return None, problems
    problems = check_keys(doc, REPORT_FIELDS, (), source, "rapportfilen")
    if not SLUG.match(slug):
        problems.append(
            Problem(
                source,
                0,
                f"mappenavnet '{slug}' kan ikke bruges som rapportens kortnavn.",
                "brug kun små bogstaver a–z, tal og bindestreg, fx 'content/rapporter/frafald-nordjylland/'.",
            )
        )
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
    doc: Document, source: str, reports: Collection[str]
) -> tuple[str | None, int | None, list]:
    """Read a chapter's ``rapport`` (a known report) and ``kapitel`` (its place, a number)."""
    slug = doc.data.get("rapport")
    problems = []
    if slug not in reports:
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
    if not isinstance(number, str) or not number.isdigit():
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


def report_problems(chapters: Iterable[ChapterAnchors]) -> list[Problem]:
    """Two chapters of a report with the same number, or the same id (the print version has both)."""
    problems = []
    numbers: dict[tuple[str, int], str] = {}
    ids: dict[tuple[str, str], str] = {}
    for chapter in sorted(chapters, key=lambda c: (c.report, c.number, c.source)):
        first = numbers.setdefault((chapter.report, chapter.number), chapter.source)
        if first != chapter.source:
            problems.append(
                Problem(
                    chapter.source,
                    chapter.lines.get("", 1),
                    f"kapitel {chapter.number} i rapporten '{chapter.report}' findes allerede i {first}.",
                    "giv kapitlet et andet nummer i 'kapitel'.",
                )
            )
        for anchor in chapter.ids:
            first = ids.setdefault((chapter.report, anchor), chapter.source)
            if first != chapter.source:
                problems.append(
                    Problem(
                        chapter.source,
                        chapter.lines.get(anchor, 1),
                        f"id'et '{anchor}' bruges også i {first}; rapportens udskrift har alle kapitler "
                        "på én side, og et id må kun stå én gang.",
                        "giv overskriften sit eget id, fx '## Kommentar {#kommentar-bilag-2-1}', eller "
                        "giv fodnoten et andet navn, fx '[^bilag-1]'.",
                    )
                )
    return problems
