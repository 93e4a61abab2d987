"""Turn a minutes file or a committee file into domain objects, collecting every problem."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from plugins.kb.content.agenda import Render, parse_agenda
from plugins.kb.metadata.fields import (
    COMMITTEE_FIELDS,
    ITEM_THEME_FIELDS,
    MEETING_FIELDS,
    ORGANISATION_FIELDS,
    PLANNED_FIELDS,
    THEME_FIELDS,
)
from plugins.kb.metadata.frontmatter import Document, load_yaml, split_front_matter
from plugins.kb.metadata.values import (
    check_keys,
    check_slug,
    parse_date,
    parse_people,
    parse_person,
    parse_timespan,
    suggest,
)
from plugins.kb.model import AgendaItem, Committee, Meeting, OrganisationNames, PlannedMeeting, Theme
from plugins.kb.problems import Problem


def parse_meeting(
    text: str, source: str, committees: Collection[str], render: Render, themes: Collection[str] = ()
) -> tuple[Meeting | None, list[Problem]]:
    """Parse one minutes file.

    Args:
        text: the whole Markdown file, front matter included.
        source: its path relative to the repository root, for messages.
        committees: the known committee slugs.
        render: turns Markdown into HTML.
        themes: the known theme slugs.

    Returns:
        ``(meeting, [])`` for good input, ``(None, problems)`` otherwise; problems are all that
        were found, not only the first.

    """
    yaml_text, body, body_line, problems = split_front_matter(text, source)
    if yaml_text is None:
        return None, problems
    doc, problems = load_yaml(yaml_text, source, first_line=2)
    if problems:
        return None, problems
    data = doc.data
    problems = check_keys(doc, MEETING_FIELDS, (), source, "metadata")

    committee = data.get("udvalg")
    if committee is not None and committee not in committees:
        known = sorted(committees)
        problems.append(
            Problem(
                source,
                doc.line("udvalg"),
                f"udvalget '{committee}' findes ikke.",
                f"{suggest(committee, known)}Kendte udvalg: {', '.join(known)}; "
                f"et nyt udvalg oprettes som content/udvalg/{committee}.yml.",
            )
        )
    date, found = _optional(parse_date, data, doc, "dato", source)
    problems += found
    time, found = _optional(parse_timespan, data, doc, "tid", source)
    problems += found
    chair, found = _person(doc, "moedeleder", source)
    problems += found
    secretary, found = _person(doc, "referent", source)
    problems += found
    groups = {}
    for key in ("deltagere", "tilforordnede", "afbud"):
        groups[key], found = parse_people(doc, key, source)
        problems += found
    tags = data.get("tags") or []
    if not isinstance(tags, list):
        tags = [tags]

    agenda, found = parse_agenda(body, body_line, source, render)
    problems += found
    items, found = _item_themes(doc, source, agenda.items, themes)
    problems += found
    if problems:
        return None, problems
    return Meeting(
        committee=committee,
        date=date,
        time=time,
        place=data["sted"],
        chair=chair,
        secretary=secretary,
        participants=groups["deltagere"],
        advisers=groups["tilforordnede"],
        absentees=groups["afbud"],
        intro_html=agenda.intro_html,
        agenda=items,
        appendix=agenda.appendix,
        title=data.get("titel"),
        date_note=data.get("dato_note"),
        theme=data.get("tema"),
        tags=tuple(tags),
        approved=data.get("godkendt"),
    ), []


def parse_committee(text: str, slug: str, source: str) -> tuple[Committee | None, list[Problem]]:
    """Parse one committee file (``content/udvalg/<slug>.yml``).

    Args:
        text: the YAML file.
        slug: the file name without extension; it is the committee's key in minutes.
        source: its path relative to the repository root, for messages.

    Returns:
        ``(committee, [])`` or ``(None, problems)``.

    """
    slug_name = ("filnavnet", "udvalgets", "luu-pa-amu.yml")
    doc, problems = registry_file(text, source, COMMITTEE_FIELDS, "udvalgsfilen", slug, slug_name)
    if doc is None:
        return None, problems
    planned = []
    dates = doc.data.get("moededatoer") or []
    if not isinstance(dates, list):
        dates = []
        problems.append(
            Problem(
                source,
                doc.line("moededatoer"),
                "'moededatoer' skal være en liste med ét møde pr. punkt.",
                "skriv '  - dato: 2025-03-10' og evt. 'tid' og 'sted' under hvert punkt.",
            )
        )
    for index, entry in enumerate(dates):
        path = ("moededatoer", index)
        if not isinstance(entry, dict):
            entry = {"dato": entry}
        else:
            problems += check_keys(doc, PLANNED_FIELDS, path, source, "et planlagt møde")
        date, found = parse_date(entry.get("dato"), "dato", doc.line(*path, "dato"), source)
        problems += found
        time = None
        if entry.get("tid") is not None:
            time, found = parse_timespan(entry["tid"], "tid", doc.line(*path, "tid"), source)
            problems += found
        planned.append(PlannedMeeting(date, time, entry.get("sted")))
    standing = doc.data.get("faste_punkter") or []
    if not isinstance(standing, list) or not all(isinstance(title, str) for title in standing):
        problems.append(
            Problem(
                source,
                doc.line("faste_punkter"),
                "'faste_punkter' skal være en liste med én punkttitel pr. linje.",
                "skriv fx '  - Godkendelse af dagsorden' under 'faste_punkter:'.",
            )
        )
    if problems:
        return None, problems
    return Committee(
        slug=slug,
        name=doc.data["navn"],
        description=doc.data["beskrivelse"],
        planned=tuple(sorted(planned, key=lambda meeting: meeting.date)),
        standing_items=tuple(standing),
    ), []


def _optional(parser, data: dict, doc: Document, key: str, source: str):
    """Run ``parser`` on ``key`` if present; a missing key is reported by ``check_keys``."""
    if data.get(key) is None:
        return None, []
    return parser(data[key], key, doc.line(key), source)


def _person(doc: Document, key: str, source: str):
    if doc.data.get(key) is None:
        return None, []
    return parse_person(doc, (key,), source, need_organisation=False)


def theme_list(
    doc: Document, path: tuple, source: str, themes: Collection[str]
) -> tuple[tuple[str, ...], list[Problem]]:
    """Read a list of theme slugs at ``path`` (a list or a single slug); report unknown ones."""
    value = doc.data
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and step < len(value) else None
        else:
            value = value.get(step) if isinstance(value, dict) else None
    if value is None:
        return (), []
    slugs = value if isinstance(value, list) else [value]
    known = sorted(themes)
    problems = [
        Problem(
            source,
            doc.line(*path),
            f"temaet '{slug}' findes ikke.",
            f"{suggest(str(slug), known)}Kendte temaer: {', '.join(known)}; et nyt tema oprettes som "
            f"content/temaer/{slug}.yml.",
        )
        for slug in slugs
        if slug not in themes
    ]
    return tuple(str(slug) for slug in slugs), problems


def _item_themes(
    doc: Document, source: str, items: tuple[AgendaItem, ...], themes: Collection[str]
) -> tuple[tuple[AgendaItem, ...], list[Problem]]:
    """Give each agenda item its themes from the front matter's ``temaer`` (``punkt`` and ``temaer``)."""
    entries = doc.data.get("temaer")
    if entries is None:
        return items, []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        return items, [
            Problem(
                source,
                doc.line("temaer"),
                "'temaer' skal være en liste med ét dagsordenspunkt pr. punkt"
                + (" (ikke '3: [...]', som temaer blev skrevet før)." if isinstance(entries, dict) else "."),
                "skriv fx 'temaer:', på næste linje '  - punkt: 7' og under den "
                "'    temaer: [frafald-og-gennemfoersel]'.",
            )
        ]
    numbers = {str(item.number) for item in items}
    problems, by_number = [], {}
    for index, entry in enumerate(entries):
        path = ("temaer", index)
        found = check_keys(doc, ITEM_THEME_FIELDS, path, source, f"tema nr. {index + 1} under 'temaer'")
        problems += found
        number = entry.get("punkt")
        if found or number is None:
            continue
        if number not in numbers:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, "punkt"),
                    f"'temaer' nævner punkt {number}, men dagsordenen har ikke et punkt {number}.",
                    f"brug et af punktnumrene 1–{len(items)}.",
                )
            )
            continue
        if number in by_number:
            problems.append(
                Problem(
                    source,
                    doc.line(*path, "punkt"),
                    f"'temaer' nævner punkt {number} to gange.",
                    "skriv alle punktets temaer i én liste under det første 'punkt'.",
                )
            )
            continue
        by_number[number], found = theme_list(doc, (*path, "temaer"), source, themes)
        problems += found
    tagged = tuple(dataclasses.replace(item, themes=by_number.get(str(item.number), ())) for item in items)
    return tagged, problems


