"""Read editors' text files as Windows programs save them: byte-order mark, CRLF, Excel's encoding.

Notepad and Excel ("CSV UTF-8") write a UTF-8 byte-order mark, which is dropped. Windows line
endings become plain ones. A file that is not UTF-8 is refused with the line of the first byte that
cannot be read; only CSV files may be Windows-1252, as Danish Excel saves "CSV (semikolonsepareret)".
"""

from __future__ import annotations

import re
from pathlib import Path

from plugins.kb.problems import Problem
from plugins.kb.storage.paths import read_plain_file

BOM = b"\xef\xbb\xbf"
_UTF8_LETTER = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
WINDOWS_1252 = "cp1252"


def decode(data: bytes, source: str, fallback: str | None = None) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without a byte-order mark), else ``fallback``; normalise line endings.

    Returns ``(text, [])``, or ``(None, [problem])`` naming the line of the first bad byte.
    """
    data = data.removeprefix(BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file that has UTF-8 letters is UTF-8 with one bad character, not a Windows-1252 file.
        if fallback is not None and not _UTF8_LETTER.search(data):
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                return None, [_not_utf8(data, error, source)]
        else:
            return None, [_not_utf8(data, error, source)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_text(path: Path, source: str, fallback: str | None = None) -> tuple[str | None, list[Problem]]:
    """Read and :func:`decode` one file: a plain file of bounded size, never a link (see paths.py)."""
    data, problems = read_plain_file(path, source)
    if data is None:
        return None, problems
    return decode(data, source, fallback)


def _not_utf8(data: bytes, error: UnicodeDecodeError, source: str) -> Problem:
    line = data.count(b"\n", 0, error.start) + 1
    start = data.rfind(b"\n", 0, error.start) + 1
    readable = data[start : error.start].decode("utf-8", errors="replace").strip()
    after = f" efter '{readable[-30:]}'" if readable else ""
    return Problem(
        source,
        line,
        f"filen er ikke gemt som UTF-8: tegnet{after} (byte 0x{data[error.start]:02x}) kan ikke læses.",
        "gem filen som UTF-8: i Notesblok vælg Filer › Gem som og Kodning: UTF-8; i Word vælg Gem som "
        "› Almindelig tekst og kodningen Unicode (UTF-8).",
    )
