"""The theme's own scripts and stylesheet as a phone receives them: without comments and spaces.

The files in theme/static/ are written to be read, with a comment for every choice; a reader's
phone pays for every byte of them (tests/site/test_page_weight.py). Once Pelican has copied them,
each is replaced by its minified form: rjsmin and rcssmin keep every token, string and template
literal and drop only comments and the spaces the language does not need. Names are not shortened,
so an error in a browser's console still names the function it is in.
"""

from __future__ import annotations

import os
from pathlib import Path

import rcssmin
import rjsmin
from pelican import signals

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify(text: str, suffix: str) -> str:
    """``text``, a script or stylesheet (by ``suffix``), without its comments and needless spaces."""
    return MINIFIERS[suffix](text)


def minify_theme_files(pelican) -> None:
    """Minify the scripts and stylesheets copied from the theme (finalized: every file is written).

    Only the theme's own folder (THEME_STATIC_DIR): Pagefind's files and the browser editor's are
    published as their makers wrote them. Each file is written under a new name, then renamed over.
    """
    site = Path(pelican.output_path).resolve()
    folder = Path(pelican.output_path, pelican.settings["THEME_STATIC_DIR"])
    for path in sorted(folder.rglob("*")):
        # Never a file outside the site through a link (the theme's own sources, say).
        if path.suffix not in MINIFIERS or not path.is_file() or not path.resolve().is_relative_to(site):
            continue
        pending = path.with_name(f".{path.name}.ny")
        pending.write_bytes(minify(path.read_bytes().decode("utf-8"), path.suffix).encode("utf-8"))
        os.replace(pending, path)


def register() -> None:
    """Connect the receiver."""
    signals.finalized.connect(minify_theme_files)
