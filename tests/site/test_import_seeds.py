"""The three seed minutes, imported as text, come through with what was converted by hand.

The seeds are the text extracted from the schools' PDFs (kilder/, see its README);
content/referater/ holds the same meetings converted by hand. benchmarks/RESULTS.md has the figures.
"""

from __future__ import annotations

import shutil

import pytest

from praktikviden.comparison import compare
from praktikviden.importer import import_minutes
from tests.conftest import ROOT

SEEDS = ROOT / "kilder"
# seed, committee, the date where the minutes give no year, the minutes converted by hand
MINUTES = [
    ("000", "samarbejdsmoede-pa", "2021-10-12", "2021-10-12-samarbejdsmoede-pa.md"),
    ("001", "luu-pa-amu", None, "2024-09-16-luu-pa-amu.md"),
    ("002", "luu-sosu-amu", None, "2019-02-22-luu-sosu-amu.md"),
]
THEMES = {path.stem for path in (ROOT / "content" / "temaer").glob("*.yml")}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("seeds") / "content"
    shutil.copytree(ROOT / "content" / "udvalg", root / "udvalg")
    return root


@pytest.mark.parametrize(("seed", "committee", "date", "reference"), MINUTES, ids=[m[0] for m in MINUTES])
def test_seed_minutes_import_as_they_were_converted_by_hand(content, seed, committee, date, reference):
    source = next(SEEDS.glob(f"{seed}_*.txt"))
    imported = import_minutes(source, committee, content, date)
    assert imported.path.name == reference
    result = compare(
        imported.text, (ROOT / "content" / "referater" / reference).read_text(), committee, THEMES
    )
    assert result.problems == []
    assert result.agenda == result.agenda_reference
    assert result.people == result.people_reference
    assert result.decisions == result.decisions_reference
    assert result.sentence_share >= 0.97, f"{result.sentences_found} of {result.sentences_reference}"


def test_the_seeds_are_there():
    assert len(list(SEEDS.glob("00[0-2]_*.txt"))) == 3, f"the seed minutes are read from {SEEDS}"
