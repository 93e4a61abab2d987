"""Pelican glue for attachments: the type, size and text of each file the minutes link, once per build."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from plugins.kb.build import setting
from plugins.kb.content.attachments import describe
from plugins.kb.model import AttachmentFile
from plugins.kb.storage.fingerprint import attachment_key

log = logging.getLogger(__name__)


def describe_attachments(generators) -> None:
    """Give every meeting ``attachment_files``: each linked file's type, size and text, by path.

    all_generators_finalized: every meeting has been read and nothing written yet. A check writes no
    page, so it never reads the files. A linked file that does not exist is left out: the validator
    reports the link and stops the build. A file the build's cache has described, with the same
    bytes, is not read again. A link or a pipe is never read (plugins/files reports it). pypdf's own
    English notes on odd PDFs are kept out of the log by the reader (plugins/kb/importer/pdf_document.py).
    """
    settings = generators[0].settings
    build = setting(settings, "KB_BUILD")
    if build.check:
        return
    content_root = Path(settings["PATH"])
    tree = settings["KB_FILES"]
    for article in generators[0].context.get("articles", []):
        meeting = getattr(article, "meeting", None)
        files = {}
        for path in meeting.attachment_paths if meeting is not None else ():
            # Only plain files inside the repository, found by name in any Unicode form.
            source = tree.on_disk(f"{content_root.name}/{path}")
            if source is not None:
                files[path] = _described(content_root.parent / source, source, build.cache)
        article.attachment_files = files


def _described(file: Path, source: str, cache) -> AttachmentFile:
    """The file's description, from the cache if it has described these bytes before; its problems logged."""
    if cache is None:
        found = describe(file, source)
    else:
        found = cache.remembered(attachment_key(source, file.read_bytes()), lambda: describe(file, source))
    described, problems = found
    for problem in problems:
        log.warning("%s", problem)
    return described


def register() -> None:
    """Connect the receivers."""
    signals.all_generators_finalized.connect(describe_attachments)
