"""The text of a PDF file, page by page, with what its pages repeat (headers, footers, numbers) taken out.

pypdf reads the file within limits of its own (``pypdf.Configuration``), made tighter here: a part of
the file (a stream) may unpack to at most ``MAX_STREAM_MB``, and at most ``MAX_PAGES`` pages are read.
A file beyond them raises ``pypdf.errors.LimitReachedError`` or :class:`TooLarge`, which
``documents.read_document`` turns into a message for the editor, as it does every other error.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

# A part of a PDF (a page's text, a font) unpacks to at most this; pypdf's own default is 75 MB.
MAX_STREAM_MB = 20
# Minutes have tens of pages, an attached report a few hundred.
MAX_PAGES = 2000
# A page number alone on a line: "7", "Side 7", "Side 7 af 20", "- 7 -", "7/20".
_PAGE_NUMBER = re.compile(r"(?:side\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:af|/)\s*\d{1,4})?", re.I)


class TooLarge(Exception):
    """The file is beyond one of the reading's limits; ``str()`` says which, in Danish."""


class Encrypted(Exception):
    """The PDF file is protected by a password or encrypted."""


def pdf_pages(path: Path) -> list[str]:
    """Return the text of each page of the PDF at ``path``, in layout mode (lines and gaps kept).

    Raises:
        Encrypted: the file is protected.
        TooLarge: it has more than ``MAX_PAGES`` pages.
        Exception: whatever pypdf raises on a damaged or hostile file (the caller catches it).

    """
    from pypdf import PdfReader, apply_configuration

    limit = MAX_STREAM_MB * 1024 * 1024
    limits = {
        name: limit
        for name in (
            "maximum_declared_stream_length",
            "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "zlib_maximum_output_length",
            "brotli_maximum_output_length",
            "image_maximum_buffer_size",
        )
    }
    with apply_configuration(**limits), _quiet("pypdf"):
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise Encrypted
        if len(reader.pages) > MAX_PAGES:
            raise TooLarge(f"PDF-filen har {len(reader.pages)} sider; der læses højst {MAX_PAGES}.")
        return [page.extract_text(extraction_mode="layout") for page in reader.pages]


@contextmanager
def _quiet(name: str):
    """Keep a library's log warnings (English, about the file's inner repairs) out of the terminal."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def page_lines(page: str) -> list[str]:
    """A page's lines without trailing space, and at most one blank line in a row."""
    lines: list[str] = []
    for line in page.splitlines():
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def without_furniture(pages: list[list[str]]) -> list[str]:
    """Join the pages, leaving out page numbers and the header and footer lines every page repeats.

    Lines are compared with their numbers left out, so that "Referat | side 2 af 5" repeats too.
    """
    repeated: Counter[str] = Counter()
    for lines in pages:
        text = [_furniture_key(line) for line in lines if line.strip()]
        repeated.update({*text[:2], *text[-2:]})
    furniture = {
        line for line, count in repeated.items() if len(pages) > 1 and count >= max(2, len(pages) / 2)
    }
    joined: list[str] = []
    for lines in pages:
        text = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(text[:2] + text[-2:])
        for index, line in enumerate(lines):
            bare = line.strip()
            if index in edges and (_furniture_key(line) in furniture or _PAGE_NUMBER.fullmatch(bare)):
                continue
            joined.append(line)
    return joined


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))
