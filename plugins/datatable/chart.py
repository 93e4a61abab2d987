"""Geometry for a static SVG chart of a time series; the SVG itself is a Jinja template."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from plugins.kb.outputs.formatting import format_number

from .table import ChartKind, Table

# Drawn small and scaled up at most a little (site.css): on a 320 px phone the chart is 288 px wide,
# so its 14-unit axis text is 12.6 px on screen; a larger drawing would shrink the text below 12 px.
WIDTH, HEIGHT = 320, 200
RIGHT, TOP, BOTTOM = 10, 10, 28
CHARACTER_WIDTH = 8.4  # a digit of the 14-unit axis text, measured a little wide
LABEL_WIDTH = 38  # room for a year ("2017") at 14 units, with space between two labels
COLOURS = 8  # series colours in site.css (.series-0 … .series-7), for light and dark mode
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Series:
    """One row of the table drawn as a line or a set of bars."""

    label: str
    colour: int  # which of site.css's series colours
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
    ticks = [format_number(top * k / 4) for k in range(5)]
    left = 12 + math.ceil(CHARACTER_WIDTH * max(map(len, ticks)))  # the widest tick label fits
    plot_width, plot_height = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM
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
            centre = left + step * (position + 0.5)
            points.append((round(centre, 1), y(value)))
            segments[-1].append(points[-1])
            bar_x = centre - step * 0.4 + bar_width * index
            bars.append(
                (round(bar_x, 1), y(value), round(bar_width, 1), round(TOP + plot_height - y(value), 1))
            )
        runs = tuple(tuple(run) for run in segments if len(run) > 1)
        series.append(Series(label, index % COLOURS, tuple(points), tuple(bars), runs))
    first, last = table.columns[years[0]].name, table.columns[years[-1]].name
    kind = "Linjediagram" if table.chart is ChartKind.LINE else "Søjlediagram"
    every = math.ceil(LABEL_WIDTH / step)  # every year labelled while they fit, else every second …
    return Chart(
        kind=table.chart,
        width=WIDTH,
        height=HEIGHT,
        plot_left=left,
        plot_bottom=TOP + plot_height,
        plot_right=WIDTH - RIGHT,
        x_labels=tuple(
            (round(left + step * (p + 0.5), 1), table.columns[c].name)
            for p, c in enumerate(years)
            if p % every == 0
        ),
        y_ticks=tuple((y(top * k / 4), tick) for k, tick in enumerate(ticks)),
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
