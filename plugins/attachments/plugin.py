"""Pelican glue for attachments: the type, size and text of each file the minutes link, once per build."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from pelican import signals

from plugins.kb.attachments import describe
from plugins.kb.model import AttachmentFile

log = logging.getLogger(__name__)

# Files described in earlier builds of this process (the live preview, KB_KEEP_PARSED), by path, size and
# time of change: after a save, a PDF that has not changed is not read again.
KEPT: dict[tuple[str, int, int], AttachmentFile] = {}


@contextmanager
def _pdf_library_quiet():
    """Keep pypdf's own notes on odd PDFs ("incorrect startxref pointer") out of the build log.

    They are in English and about the file's inner structure; what matters to the editor, a file
    whose text cannot be read, is logged in Danish.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def describe_attachments(generators) -> None:
    """Give every meeting ``attachment_files``: each linked file's type, size and text, by path.

    all_generators_finalized: every meeting has been read and nothing written yet; ``check`` does not
    get here, so it never reads the files. A linked file that does not exist is left out: the
    validator reports the link and stops the build.
    """
    settings = generators[0].settings
    content_root = Path(settings["PATH"])
    kept = KEPT if settings.get("KB_KEEP_PARSED") else {}
    with _pdf_library_quiet():
        for article in generators[0].context.get("articles", []):
            meeting = getattr(article, "meeting", None)
            files = {}
            for path in meeting.attachment_paths if meeting is not None else ():
                file = content_root / path
                if file.is_file():
                    files[path] = _describe(file, file.relative_to(content_root.parent).as_posix(), kept)
            article.attachment_files = files


def _describe(file: Path, source: str, kept: dict) -> AttachmentFile:
    stat = file.stat()
    key = (source, stat.st_size, stat.st_mtime_ns)
    if key not in kept:
        kept[key], problems = describe(file, source)
        for problem in problems:
            log.warning("%s", problem)
    return kept[key]


def register() -> None:
    """Connect the receivers."""
    signals.all_generators_finalized.connect(describe_attachments)
