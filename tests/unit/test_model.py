"""The model's own judgements: which agenda items are a committee's standing ones."""

from __future__ import annotations

import pytest

from plugins.kb.model import Committee

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
    ],
)
def test_an_item_is_standing_when_its_title_starts_with_a_standing_item(title, standing):
    assert COMMITTEE.is_standing(title) is standing


def test_a_committee_without_standing_items_has_none():
    assert Committee("x", "X", "Et udvalg.").is_standing("Punkter til næste møde") is False
