"""Parse minutes in worker processes, one per core, before Pelican asks for them one at a time.

Pelican reads its files one after the other on one core, and parsing the minutes (most of it
Markdown) is most of a build. The reader owns a :class:`ParsePool` for the minutes it has not parsed
before: the workers are forks of the build process, given the reader when they start, so they share
its settings, committees and themes without copying.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from plugins.kb.build import setting
from plugins.kb.content.links import Link
from plugins.kb.model import Meeting
from plugins.kb.outputs.registers import FollowUp
from plugins.kb.problems import Problem
from plugins.kb.records import quick_pickle


@quick_pickle
@dataclass(frozen=True, slots=True)
class ParsedMeeting:
    """What the reader makes of one minutes file.

    The meeting (None if it failed), its problems, its links, its ``[tabel: …]`` shortcodes as
    (line, name), its follow-ups and its list-number warnings (found once with the parse: the
    register lists the follow-ups, and a check logs the warnings, in every build).
    """

    meeting: Meeting | None
    problems: list[Problem]
    links: list[Link]
    tables: list[tuple[int, str]]
    follow_ups: tuple[FollowUp, ...] = ()
    warnings: tuple[Problem, ...] = ()


def cores() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worth_splitting(settings: dict, count: int) -> bool:
    """Whether ``count`` files are worth sharing out to other processes.

    Not below ``KB_PARALLEL_MIN``: starting a process then costs more than it saves; nor with one core,
    nor where a process cannot be forked (Windows): the workers are forks of the build.
    """
    return (
        cores() >= 2
        and count >= max(setting(settings, "KB_PARALLEL_MIN"), 2)
        and "fork" in multiprocessing.get_all_start_methods()
    )


# The reader a worker process parses with: set once in each worker when it starts (fork), never in
# the build process itself.
_worker_reader = None


def _start_worker(reader) -> None:
    global _worker_reader
    _worker_reader = reader


def _parse(source: str, text: str) -> ParsedMeeting:
    return _worker_reader.parse_minutes(source, text)


class ParsePool:
    """Minutes files being parsed in worker processes, one per core; the reader takes each result once.

    Made by the reader for the files it has to parse (when :func:`worth_splitting`), closed by it when
    the articles are read. A failure in a worker is raised where the reader takes that file's result.
    """

    def __init__(self, reader, pending: list[tuple[str, str]]):
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(
            cores(), mp_context=context, initializer=_start_worker, initargs=(reader,)
        )
        self._futures: dict[tuple[str, str], Future] = {
            key: self._pool.submit(_parse, *key) for key in pending
        }

    def __len__(self) -> int:
        """How many files were handed to the workers."""
        return len(self._futures)

    def take(self, source: str, text: str) -> ParsedMeeting | None:
        """The parsed file, once; None if it was not handed out (or has changed since)."""
        future = self._futures.pop((source, text), None)
        return future.result() if future is not None else None

    def close(self) -> None:
        """Stop the workers; results not taken are dropped."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures = {}
