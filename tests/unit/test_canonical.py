"""Every editor's file is in the one form both writers write, and the browser editor writes it back unchanged.

The browser editor (Decap CMS) saves a whole file when one value changes; that only one line then
changes needs every file to be in the form it writes. Its writer (theme/admin/metadata.js) is
run here under Node on every file, as /admin/ runs it, and must give back the very same bytes.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.kb.metadata.canonical import canonical_text, field_order, write_yaml
from plugins.kb.metadata.fields import MEETING_FIELDS
from plugins.kb.metadata.frontmatter import load_yaml
from plugins.kb.metadata.kinds import kind_of
from tests.conftest import ROOT

FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for path in [*(ROOT / "content").rglob("*"), *(ROOT / "data").glob("*.yml")]
    if kind_of(path.relative_to(ROOT).as_posix())
)


def editor_writes(files: list[dict]) -> list:
    """What the browser editor's format gives back for each ``{text, order, markdown}``, run by Node."""
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "roundtrip.mjs")],
        input=json.dumps(files),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_repository_has_files_of_every_kind():
    assert {kind_of(name).key for name in FILES} == {
        "referater",
        "udvalg",
        "temaer",
        "sider",
        "guide",
        "rapporter",
        "rapportkapitler",
        "data",
        "organisationer",
    }


@pytest.mark.parametrize("name", FILES)
def test_every_file_is_in_the_canonical_form(name):
    kind = kind_of(name)
    text = (ROOT / name).read_text(encoding="utf-8")
    written, problems = canonical_text(text, name, kind.fields, kind.markdown)
    assert problems == []
    assert written == text, f"kør './run format' for at skrive {name} i den faste form"


def test_the_browser_editor_writes_every_file_back_byte_for_byte():
    files = [
        {
            "text": (ROOT / name).read_text(encoding="utf-8"),
            "order": field_order(kind_of(name).fields),
            "markdown": kind_of(name).markdown,
        }
        for name in FILES
    ]
    written = editor_writes(files)
    assert [
        name for name, file, back in zip(FILES, files, written, strict=True) if back != file["text"]
    ] == []


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
values = st.one_of(
    texts,
    st.sampled_from(
        ["2024-09-16", "9.00–12.00", "3", "-2", "true", "yes", "null", "~", "a: b", "#x", "ø", ""]
    ),
)
people = st.lists(st.dictionaries(st.sampled_from(["navn", "organisation", "rolle"]), values), max_size=3)
meetings = st.fixed_dictionaries(
    {},
    optional={
        "udvalg": values,
        "dato": values,
        "tid": values,
        "sted": values,
        "moedeleder": st.dictionaries(st.sampled_from(["navn", "organisation"]), values),
        "deltagere": people,
        "tags": st.lists(values, max_size=4),
        "temaer": st.lists(
            st.fixed_dictionaries(
                {"punkt": st.integers(1, 20).map(str), "temaer": st.lists(values, max_size=3)}
            ),
            max_size=3,
        ),
        "ukendt": values,
    },
)


@settings(max_examples=5, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(meetings, min_size=40, max_size=40))
def test_any_metadata_reads_back_the_same_and_the_editor_writes_it_alike(batch):
    written = [write_yaml(data, MEETING_FIELDS) for data in batch]
    for data, text in zip(batch, written, strict=True):
        document, problems = load_yaml(text, "x.yml")
        assert problems == []
        assert document.data == _without_empty(data)
    order = field_order(MEETING_FIELDS)
    again = editor_writes([{"text": text, "order": order, "markdown": False} for text in written])
    assert again == written


def _without_empty(value):
    if isinstance(value, dict):
        kept = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        kept = [_without_empty(item) for item in value]
        return [item for item in kept if item not in (None, "", [], {})]
    return value


def test_a_file_with_a_comment_is_left_as_it_is_with_a_problem_naming_the_line():
    text = "---\nudvalg: luu-test\norganisation: ikke angivet  # TJEK: ingen organisation i referatet.\n---\n"
    written, problems = canonical_text(text, "content/referater/x.md", MEETING_FIELDS, True)
    assert written is None
    assert [str(p) for p in problems] == [
        "content/referater/x.md:3: metadata har en kommentar ('# …'), som den faste form ikke kan rumme.\n"
        "    Ret: læs kommentaren, ret det, den siger (fx et 'TJEK' fra importen), og slet den; skal "
        "teksten blive, så skriv den i et felt, fx 'kilde'."
    ]
    assert canonical_text('---\nsted: "Lokale # 2"\n---\n', "x.md", MEETING_FIELDS, True)[1] == []
