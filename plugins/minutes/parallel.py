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


def worth_splitting(settings: dict, count: int) -> bool:
    """Whether ``count`` files or pages are worth sharing out to other processes.

    Not below ``KB_PARALLEL_MIN`` (50): starting a process then costs more than it saves; nor with
    one core.
    """
    return cores() >= 2 and count >= max(settings.get("KB_PARALLEL_MIN", 50), 2)


def parse_in_parallel(reader, pending: list[tuple[str, str]]) -> dict[tuple[str, str], Future]:
    """Start parsing each (file, text) with ``reader.parse_minutes`` in a worker per core.

    Returns a future per (file, text), or nothing when that is not worth it (:func:`worth_splitting`);
    the reader then parses as before.
    """
    if not worth_splitting(reader.settings, len(pending)):
        return {}
    global _reader
    _reader = reader
    try:
        pool = ProcessPoolExecutor(cores(), mp_context=multiprocessing.get_context("fork"))
        futures = {key: pool.submit(_parse, *key) for key in pending}  # the first submit forks
        pool.shutdown(wait=False)
    finally:
        _reader = None
    return futures
