"""Turn a page file (a page, a guide chapter or a report chapter) into the model, with every problem."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import PurePosixPath

from plugins.kb.content.parse import theme_list
from plugins.kb.content.reports import report_chapter
from plugins.kb.metadata.fields import GUIDE_ROLES, PAGE_FIELDS, PAGE_TYPES
from plugins.kb.metadata.frontmatter import Document, load_yaml, split_front_matter
from plugins.kb.metadata.values import check_keys, suggest
from plugins.kb.model import GuideChapter, Page, ReportChapter
from plugins.kb.problems import Problem
from plugins.kb.sections import section


def parse_page(
    text: str, source: str, themes: Collection[str], reports: Collection[str]
) -> tuple[Page | None, list[Problem]]:
    """Parse one Markdown file of ``content/`` that is not minutes.

    Args:
        text: the file's text.
        source: its path from the repository ("content/guide/02-foer-praktikken.md").
        themes: the known theme slugs.
        reports: the known report slugs.

    Returns:
        A :class:`Page`, :class:`GuideChapter` or :class:`ReportChapter` (a file with ``rapport`` or
        in a report's folder), or None and the problems, in the order an editor fixes them.
    """
    yaml_text, body, body_line, problems = split_front_matter(text, source)
    if yaml_text is None:
        return None, problems
    doc, problems = load_yaml(yaml_text, source, first_line=2)
    if doc is None or problems:
        return None, problems
    problems = check_keys(doc, PAGE_FIELDS, (), source, "metadata")
    if problems:
        return None, problems
    listed, problems = theme_list(doc, ("temaer",), source, themes)
    if problems:
        return None, problems
    page_type = doc.data.get("type", "side")
    if page_type not in PAGE_TYPES:
        return None, [
            Problem(
                source,
                doc.line("type"),
                f"ukendt sidetype '{page_type}'.",
                f"{suggest(str(page_type), list(PAGE_TYPES))}skriv en af: {', '.join(PAGE_TYPES)}.",
            )
        ]
    stem = PurePosixPath(source).stem
    common = {
        "title": doc.data["titel"],
        "slug": stem,
        "kind": PAGE_TYPES[page_type],
        "body": body,
        "body_line": body_line,
        "themes": listed,
        "summary": doc.data.get("resume") or None,
    }
    chapter: dict = {}
    if page_type == "guide":
        number, roles, problems = guide_chapter(doc, source)
        if problems:
            return None, problems
        chapter = {"number": number, "roles": roles}
        common["slug"] = without_number(stem)
    parts = PurePosixPath(source).parts
    in_reports = len(parts) > 2 and parts[1] == section("rapporter").content
    # content/rapporter/<folder>/03-resume.md: a chapter of the report in that folder.
    folder = parts[2] if in_reports and len(parts) > 3 else None
    if in_reports and folder is None:
        return None, [
            Problem(
                source,
                0,
                f"filen ligger løst i content/{parts[1]}/, ikke i en rapports mappe.",
                f"flyt den til sin rapports mappe, fx content/{parts[1]}/<rapportens kortnavn>/{parts[2]}.",
            )
        ]
    if chapter and "rapport" in doc.data:
        return None, [
            Problem(
                source,
                doc.line("rapport"),
                "et kapitel i guiden kan ikke også være et kapitel i en rapport.",
                "fjern 'rapport'; skal teksten også stå i rapporten, så læg den som sit eget kapitel i "
                "rapportens mappe.",
            )
        ]
    if "rapport" in doc.data or folder is not None:
        report, number, problems = report_chapter(doc, source, reports, folder)
        if problems:
            return None, problems
        if folder is not None:
            common["slug"] = without_number(stem)
        return ReportChapter(
            **common, report=report, number=number, folder=folder, number_line=doc.line("kapitel")
        ), []
    if chapter:
        return GuideChapter(**common, **chapter), []
    return Page(**common), []


def without_number(stem: str) -> str:
    """A guide or report chapter's slug: its file name without the number that orders it.

    "02-foer-praktikken" → "foer-praktikken".
    """
    return re.sub(r"^\d+-", "", stem) or stem


def guide_chapter(doc: Document, source: str) -> tuple[int | None, tuple[str, ...], list[Problem]]:
    """Read a guide chapter's ``kapitel`` (a number) and ``roller`` (known roles, at least one)."""
    problems = []
    number = doc.data.get("kapitel")
    if not isinstance(number, str) or not number.isdigit():
        problems.append(
            Problem(
                source,
                doc.line("kapitel"),
                "et guidekapitel skal have 'kapitel' med sit nummer.",
                "skriv fx 'kapitel: 2'; kapitlerne vises i nummerorden.",
            )
        )
    roles = doc.data.get("roller") or []
    roles = roles if isinstance(roles, list) else [roles]
    known = list(GUIDE_ROLES)
    if not roles:
        problems.append(
            Problem(
                source,
                doc.line("roller"),
                "et guidekapitel skal have 'roller': hvem kapitlet er til.",
                f"skriv fx 'roller: [elev, vejleder]'; mulige roller: {', '.join(known)}.",
            )
        )
    problems += [
        Problem(
            source,
            doc.line("roller"),
            f"ukendt rolle '{role}'.",
            f"{suggest(str(role), known)}mulige roller: {', '.join(known)}.",
        )
        for role in roles
        if role not in GUIDE_ROLES
    ]
    return (int(number) if not problems else None), tuple(roles), problems
