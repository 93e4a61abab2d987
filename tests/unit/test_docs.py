from pathlib import Path

import pytest

from plugins.kb.fields import MEETING_FIELDS, PERSON_FIELDS
from plugins.kb.model import BlockKind

GUIDE = Path("docs/referater.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", MEETING_FIELDS + PERSON_FIELDS, ids=lambda f: f.key)
def test_every_field_is_described_in_the_editor_guide(field):
    assert f"`{field.key}`" in GUIDE


@pytest.mark.parametrize("kind", list(BlockKind), ids=lambda k: k.name)
def test_every_block_label_is_described_in_the_editor_guide(kind):
    assert f"`### {kind.value}`" in GUIDE
