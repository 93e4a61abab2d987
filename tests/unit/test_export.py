"""The open-data export's text (plugins/kb/outputs/export.py), written one meeting at a time."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from plugins.kb.outputs.export import SCHEMA_VERSION, export_text, record_text

# Records with a date and an organisation's id, as every record has, and any other plain JSON.
RECORDS = st.lists(
    st.fixed_dictionaries(
        {
            "date": st.dates().map(lambda day: day.isoformat()),
            "organization": st.fixed_dictionaries({"id": st.text(max_size=12)}),
        },
        optional={
            "name": st.text(),
            "agendaItem": st.lists(st.dictionaries(st.text(), st.text() | st.integers())),
        },
    ),
    max_size=6,
)


@given(RECORDS)
def test_the_text_in_pieces_is_the_whole_export_as_compact_json(records):
    whole = json.dumps(
        {"schemaVersion": SCHEMA_VERSION, "meetings": records}, ensure_ascii=False, separators=(",", ":")
    )
    assert "".join(export_text(map(record_text, records))) == whole + "\n"


def test_danish_letters_are_written_as_they_are():
    records = [{"date": "2024-09-16", "organization": {"id": "luu-pa-amu"}, "name": "Mødet om »praktik«"}]
    text = "".join(export_text(map(record_text, records)))
    assert '"name":"Mødet om »praktik«"' in text
    assert json.loads(text)["meetings"] == records