def registry_file(
    text: str, source: str, fields: tuple, what: str, slug: str, slug_name: tuple[str, str, str]
) -> tuple[Document | None, list[Problem]]:
    """A committee's, theme's, report's or organisation's YAML file read, its keys and slug checked.

    ``what``: the file as messages name it ("udvalgsfilen"); ``slug_name``: what the slug is, whose
    it is and a good example (values.check_slug). Returns (None, problems) if the YAML cannot be read.
    """
    doc, problems = load_yaml(text, source)
    if problems:
        return None, problems
    return doc, check_keys(doc, fields, (), source, what) + check_slug(slug, source, *slug_name)


def parse_organisation(text: str, slug: str, source: str) -> tuple[OrganisationNames | None, list[Problem]]:
    """Parse one organisation file (``content/organisationer/<slug>.yml``)."""
    slug_name = ("filnavnet", "organisationens", "sosu-mv-herning.yml")
    doc, problems = registry_file(text, source, ORGANISATION_FIELDS, "organisationsfilen", slug, slug_name)
    if problems:
        return None, problems
    names = doc.data.get("skrives_ogsaa") or []
    names = names if isinstance(names, list) else [names]
    own = doc.data["navn"]
    also = [(name, doc.line("skrives_ogsaa", index)) for index, name in enumerate(names) if name != own]
    return OrganisationNames(
        slug, own, tuple(name for name, _ in also), (doc.line("navn"), *(line for _, line in also))
    ), []


def parse_theme(text: str, slug: str, source: str) -> tuple[Theme | None, list[Problem]]:
    """Parse one theme file (``content/temaer/<slug>.yml``)."""
    slug_name = ("filnavnet", "temaets", "frafald-og-gennemfoersel.yml")
    doc, problems = registry_file(text, source, THEME_FIELDS, "temafilen", slug, slug_name)
    if problems:
        return None, problems
    return Theme(slug, doc.data["navn"], doc.data["beskrivelse"]), []
