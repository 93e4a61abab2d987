"""The one way metadata is written: the browser editor and the command line write the same bytes.

The browser editor (Decap CMS, theme/admin/metadata.js) saves a whole file whenever one value
changes. So that a changed value changes only its own line, every file in the repository is kept
in the form written here, and the editor's own writer is a line-for-line twin of this module
(tests/unit/test_canonical.py runs both on every file and compares).

The form, for a mapping of the field table's keys:
- keys in the field table's order (nested ones too); keys it does not know after them, as found;
- an empty value (nothing, '', an empty list or mapping) is left out;
- a text plain when YAML reads it back as the same text, else in double quotes with JSON escapes;
- numbers and yes/no of the fields whose kind is a number or yes/no, plain;
- a list of short words (slugs) on one line, ``[a, b]``; any other list one item per line;
- two spaces of indentation; a list's items under its key, ``  - ``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plugins.kb.metadata.fields import (
    COLUMN_FIELDS,
    ITEM_THEME_FIELDS,
    PERSON_FIELDS,
    PLANNED_FIELDS,
    Field,
    Kind,
)
from plugins.kb.metadata.frontmatter import load_yaml, split_front_matter
from plugins.kb.metadata.kinds import editor_files, kind_of
from plugins.kb.metadata.textfile import read_text
from plugins.kb.problems import Problem

# The fields each kind of value holds, for the kinds that hold fields.
SUBFIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.PERSON: PERSON_FIELDS,
    Kind.PEOPLE: PERSON_FIELDS,
    Kind.PLANNED: PLANNED_FIELDS,
    Kind.COLUMNS: COLUMN_FIELDS,
    Kind.ITEM_THEMES: ITEM_THEME_FIELDS,
}
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}
_NUMBER = re.compile(
    r"[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?"
    r"|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# What YAML does not allow unescaped (outside its printable set) and what editors cannot see.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_WORD = re.compile(r"[A-Za-z0-9ÆØÅæøå_-]+")
COMMENT_MESSAGE = "metadata har en kommentar ('# …'), som den faste form ikke kan rumme."
# A comment: '#' at the start of a line or after a space, outside quotes.
_COMMENT = re.compile(r"""^(?:[^"'#]|"(?:[^"\\]|\\.)*"|'[^']*')*?(?:^|\s)#""")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def field_order(fields: Iterable[Field], prefix: str = "") -> list[str]:
    """Every key path of ``fields`` in order, nested ones as ``parent.child``: the editor's own list.

    The same list the browser editor hands its writer (Decap's ``getFieldsNames``): first the keys
    of one level, then each one's nested keys.
    """
    fields = tuple(fields)
    names = [f"{prefix}{field.key}" for field in fields]
    nested = [
        name
        for field in fields
        if field.kind in SUBFIELDS
        for name in field_order(SUBFIELDS[field.kind], f"{prefix}{field.key}.")
    ]
    return names + nested


def _kinds(fields: Iterable[Field], prefix: str = "") -> dict[str, Kind]:
    kinds = {}
    for field in fields:
        kinds[prefix + field.key] = field.kind
        if field.kind in SUBFIELDS:
            kinds |= _kinds(SUBFIELDS[field.kind], f"{prefix}{field.key}.")
    return kinds


def write_yaml(data: dict[str, Any], fields: Iterable[Field]) -> str:
    """``data`` (as read by plugins/kb/metadata/frontmatter.py: texts, lists, mappings) in canonical form."""
    fields = tuple(fields)
    return "".join(_mapping(data, "", 0, field_order(fields), _kinds(fields)))


def _mapping(data: dict, path: str, indent: int, order: list[str], kinds: dict[str, Kind]) -> list[str]:
    rank = {name: index for index, name in enumerate(order)}
    keys = [key for key in data if not _empty(data[key])]
    keys.sort(key=lambda key: rank.get(path + key, len(order)))
    lines = []
    for key in keys:
        lines += _entry(key, data[key], path + key, indent, order, kinds)
    return lines


def _entry(
    key: str, value: Any, path: str, indent: int, order: list[str], kinds: dict[str, Kind]
) -> list[str]:
    lead = " " * indent + _scalar(key) + ":"
    if isinstance(value, dict):
        return [lead + "\n", *_mapping(value, f"{path}.", indent + 2, order, kinds)]
    if isinstance(value, list):
        items = [item for item in value if not _empty(item)]
        if all(isinstance(item, str) and _WORD.fullmatch(item) and _plain(item) for item in items):
            return [f"{lead} [{', '.join(items)}]\n"]
        lines = [lead + "\n"]
        for item in items:
            if isinstance(item, dict):
                inner = _mapping(item, f"{path}.", indent + 4, order, kinds)
                first = inner[0]
                lines += [" " * (indent + 2) + "- " + first[indent + 4 :], *inner[1:]]
            else:
                lines.append(" " * (indent + 2) + "- " + _value(item, path, kinds) + "\n")
        return lines
    return [f"{lead} {_value(value, path, kinds)}\n"]


def _value(value: Any, path: str, kinds: dict[str, Kind]) -> str:
    kind = kinds.get(path)
    text = str(value)
    if kind is Kind.NUMBER and re.fullmatch(r"-?\d+", text):
        return text
    if kind is Kind.BOOLEAN and text in ("true", "false"):
        return text
    return _scalar(text)


def _scalar(text: str) -> str:
    """``text`` plain if YAML reads it back as the same text, else double-quoted."""
    if _plain(text):
        return text
    escaped = "".join(_ESCAPES.get(c, c if not _SPECIAL.match(c) else f"\\u{ord(c):04x}") for c in text)
    return f'"{escaped}"'


def _plain(text: str) -> bool:
    return not (
        not text
        or text != text.strip()
        or text[0] in _INDICATORS
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or _SPECIAL.search(text)
        or text.lower() in _RESERVED
        or _NUMBER.fullmatch(text)
    )


def _empty(value: Any) -> bool:
    """Nothing, '', or a list or mapping of nothing but empty values: left out."""
    if isinstance(value, dict):
        return all(_empty(item) for item in value.values())
    if isinstance(value, list):
        return all(_empty(item) for item in value)
    return value is None or value == ""


def canonical_text(
    text: str, source: str, fields: tuple[Field, ...], markdown: bool
) -> tuple[str | None, list[Problem]]:
    """``text`` (a whole file) in the canonical form, or None and the problems that prevent reading it.

    The result is read back and compared with what the file held: a value is never changed, only
    where and how it is written (the comparison leaves out empty values, which the form omits).
    """
    body = None
    yaml_text, first_line = text, 1
    if markdown:
        yaml_text, body, _, problems = split_front_matter(text, source)
        if yaml_text is None:
            return None, problems
        first_line = 2
    document, problems = load_yaml(yaml_text, source, first_line)
    if problems:
        return None, problems
    lines = enumerate(yaml_text.splitlines(), first_line)
    comment = next((number for number, line in lines if _COMMENT.search(line)), 0)
    if comment:
        # The form has no place for comments: writing it would drop them, so the file is left as it is.
        return None, [
            Problem(
                source,
                comment,
                COMMENT_MESSAGE,
                "læs kommentaren, ret det, den siger (fx et 'TJEK' fra importen), og slet den; skal "
                "teksten blive, så skriv den i et felt, fx 'kilde'.",
            )
        ]
    written = write_yaml(document.data, fields)
    again, _ = load_yaml(written, source)
    if _without_empty(again.data) != _without_empty(document.data):
        raise AssertionError(f"{source}: the canonical form would change a value")  # a bug in this module
    return (f"---\n{written}---\n{body}" if markdown else written), []


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_empty(item) for key, item in value.items() if not _empty(item)}
    if isinstance(value, list):
        return [_without_empty(item) for item in value if not _empty(item)]
    return value


def form_problems(root: Path, skip: Iterable[str] = ()) -> list[Problem]:
    """The editors' files under ``root`` (the repository) that are not in the form: what ``check`` adds.

    A file the form cannot hold (a comment) is named with the comment's line; one written otherwise,
    with its first line that differs. Files in ``skip`` (those with other problems to fix first) and
    files that cannot be read at all are left to the rest of the check, which says why.
    """
    problems = []
    skipped = set(skip)
    for name in editor_files(root):
        if name in skipped:
            continue
        kind = kind_of(name)
        text, _ = read_text(root / name, name)
        if text is None:
            continue
        written, found = canonical_text(text, name, kind.fields, kind.markdown)
        problems += [problem for problem in found if problem.message == COMMENT_MESSAGE]
        if written is not None and written != text:
            pairs = zip(text.splitlines(), written.splitlines(), strict=False)
            line = next((n for n, (old, new) in enumerate(pairs, 1) if old != new), 1)
            problems.append(
                Problem(
                    name,
                    line,
                    "metadata står ikke i den faste form, som redigeringen i browseren også skriver "
                    "(felternes rækkefølge, anførselstegn kun hvor de skal bruges).",
                    "kør './run format', eller gem filen i redigeringen i browseren; ingen værdi ændres.",
                )
            )
    return problems
