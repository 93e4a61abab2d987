"""The fixture site whose minutes link attachment files, built with those files made from text.

Used by the site tests (tests/site/test_attachments.py) and, served, by the browser's search tests.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import Pelican

from tests.conftest import FIXTURES, site_settings
from tests.documents import make_docx, make_pdf, make_scanned_pdf

FOLDER = "bilag/2024-09-16-luu-test"
MEETING = "referater/luu-test/2024-09-16/index.html"
# The PDF's lines as printed: a word broken at a line end, and "social- og" that must keep its hyphen.
PDF_LINES = [
    "Ansøgertal januar 2024",
    "Social- og sundhedshjælper: 45 ansøgere, heraf 12 til sommeroptaget i Skive.",
    "Flest søger social-",
    "og sundhedsassistentuddan-",
    "nelsen.",
]
DOCX_TEXT = "Temadagen handlede om velkomstbreve og mentorordninger for nye elever."


def make_attachments(content: Path) -> None:
    """The fixture's PDF and Word attachments, a scanned letter and a damaged PDF, made from text."""
    folder = content / FOLDER
    make_pdf(folder / "ansoegertal.pdf", [PDF_LINES], numbered=False)
    make_docx(folder / "temadag.docx", [], [("Normal", DOCX_TEXT)])
    make_scanned_pdf(folder / "brev.pdf", pages=1)
    # Cut off after its first line, as a failed upload leaves a file.
    (folder / "tidsplan.pdf").write_bytes(b"%PDF-1.4\n")


class _Warnings(logging.Handler):
    """The messages of the warnings logged while it is attached."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_attachments_site(workdir: Path) -> tuple[Path, list[str]]:
    """Build the fixture ``meeting_with_attachments`` in ``workdir``; return the output and the warnings."""
    settings = site_settings(FIXTURES / "meeting_with_attachments" / "content", workdir)
    make_attachments(workdir / "content")
    warnings = _Warnings()
    logging.getLogger().addHandler(warnings)
    # Pelican logs a message only the first time in a process; this site may be built twice in one.
    plugin_log = logging.getLogger("plugins.attachments.plugin")
    plugin_log.disable_filter()
    try:
        Pelican(settings).run()
    finally:
        plugin_log.enable_filter()
        logging.getLogger().removeHandler(warnings)
    return Path(settings["OUTPUT_PATH"]), warnings.messages
