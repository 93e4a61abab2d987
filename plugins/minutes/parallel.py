"""Parse minutes in worker processes, one per core, before Pelican asks for them one at a time.

Pelican reads its files one after the other on one core, and parsing the minutes (most of it
Markdown) is most of a build. The reader starts the workers for every minutes file at once; they are
forks of the build process, so they share its settings, committees and themes without copying.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from plugins.kb.links import Link
from plugins.kb.model import Meeting
from plugins.kb.problems import Problem


@dataclass(frozen=True, slots=True)
class ParsedMeeting:
    """What the reader makes of one minutes file.

    The meeting (None if it failed), its problems, its links and its ``[tabel: …]`` shortcodes as
    (line, name).
    """

    meeting: Meeting | None
    problems: list[Problem]
    links: list[Link]
    tables: list[tuple[int, str]]


# Parsed minutes by (file, text), kept between builds of one process when KB_KEEP_PARSED is set: the
# live preview then parses only the files that changed.
PARSED: dict[tuple[str, str], ParsedMeeting] = {}

def forget_parsed() -> None:
    """Empty the kept minutes: what they were parsed against (committees, themes, data) has changed."""
    PARSED.clear()


# The reader the workers parse with; a forked worker inherits it.
_reader = None


def _parse(source: str, text: str) -> ParsedMeeting:
    return _reader.parse_minutes(source, text)


def cores() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0))


def parse_in_parallel(reader, pending: list[tuple[str, str]], minimum: int) -> dict[tuple[str, str], Future]:
    """Start parsing each (file, text) with ``reader.parse_minutes`` in a worker per core.

    Returns a future per (file, text), or nothing when there are fewer than ``minimum`` files or one
    core: starting workers then costs more than it saves, and the reader parses as before.
    """
    workers = cores()
    if workers < 2 or len(pending) < max(minimum, 2):
        return {}
    global _reader
    _reader = reader
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        futures = {key: pool.submit(_parse, *key) for key in pending}  # the first submit forks
        pool.shutdown(wait=False)
    finally:
        _reader = None
    return futures
