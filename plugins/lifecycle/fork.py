"""Work a forked copy of the build does while the build goes on, and what the copy gives back.

Pelican writes the pages on one core. The registers are written from the minutes read, as the
meeting pages are, and neither needs the other: a copy of the build made (``fork``) when writing
begins writes the registers while the build writes the meeting pages (plugins/registers,
benchmarks/RESULTS.md). What the copy's work returns comes back to the build; what it logged is
logged by the build, as if the build had logged it, so that an error there fails the build as one
here does; an exception there is raised here.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import traceback
import weakref
from collections.abc import Callable

from plugins.markdown_content.parallel import worth_splitting


class ForkFailed(Exception):
    """The copy's work raised (its traceback, as text), or the copy ended without answering."""


def worth_forking(settings: dict, count: int) -> bool:
    """Whether work on ``count`` minutes is worth a copy of the build (worth_splitting).

    Never in a process that runs other threads (the live preview serves pages while it builds): a
    fork copies only the thread that makes it.
    """
    return threading.active_count() == 1 and worth_splitting(settings, count)


class Forked:
    """``work()`` run in a forked copy of this process; :meth:`result` waits for what it returned."""

    def __init__(self, work: Callable[[], object]):
        """Start the copy.

        Raises:
            OSError: the process could not be forked (no memory, too many processes).

        """
        context = multiprocessing.get_context("fork")
        self._answers, answer = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, answer, self._answers), daemon=True)
        self._process.start()
        answer.close()
        # A build that fails before it takes the result stops the copy (when this is collected).
        weakref.finalize(self, _stop, self._process)

    def result(self):
        """What ``work()`` returned (picklable), once it has; what it logged is logged here first.

        Raises:
            ForkFailed: ``work()`` raised, or the copy ended without answering.

        """
        try:
            outcome, value, records = self._answers.recv()
        except EOFError:
            outcome, value, records = "failed", "", []
        except BaseException:  # stopped while waiting (Ctrl-C): the copy with it
            _stop(self._process)
            raise
        finally:
            self._answers.close()
            self._process.join()
        for record in records:
            # Its logger's filters ran in the copy: Pelican's would drop (raise on) one seen here too.
            logging.getLogger(record.name).callHandlers(record)
        if outcome != "done":
            raise ForkFailed(value or f"the build's copy ended with exit code {self._process.exitcode}")
        return value


class _Kept(logging.Handler):
    """Keep the records logged, made picklable: their message written out, a traceback as text."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        traceback_text = record.exc_text
        if record.exc_info and not traceback_text:
            traceback_text = logging.Formatter().formatException(record.exc_info)
        fields = {name: getattr(record, name) for name in _RECORD_FIELDS}
        fields.update(msg=record.getMessage(), exc_text=traceback_text)
        self.records.append(logging.makeLogRecord(fields))


# What a record carries besides its message, its arguments and a traceback (none of them objects a
# pickle may not hold, as an ``extra`` may be).
_RECORD_FIELDS = (
    "name",
    "levelno",
    "levelname",
    "pathname",
    "filename",
    "module",
    "lineno",
    "funcName",
    "created",
    "msecs",
    "relativeCreated",
    "thread",
    "threadName",
    "process",
    "processName",
)


def _stop(process) -> None:
    if process.exitcode is None:
        process.terminate()


def _run(work: Callable[[], object], answer, answers) -> None:
    """In the copy: do ``work`` with what it logs kept instead of shown, and send back the outcome.

    The copy holds only the pipe's end it writes: once the build has gone, sending fails and the
    copy ends, instead of waiting for a reader that is never coming.
    """
    answers.close()
    kept = _Kept()
    logging.getLogger().handlers = [kept]
    try:
        outcome, value = "done", work()
    except BaseException:  # noqa: BLE001 - whatever it is, the build raises it (Forked.result)
        outcome, value = "failed", traceback.format_exc()
    answer.send((outcome, value, kept.records))
    answer.close()
