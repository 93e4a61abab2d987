"""Register the Danish formatting functions (dates, times, file sizes) as Jinja filters."""

from __future__ import annotations

from pelican import signals

from plugins.kb.outputs.filters import FILTERS


def add_filters(generator) -> None:
    """Add the filters to each generator's Jinja environment (generator_init: env exists by then)."""
    generator.env.filters.update(FILTERS)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
