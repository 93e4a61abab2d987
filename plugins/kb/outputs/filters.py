"""The Jinja filters every template may use: Danish formatting, and a few reshapings of the model."""

from __future__ import annotations

import re

from markupsafe import Markup

from plugins.kb.model import by_organisation
from plugins.kb.outputs.formatting import (
    format_date,
    format_month,
    format_number,
    format_size,
    format_time,
    format_timespan,
)
from plugins.kb.outputs.registers import year_counts

_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def shift_headings(html: str) -> Markup:
    """Each heading one level down (h2 → h3 …): chapters' sections under their titles in a print version."""
    return Markup(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", str(html)))


FILTERS = {
    "dansk_dato": format_date,
    "dansk_maaned": format_month,
    "dansk_klokkeslaet": format_time,
    "dansk_tidsrum": format_timespan,
    "dansk_tal": format_number,
    "filstoerrelse": format_size,
    "efter_organisation": by_organisation,
    "shift_headings": shift_headings,
    "aar_med_antal": lambda articles: year_counts(articles, lambda article: article.date.year),
}
