"""The pickled state quick_pickle gives a frozen data class: the same object back, and old state read."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass

import pytest
from markupsafe import Markup

from plugins.kb.model import AgendaItem, Block, BlockKind, Meeting, Person, TimeSpan
from plugins.kb.records import quick_pickle

MEETING = Meeting(
    committee="luu-test",
    date=dt.date(2024, 9, 16),
    time=TimeSpan(dt.time(9), dt.time(12)),
    place="SOSU MV Holstebro",
    chair=Person("Bettina Krohn Jensen", "SOSU MV", "formand"),
    secretary=Person("Nanna Resen Westen", "SOSU MV"),
    participants=(Person("Helle Mikkelsen", "Herning Kommune"),),
    advisers=(),
    absentees=(),
    intro_html=Markup(""),
    agenda=(
        AgendaItem(
            1,
            "Godkendelse af dagsorden",
            (Block((BlockKind.BESLUTNING,), "", "punkt-1-beslutning", Markup("<p>Godkendt.</p>")),),
            (),
        ),
    ),
)


def test_a_meeting_comes_back_equal_with_its_markup_still_markup():
    back = pickle.loads(pickle.dumps(MEETING, pickle.HIGHEST_PROTOCOL))
    assert back == MEETING
    assert back.decisions == MEETING.decisions and len(back.decisions) == 1
    html = back.agenda[0].blocks[0].html
    assert type(html) is Markup and html == "<p>Godkendt.</p>"


def test_state_pickled_by_dataclasses_own_code_is_read_the_same():
    # dataclasses (Python 3.11) pickles a slotted class's fields as a list: a cache written so loads.
    person = Person.__new__(Person)
    person.__setstate__(["Nanna Resen Westen", "SOSU MV", None])
    assert person == Person("Nanna Resen Westen", "SOSU MV")


def test_state_of_another_shape_is_refused():
    person = Person.__new__(Person)
    with pytest.raises(ValueError):
        person.__setstate__(["Nanna Resen Westen", "SOSU MV"])


@quick_pickle
@dataclass(frozen=True, slots=True)
class _One:
    value: str


def test_a_class_of_one_field_round_trips():
    assert pickle.loads(pickle.dumps(_One("x"))) == _One("x")
    assert _One("x").__getstate__() == ("x",)


@dataclass(frozen=True, slots=True)
class _Two(_One):
    other: int = 0


def test_a_subclass_not_itself_marked_keeps_its_own_fields():
    assert pickle.loads(pickle.dumps(_Two("x", 5))) == _Two("x", 5)
