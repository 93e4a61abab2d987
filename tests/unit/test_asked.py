"""What a page's template asked the build, recorded and asked again (plugins/kb/storage/asked.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plugins.kb.storage.asked import asked, recording, same_answers, storable

DAYS = {"content/a.md": dt.date(2024, 9, 17), "content/b.md": dt.date(2024, 6, 10)}


def _last_changed(*paths):
    return max((DAYS[path] for path in paths if path in DAYS), default=None)


def test_questions_are_noted_with_their_answers_only_while_a_page_is_recorded():
    last_changed = asked("last_changed", _last_changed)
    assert last_changed("content/a.md") == dt.date(2024, 9, 17)  # no page recorded: nothing noted
    with recording() as questions:
        last_changed("content/b.md")
        last_changed("content/a.md", "content/c.md")
    assert questions == [
        ("last_changed", ("content/b.md",), dt.date(2024, 6, 10)),
        ("last_changed", ("content/a.md", "content/c.md"), dt.date(2024, 9, 17)),
    ]
    last_changed("content/b.md")
    assert len(questions) == 2


def test_a_page_within_a_page_is_recorded_apart():
    today = asked("build_date", lambda: dt.date(2024, 11, 30))
    with recording() as outer:
        with recording() as inner:
            today()
        assert outer == []
    assert inner == [("build_date", (), dt.date(2024, 11, 30))]


def test_the_same_answers_keep_a_page_and_any_other_answer_does_not():
    functions = {"last_changed": _last_changed}
    questions = (("last_changed", ("content/a.md",), dt.date(2024, 9, 17)),)
    assert same_answers(questions, functions)
    assert same_answers((), functions)
    assert not same_answers((("last_changed", ("content/a.md",), dt.date(2024, 9, 16)),), functions)
    assert not same_answers((("site_changed", (), None),), functions)  # asked of a function now gone


@pytest.mark.parametrize(
    "questions",
    [None, "last_changed", [("last_changed", "content/a.md", None)], [("last_changed",)], [["x", (), None]]],
)
def test_a_malformed_record_counts_as_changed(questions):
    assert not same_answers(questions, {"last_changed": _last_changed, "x": lambda: None})


def test_a_question_the_function_cannot_answer_counts_as_changed_and_is_asked_unrecorded():
    today = asked("build_date", lambda: dt.date(2024, 11, 30))
    last_changed = asked("last_changed", _last_changed)
    functions = {"build_date": today, "last_changed": last_changed}
    with recording() as questions:
        assert not same_answers((("build_date", ("x",), None),), functions)  # too many arguments
        assert not same_answers((("last_changed", ([],), None),), functions)  # unhashable
        assert same_answers((("build_date", (), dt.date(2024, 11, 30)),), functions)
    assert questions == []


def test_only_plain_questions_and_answers_are_kept():
    assert storable([("last_changed", ("content/a.md", "content/b.md"), dt.date(2024, 9, 17))])
    assert storable([("site_changed", (), None)])
    assert not storable([("last_changed", (Path("content/a.md"),), None)])
