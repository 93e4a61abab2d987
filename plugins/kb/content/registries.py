"""The committees, themes, reports and organisations a build knows: one file each, read before any content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plugins.kb.content.parse import parse_committee, parse_organisation, parse_theme
from plugins.kb.content.reports import parse_report
from plugins.kb.metadata.textfile import read_text
from plugins.kb.model import Committee, OrganisationNames, Report, Theme
from plugins.kb.problems import Problem
from plugins.kb.sections import section


@dataclass(slots=True)
class Registry:
    """Committees, themes or reports (``content/udvalg/*.yml`` …) and their problems."""

    by_slug: dict[str, Committee | Theme | Report | OrganisationNames] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Files with problems: content naming them is not reported a second time.
    broken: set[str] = field(default_factory=set)

    @property
    def known(self) -> set[str]:
        """Return every slug that has a file, valid or not."""
        return set(self.by_slug) | self.broken


@dataclass(frozen=True, slots=True)
class Registries:
    """Everything content may name: its committee, its themes, its report."""

    committees: Registry
    themes: Registry
    reports: Registry
    organisations: Registry


def _load(files: list[Path], content_root: Path, parse: Callable, slug_of: Callable[[Path], str]) -> Registry:
    """Parse each file with ``parse(text, slug, source)``; the slug is checked by each parser."""
    registry = Registry()
    for path in sorted(files):
        source = path.relative_to(content_root.parent).as_posix()
        text, problems = read_text(path, source)
        entry, problems = parse(text, slug_of(path), source) if text is not None else (None, problems)
        registry.problems += problems
        if entry:
            registry.by_slug[entry.slug] = entry
        else:
            registry.broken.add(slug_of(path))
    return registry


def read_committees(content_root: Path) -> Registry:
    """Read ``content/udvalg/*.yml``: the file's name is the committee's slug."""
    folder = content_root / section("udvalg").content
    return _load(list(folder.glob("*.yml")), content_root, parse_committee, lambda path: path.stem)


def read_registries(content_root: Path) -> Registries:
    """Read the committees, the themes, and the reports (``content/rapporter/<slug>/rapport.yml``).

    Reports are read after themes: a report names its themes.
    """
    themes_folder = content_root / section("temaer").content
    themes = _load(list(themes_folder.glob("*.yml")), content_root, parse_theme, lambda path: path.stem)

    def parse(text: str, slug: str, source: str):
        return parse_report(text, slug, source, themes.known)

    reports_folder = content_root / section("rapporter").content
    reports = _load(
        list(reports_folder.glob("*/rapport.yml")), content_root, parse, lambda path: path.parent.name
    )
    folder = content_root / section("organisationer").content
    organisations = _load(
        list(folder.glob("*.yml")), content_root, parse_organisation, lambda path: path.stem
    )
    organisations.problems += _names_written_twice(organisations, content_root.name)
    return Registries(read_committees(content_root), themes, reports, organisations)


def written_names(organisations: Registry) -> dict[str, OrganisationNames]:
    """Each name the minutes may write an organisation with, and the organisation it stands for."""
    found = {}
    for organisation in organisations.by_slug.values():
        for name in organisation.names:
            found.setdefault(name, organisation)
    return found


def _names_written_twice(organisations: Registry, content: str) -> list[Problem]:
    """A name in two organisation files: the minutes' name could mean either."""
    problems = []
    first: dict[str, str] = {}
    for slug, organisation in organisations.by_slug.items():
        for name in organisation.names:
            if name in first:
                problems.append(
                    Problem(
                        f"{content}/organisationer/{slug}.yml",
                        organisation.line_of(name),
                        f"navnet '{name}' står også i {content}/organisationer/{first[name]}.yml.",
                        "skriv hvert navn i én organisationsfil: den organisation, referaterne mener.",
                    )
                )
            first.setdefault(name, slug)
    return problems
