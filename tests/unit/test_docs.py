from pathlib import Path

import pytest

from plugins.kb.content.attachments import FILE_TYPES
from plugins.kb.metadata.fields import (
    COLUMN_FIELDS,
    COMMITTEE_FIELDS,
    DATASET_FIELDS,
    MEETING_FIELDS,
    ORGANISATION_FIELDS,
    PAGE_FIELDS,
    PAGE_TYPES,
    PERSON_FIELDS,
    PLANNED_FIELDS,
    REPORT_FIELDS,
    THEME_FIELDS,
    ChartKind,
    ColumnType,
)
from plugins.kb.model import BlockKind

GUIDE = Path("docs/referater.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "field",
    MEETING_FIELDS + PERSON_FIELDS + COMMITTEE_FIELDS + PLANNED_FIELDS + ORGANISATION_FIELDS,
    ids=lambda f: f.key,
)
def test_every_field_is_described_in_the_editor_guide(field):
    assert f"`{field.key}`" in GUIDE


@pytest.mark.parametrize("kind", list(BlockKind), ids=lambda k: k.name)
def test_every_block_label_is_described_in_the_editor_guide(kind):
    assert f"`### {kind.value}`" in GUIDE


DATA_GUIDE = Path("docs/data.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", DATASET_FIELDS + COLUMN_FIELDS, ids=lambda f: f.key)
def test_every_dataset_field_is_described(field):
    assert f"`{field.key}`" in DATA_GUIDE


@pytest.mark.parametrize("kind", list(ColumnType) + list(ChartKind), ids=lambda k: k.name)
def test_every_column_type_and_chart_kind_is_described(kind):
    assert f"`{kind.value}`" in DATA_GUIDE


PAGE_GUIDE = Path("docs/sider.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", PAGE_FIELDS + REPORT_FIELDS, ids=lambda f: f.key)
def test_every_page_field_is_described(field):
    assert f"`{field.key}`" in PAGE_GUIDE


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_is_described(kind):
    assert f"`{kind}`" in PAGE_GUIDE


@pytest.mark.parametrize("field", THEME_FIELDS, ids=lambda f: f.key)
def test_every_theme_field_is_described(field):
    assert f"`{field.key}`" in GUIDE


@pytest.mark.parametrize(("suffix", "kind"), FILE_TYPES.items(), ids=list(FILE_TYPES))
def test_every_attachment_file_type_is_described_in_the_editor_guide(suffix, kind):
    assert f"`{suffix}`" in GUIDE
    assert kind.label in GUIDE
