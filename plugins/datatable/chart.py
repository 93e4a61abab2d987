"""Geometry for a static SVG chart of a time series; the SVG itself is a Jinja template."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plugins.kb.outputs.formatting import format_number

from .table import ChartKind, Table

WIDTH, HEIGHT = 480, 280
LEFT, RIGHT, TOP, BOTTOM = 60, 12, 14, 34
_YEAR = re.compile(r"^(19|20)\d\d$")
# Colour-blind-safe palette (Okabe–Ito), dark enough against white for lines and bars.
PALETTE = ("#0b5f59", "#b35806", "#5e3c99", "#1f78b4", "#b2182b", "#4d4d4d", "#8c510a", "#01665e")


@dataclass(frozen=True, slots=True)
class Series:
    """One row of the table drawn as a line or a set of bars."""

    label: str
    colour: str
    points: tuple[tuple[float, float], ...]
    bars: tuple[tuple[float, float, float, float], ...]  # x, y, width, height
    # Runs of consecutive years with values: a line never bridges a year without a figure.
    segments: tuple[tuple[tuple[float, float], ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """Everything the SVG template needs, in pixels."""

    kind: ChartKind
    width: int
    height: int
    plot_left: int
    plot_bottom: float
    plot_right: int
    x_labels: tuple[tuple[float, str], ...]
    y_ticks: tuple[tuple[float, str], ...]
    series: tuple[Series, ...]
    summary: str


def build_chart(table: Table) -> Chart | None:
    """Lay out the table's year columns as a chart, or return None if it has no time series.

    Lines get one series per non-total row; bars show the totals row (or the only row).
    """
    if table.chart is None:
        return None
    years = [i for i, column in enumerate(table.columns) if column.type.numeric and _YEAR.match(column.name)]
    if len(years) < 2:
        return None
    rows = table.body_rows
    if table.chart is ChartKind.BAR:
        rows = table.total_rows or rows[:1]
    values = [row.cells[i].value for row in rows for i in years if row.cells[i].value is not None]
    top = _nice_ceiling(max(values, default=1) or 1)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / len(years)

    def y(value: float) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    series = []
    for index, row in enumerate(rows):
        label = " ".join(
            cell.text
            for cell, column in zip(row.cells, table.columns, strict=True)
            if not column.type.numeric
        )
        points, bars, segments = [], [], [[]]
        bar_width = step * 0.8 / len(rows)
        for position, column in enumerate(years):
            value = row.cells[column].value
            if value is None:
                segments.append([])
                continue
            centre = LEFT + step * (position + 0.5)
            points.append((round(centre, 1), y(value)))
            segments[-1].append(points[-1])
            bar_x = centre - step * 0.4 + bar_width * index
            bars.append(
                (round(bar_x, 1), y(value), round(bar_width, 1), round(TOP + plot_height - y(value), 1))
            )
        runs = tuple(tuple(run) for run in segments if len(run) > 1)
        series.append(Series(label, PALETTE[index % len(PALETTE)], tuple(points), tuple(bars), runs))
    first, last = table.columns[years[0]].name, table.columns[years[-1]].name
    kind = "Linjediagram" if table.chart is ChartKind.LINE else "Søjlediagram"
    return Chart(
        kind=table.chart,
        width=WIDTH,
        height=HEIGHT,
        plot_left=LEFT,
        plot_bottom=TOP + plot_height,
        plot_right=WIDTH - RIGHT,
        x_labels=tuple(
            (round(LEFT + step * (p + 0.5), 1), table.columns[c].name) for p, c in enumerate(years)
        ),
        y_ticks=tuple((y(top * k / 4), format_number(top * k / 4)) for k in range(5)),
        series=tuple(series),
        summary=f"{kind} over {table.title.rstrip('.')}, {first}–{last}. Tallene står i tabellen.",
    )


def _nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten, so the axis ticks read well."""
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude
