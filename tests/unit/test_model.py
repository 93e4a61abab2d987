"""The model's own judgements: which agenda items are a committee's standing ones."""

from __future__ import annotations

import pytest

from plugins.kb.model import Committee, Person

COMMITTEE = Committee(
    "luu-pa-amu",
    "LUU PA-AMU",
    "Et udvalg.",
    standing_items=("Godkendelse af dagsorden samt tilføjelse til Eventuelt", "Punkter til næste møde"),
)


@pytest.mark.parametrize(
    ("title", "standing"),
    [
        ("Punkter til næste møde", True),
        ("Punkter til næste møde (9. december 2024) v. alle", True),
        ("punkter til NÆSTE møde", True),
        ("Godkendelse af dagsorden samt tilføjelse til Eventuelt", True),
        ("Status på praktikpladser", False),
        ("Næste møde", False),
        # A standing item's words must end where its title does: "Status" is not "Statusrapport".
        ("Punkter til næste mødeplan", False),
    ],
)
def test_an_item_is_standing_when_its_title_starts_with_a_standing_item(title, standing):
    assert COMMITTEE.is_standing(title) is standing


def test_a_committee_without_standing_items_has_none():
    assert Committee("x", "X", "Et udvalg.").is_standing("Punkter til næste møde") is False


def test_a_committee_splits_its_planned_meetings_at_a_day():
    import datetime as dt

    from plugins.kb.model import PlannedMeeting

    dates = [dt.date(2025, 3, 10), dt.date(2024, 12, 9), dt.date(2025, 6, 16)]
    committee = Committee("x", "X", "Et udvalg.", planned=tuple(PlannedMeeting(d, None, None) for d in dates))
    day = dt.date(2025, 3, 10)
    assert [m.date for m in committee.ahead(day)] == [dt.date(2025, 3, 10), dt.date(2025, 6, 16)]
    assert [m.date for m in committee.passed(day)] == [dt.date(2024, 12, 9)]


def test_the_chair_is_the_person_the_minutes_call_formand():
    assert Person("A", role="Formand").is_chair
    assert Person("B", role="formand for LUU PA-AMU").is_chair
    assert not Person("C", role="Næstformand").is_chair
    assert not Person("D").is_chair
