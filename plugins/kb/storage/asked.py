"""What a page's template asks the build beyond its arguments: when files last changed, the build's day.

Those answers change with every commit (the history of content/) or every day, while most pages
ask about one file. So they are not part of a kept page's key (plugins/lifecycle): the template
functions that give them are wrapped with :func:`asked`, a page rendered under :func:`recording`
notes each question with its answer, and the page is kept with them. A later build takes the kept
page only while every one of its questions still has the same answer (:func:`same_answers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

# The questions asked while one page is rendered: (the function's name, its arguments, the answer).
Asked = list[tuple[str, tuple, object]]

_asked: ContextVar[Asked | None] = ContextVar("asked", default=None)


def asked(name: str, function: Callable) -> Callable:
    """``function``, a template global under ``name``, noting each call while a page is recorded."""

    def answer(*args):
        found = function(*args)
        questions = _asked.get()
        if questions is not None:
            questions.append((name, args, found))
        return found

    return answer


@contextmanager
def recording() -> Iterator[Asked]:
    """The questions asked until the block ends (one page's rendering)."""
    questions: Asked = []
    token = _asked.set(questions)
    try:
        yield questions
    finally:
        _asked.reset(token)


def same_answers(questions, functions: Mapping[str, Callable]) -> bool:
    """Whether each of these recorded questions has the same answer from ``functions`` (the globals).

    The questions are asked again unrecorded. Anything malformed, a function no longer there or one
    that cannot answer these arguments counts as a changed answer: a cache entry never stops a build.
    """
    if not isinstance(questions, (list, tuple)):
        return False
    token = _asked.set(None)
    try:
        for question in questions:
            if not (isinstance(question, tuple) and len(question) == 3 and isinstance(question[1], tuple)):
                return False
            name, args, answer = question
            function = functions.get(name)
            if function is None or function(*args) != answer:
                return False
    except Exception:  # noqa: BLE001 - whatever a crafted or outdated entry makes the function raise
        return False
    finally:
        _asked.reset(token)
    return True


def storable(questions: Asked) -> bool:
    """Whether these questions and answers are plain values the content cache keeps and loads again."""
    return all(_plain(value) for question in questions for value in question)


def _plain(value) -> bool:
    if isinstance(value, tuple):
        return all(_plain(item) for item in value)
    return isinstance(value, (str, int, float, bool, type(None), dt.date))
