"""The manifest of an index in parts, which the search page reads before it loads any part.

The search page merges the newest part with the main index and the older parts only when the
reader asks for them (theme/static/js/search.js). What it needs to know of the parts it has not
loaded is here: each part's name, newest first; its filter counts (which years, committees, types
and themes it holds), so that the filter boxes list them and a part that cannot match the chosen
filters is never loaded; and a tag for each index's entry file that changes with the index, so a
browser may keep an entry file until the next build changes it (Pagefind's ``metaCacheTag``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .integrity import ENTRY
from .parts import PARTS_FILE
from .stable import read


def entry_tag(index: Path) -> str:
    """A tag that changes whenever the index in ``index`` does: a digest of its entry file.

    The entry file names the index's metadata by a hash of its content, and the metadata names
    every other file the same way.
    """
    return hashlib.sha256((index / ENTRY).read_bytes()).hexdigest()[:12]


def filter_counts(index: Path) -> dict[str, dict[str, int]]:
    """How many pages of the index in ``index`` have each value of each filter.

    Each filter file holds ``[name, [[value, pages], …]]`` (read as plugins/search/stable.py reads it
    to sort it); the manifest is written with its keys sorted.
    """
    counts: dict[str, dict[str, int]] = {}
    for path in (index / "filter").glob("*.pf_filter"):
        name, values = read(path)
        counts[name] = {value: len(pages) for value, pages in values}
    return counts


def write_manifest(index: Path, newest_first: list[str]) -> None:
    """Write the manifest of the main index in ``index`` and its parts (subfolders, newest first)."""
    manifest = {
        "main": {"tag": entry_tag(index)},
        "parts": [
            {"name": name, "tag": entry_tag(index / name), "filters": filter_counts(index / name)}
            for name in newest_first
        ],
    }
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (index / PARTS_FILE).write_text(text + "\n", encoding="utf-8")
