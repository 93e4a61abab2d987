"""Register the Danish formatting functions (dates, times, file sizes) as Jinja filters."""

from __future__ import annotations

from pelican import signals

from plugins.kb.formatting import format_date, format_month, format_size, format_time, format_timespan
from plugins.kb.model import by_organisation

FILTERS = {
    "dansk_dato": format_date,
    "dansk_maaned": format_month,
    "dansk_klokkeslaet": format_time,
    "dansk_tidsrum": format_timespan,
    "filstoerrelse": format_size,
    "efter_organisation": by_organisation,
}


def add_filters(generator) -> None:
    """Add the filters to each generator's Jinja environment (generator_init: env exists by then)."""
    generator.env.filters.update(FILTERS)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
