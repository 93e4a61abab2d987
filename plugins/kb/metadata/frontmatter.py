"""Read YAML front matter and YAML files while keeping the line of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from plugins.kb.problems import Problem

Path = tuple[str | int, ...]


@dataclass(slots=True)
class Document:
    """A YAML mapping as plain Python values, with 1-based source lines per key path.

    ``lines[("deltagere", 2, "organisation")]`` is the line of that key; ``lines[("deltagere", 2)]``
    the line where the third participant starts. Every scalar is a string: YAML's implicit typing
    (dates, yes/no, numbers) is switched off so that validation sees exactly what the editor wrote.
    """

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int:
        """Return the line of ``path``, falling back to its nearest located parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def split_front_matter(text: str, source: str) -> tuple[str | None, str, int, list[Problem]]:
    """Split a Markdown file into its YAML front matter and its body.

    Args:
        text: the whole file.
        source: the file path for problem messages.

    Returns:
        ``(yaml_text, body, body_first_line, problems)``; ``yaml_text`` is None when the file has no
        front matter, and then a problem says so.

    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return (
            None,
            text,
            1,
            [
                Problem(
                    source,
                    1,
                    "filen mangler metadata (front matter) øverst.",
                    "start filen med en linje '---', så felterne (fx 'dato: 2024-09-16'), "
                    "og afslut dem med en linje '---'.",
                )
            ],
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2, []
    return (
        None,
        text,
        1,
        [
            Problem(
                source,
                1,
                "metadata øverst i filen bliver ikke afsluttet.",
                "tilføj en linje med '---' efter det sidste felt.",
            )
        ],
    )


# No editor's metadata comes near these; beyond them a file is a mistake or an attack.
MAX_YAML_CHARACTERS = 100_000
MAX_DEPTH = 10
_YAML_TAG = "tag:yaml.org,2002:"
# What plain YAML gives every value without a tag; an explicit '!!str' is the same and allowed.
_PLAIN_TAGS = {f"{_YAML_TAG}str", f"{_YAML_TAG}seq", f"{_YAML_TAG}map"}
# Text with fewer brackets and shorter lines than this cannot nest deep enough to harm the parser.
_SCAN_BEYOND = 1000


def _compose(text: str) -> yaml.Node | None:
    """Parse with libyaml when PyYAML has it (several times faster, same nodes and marks).

    Bad YAML is parsed again by the pure-Python parser, whose error wording the messages quote.
    """
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.BaseLoader)


def load_yaml(text: str, source: str, first_line: int = 1) -> tuple[Document, list[Problem]]:
    """Parse a YAML mapping into a :class:`Document`.

    Args:
        text: YAML source.
        source: the file path for problem messages.
        first_line: the file line on which ``text`` starts (2 for front matter after '---').

    Returns:
        The document and any problems (syntax errors, a top level that is not a mapping,
        duplicate keys). On a syntax error the document is empty.

    """
    offset = first_line - 1
    if len(text) > MAX_YAML_CHARACTERS:
        return Document(), [
            Problem(
                source,
                first_line,
                f"metadata fylder mere end {MAX_YAML_CHARACTERS:,} tegn.".replace(",", "."),
                "tjek, at '---' efter det sidste felt ikke mangler; del ellers indholdet op i flere filer.",
            )
        ]
    structure = _structure_problem(text, source, offset)
    if structure is not None:
        return Document(), [structure]
    try:
        root = _compose(text)
    except RecursionError:
        return Document(), [_depth_problem(source, first_line)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else first_line
        what = error.problem or "ugyldig YAML"
        return Document(), [
            Problem(
                source,
                line,
                f"metadata kan ikke læses (YAML: {what}).",
                "tjek kolon, indrykning og anførselstegn på linjen; en værdi med ': ' i skal "
                "stå i anførselstegn.",
            )
        ]
    except yaml.reader.ReaderError as error:
        return Document(), [
            Problem(
                source,
                text.count("\n", 0, error.position) + first_line,
                f"metadata indeholder et usynligt styretegn (U+{error.character:04X}), som ikke er tilladt.",
                "slet tegnet, fx ved at skrive linjen igen; det kommer ofte med, når tekst kopieres fra "
                "Word eller en PDF.",
            )
        ]
    if root is None:
        return Document(lines={(): first_line}), []
    if not isinstance(root, yaml.MappingNode):
        return Document(), [
            Problem(
                source,
                root.start_mark.line + 1 + offset,
                "metadata skal være en liste af felter på formen 'navn: værdi'.",
                "skriv ét felt pr. linje, fx 'dato: 2024-09-16'.",
            )
        ]
    document = Document(lines={(): first_line})
    problems: list[Problem] = []
    document.data = _convert(root, (), document.lines, offset, source, problems)
    return document, problems


def _structure_problem(text: str, source: str, offset: int) -> Problem | None:
    """An anchor ('&navn') or alias ('*navn'), or nesting too deep to build: found before building.

    Ten lines of aliases referring to aliases make a value of billions of items ("billion laughs"),
    and libyaml builds nested values by recursion, which a few thousand levels overflow. No editor
    needs either. YAML's event stream is flat, so it is read first, but only when the text could
    hold either: an alias needs '&' or '*', deep nesting many brackets or very long lines.
    """
    longest = max(map(len, text.splitlines()), default=0)
    if "&" not in text and "*" not in text and text.count("[") + text.count("{") + longest < _SCAN_BEYOND:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader)):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH + 1:
                    return _depth_problem(source, event.start_mark.line + 1 + offset)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                return Problem(
                    source,
                    event.start_mark.line + 1 + offset,
                    f"metadata bruger en YAML-henvisning ('{sign}{event.anchor}'), som sitet ikke læser.",
                    "skriv værdien ud hvert sted, den skal stå, og slet '&…' og '*…'.",
                )
    except yaml.YAMLError:
        return None  # a syntax error: reported by load_yaml with its own message
    return None


def _depth_problem(source: str, line: int) -> Problem:
    return Problem(
        source,
        line,
        f"metadata er indlejret i mere end {MAX_DEPTH} lag (lister og felter inden i hinanden).",
        "skriv felterne, som vejledningen viser dem; et felt har højst en liste af personer med navn "
        "og organisation under sig.",
    )


def _convert(
    node: yaml.Node,
    path: Path,
    lines: dict[Path, int],
    offset: int,
    source: str,
    problems: list[Problem],
) -> Any:
    line = node.start_mark.line + 1 + offset
    lines.setdefault(path, line)
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace(_YAML_TAG, "!!", 1)
        problems.append(
            Problem(
                source,
                line,
                f"metadata bruger YAML-mærket '{shown}', som sitet ikke læser.",
                "slet mærket (det, der begynder med '!'), så værdien står som almindelig tekst.",
            )
        )
        return None
    if len(path) > MAX_DEPTH:
        if not any(p.message.startswith("metadata er indlejret") for p in problems):
            problems.append(_depth_problem(source, line))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1 + offset
            if key in result:
                problems.append(
                    Problem(
                        source,
                        key_line,
                        f"feltet '{key}' står der to gange.",
                        f"slet den ene '{key}'-linje.",
                    )
                )
                continue
            lines[path + (key,)] = key_line
            result[key] = _convert(value_node, path + (key,), lines, offset, source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, path + (index,), lines, offset, source, problems)
            for index, item in enumerate(node.value)
        ]
    value = node.value
    # BaseLoader gives '' for an empty value; treat it as absent so 'required' checks catch it.
    return value if value != "" else None
