"""The shortcode that embeds a dataset in Markdown (``[tabel: navn]``): where it is, which are unknown."""

from __future__ import annotations

import re
from collections.abc import Collection

from plugins.kb.metadata.values import suggest
from plugins.kb.problems import Problem

SHORTCODE = re.compile(r"^\[tabel:\s*(?P<name>[^\]\s]*)\s*\]$")


def find_table_refs(text: str) -> list[tuple[int, str]]:
    """Return ``(line, name)`` for every shortcode line in a Markdown file (1-based lines)."""
    return [
        (number, match["name"])
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := SHORTCODE.match(line.strip()))
    ]


def check_table_refs(refs: list[tuple[int, str]], source: str, known: Collection[str]) -> list[Problem]:
    """Report shortcodes (``find_table_refs``) that name no dataset in data/."""
    names = sorted(known)
    return [
        Problem(
            source,
            line,
            f"tabellen '{name}' findes ikke i data/.",
            f"{suggest(name, names)}Skriv '[tabel: navn]', hvor navn er en CSV-fil i data/ uden "
            f"'.csv'; kendte tabeller: {', '.join(names) or 'ingen'}.",
        )
        for line, name in refs
        if name not in known
    ]
