"""The kinds of files editors write: where each kind lives and which field table its metadata follows.

The browser editor has one collection per kind (plugins/kb/outputs/cms.py), the canonical writer
writes each file by its kind's fields (plugins/kb/metadata/canonical.py), and ``praktikviden format``
finds the files here.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from plugins.kb.metadata.fields import (
    COMMITTEE_FIELDS,
    DATASET_FIELDS,
    MEETING_FIELDS,
    ORGANISATION_FIELDS,
    PAGE_FIELDS,
    REPORT_FIELDS,
    THEME_FIELDS,
    Field,
)


@dataclass(frozen=True, slots=True)
class ContentKind:
    """One kind of editor's file.

    Attributes:
        key: its name, also the name of its collection in the browser editor.
        label: its name for editors, in Danish, plural.
        pattern: where its files are, relative to the repository (``fnmatch``: ``*`` spans folders).
        fields: the field table its metadata follows.
        markdown: whether the file is Markdown with front matter (else a YAML file).

    """

    key: str
    label: str
    pattern: str
    fields: tuple[Field, ...]
    markdown: bool


MINUTES = ContentKind("referater", "Referater", "content/referater/*.md", MEETING_FIELDS, True)
COMMITTEES = ContentKind("udvalg", "Udvalg", "content/udvalg/*.yml", COMMITTEE_FIELDS, False)
THEMES = ContentKind("temaer", "Temaer", "content/temaer/*.yml", THEME_FIELDS, False)
PAGES = ContentKind("sider", "Sider og pilotprojekter", "content/sider/*.md", PAGE_FIELDS, True)
GUIDE = ContentKind("guide", "Guiden", "content/guide/*.md", PAGE_FIELDS, True)
REPORTS = ContentKind("rapporter", "Rapporter", "content/rapporter/*/rapport.yml", REPORT_FIELDS, False)
CHAPTERS = ContentKind("rapportkapitler", "Rapportkapitler", "content/rapporter/*/*.md", PAGE_FIELDS, True)
DATASETS = ContentKind("data", "Tabeller (data)", "data/*.yml", DATASET_FIELDS, False)
ORGANISATIONS = ContentKind(
    "organisationer", "Organisationer", "content/organisationer/*.yml", ORGANISATION_FIELDS, False
)

CONTENT_KINDS: tuple[ContentKind, ...] = (
    MINUTES,
    COMMITTEES,
    THEMES,
    PAGES,
    GUIDE,
    REPORTS,
    CHAPTERS,
    DATASETS,
    ORGANISATIONS,
)


def kind_of(relative: str) -> ContentKind | None:
    """The kind of the file at ``relative`` (from the repository's root, with '/'), if it is one."""
    return next((kind for kind in CONTENT_KINDS if fnmatch.fnmatchcase(relative, kind.pattern)), None)


def editor_files(root: Path) -> list[str]:
    """Every editor's file with metadata under ``root`` (the repository), relative to it, sorted."""
    found = [*(root / "content").rglob("*"), *(root / "data").glob("*")]
    names = (path.relative_to(root).as_posix() for path in found if path.is_file() and not path.is_symlink())
    return sorted(name for name in names if kind_of(name) is not None)
