"""A line that starts with a date stays text; a number that would become a list number is warned about.

The date lines as the site's Markdown renders them (the extension in plugins/formatting/datelines.py
with the settings of pelicanconf.py), the importer's escape, the check's warning (pinned word for
word), and the editor's preview reading dates alike (theme/admin/listnumbers.js, run by Node).
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import Markdown
from pelican.settings import read_settings

from plugins.kb.content.listnumbers import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    escape_list_number,
    list_number_warnings,
    starts_with_date,
)
from plugins.kb.importer.minutes_blocks import markdown as blocks_markdown
from plugins.kb.importer.minutes_import import read_minutes
from tests.conftest import ROOT

BOUNDED = settings(
    max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def render():
    """Markdown to HTML with the site's own Markdown settings (pelicanconf.py)."""
    options = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    extensions = [*options.get("extensions", []), *options["extension_configs"]]
    md = Markdown(**{**options, "extensions": list(dict.fromkeys(extensions))})
    return lambda text: md.reset().convert(text)


DATES = [
    ("10. marts kl. 9-12 (Holstebro)", True),
    ("16. juni kl. 9-12 (Herning)", True),
    ("15. september kl. 9-12 (Holstebro)", True),
    ("8. december kl. 9-12 (Herning)", True),
    ("8. dec. kl. 9", True),
    ("1. sept", True),
    ("31. Maj 2025", True),
    ("10. og 11. marts", True),
    ("10. - 12. juni", True),
    ("   3. april", True),
    ("2. behandling af sagen", False),
    ("3. Marts-udvalget", True),
    ("32. marts", False),
    ("10. martsmøde", False),
    ("10.marts", False),
    ("Den 10. marts", False),
    ("1. maj", True),
    ("1. majs", False),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_a_day_and_a_month_start_a_date(text, date):
    assert starts_with_date(text) is date


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("2. behandling af sagen", "2\\. behandling af sagen"),
        ("  3. Titel", "  3\\. Titel"),
        ("10. marts kl. 9-12", "10. marts kl. 9-12"),  # the site keeps a date as text
        ("Den 2. behandling", "Den 2. behandling"),
        ("2.behandling", "2.behandling"),
        ("2024", "2024"),
    ],
)
def test_the_importer_escapes_a_number_that_is_not_a_list(text, escaped):
    assert escape_list_number(text) == escaped


@pytest.mark.parametrize("line", [text for text, date in DATES if date])
@pytest.mark.parametrize(
    "form",
    ["{line}", "Tekst:\n\n- {line}\n- 16. juni", "> {line}", "### Beslutning\n{line}", "- a\n\n    {line}"],
)
def test_the_site_keeps_a_date_line_as_text(render, line, form):
    html = render(form.format(line=line))
    assert "<ol" not in html
    assert line.strip() in html


# (body, the lines warned about, each with its number)
WARNINGS = [
    ("Tekst:\n\n- 10. marts kl. 9-12\n- 16. juni kl. 9-12", []),
    ("2. behandling af sagen", [(1, 2)]),
    ("### Beslutning\n2. behandling af sagen", [(2, 2)]),
    ("Tekst om\n2. behandling af sagen", []),  # inside a paragraph: text
    ("- 2. behandling", [(1, 2)]),
    ("> 4. punkt", [(1, 4)]),
    ("- a\n\n    2. b", [(3, 2)]),
    ("1. Første\n2. Anden", []),
    ("3. Tredje\n4. Fjerde", []),  # a list of several: as written
    ("1. Første\n\n2. Anden\n\n3. Tredje", []),
    ("1. Første\n\n    mere tekst\n\n2. Anden", []),
    ("1. Første\n\n## Næste\n\n2. Anden", []),  # numbered on from the list before
    ("1. Første\n\n## Næste\n\n5. Femte", [(5, 5)]),
    ("1. Møder\n10. marts", [(2, 10)]),  # a date as the next item of a list
    ("2. Anden\n\n10. marts", [(1, 2)]),
    ("```\n2. kode\n```", []),
    ("    2. kode", []),
    ("2\\. behandling", []),
]


@pytest.mark.parametrize(("body", "warned"), WARNINGS)
def test_check_warns_about_a_line_that_becomes_a_list_number(render, body, warned):
    found = list_number_warnings(body, "content/referater/x.md")
    assert [(problem.line, int(problem.message.split(".")[0].strip("'"))) for problem in found] == warned
    html = render(body)
    for _, number in warned:
        assert f'<ol start="{number}">' in html or re.search(r"<ol>(?:\s*<li>.*?</li>)+", html, re.S)


def test_the_warnings_are_worded_for_the_editor():
    body = (
        "1. Møder\n10. marts kl. 9-12\n\n### Beslutning\n5. behandling af sagen, som er udsat til næste møde"
    )
    assert [str(problem) for problem in list_number_warnings(body, "content/referater/x.md", 20)] == [
        "content/referater/x.md:21: '10. marts kl. 9-12' ligner en dato, men bliver et punkt i den "
        "nummererede liste over den, og '10.' står ikke i teksten på siden.\n"
        "    Ret: skriv '10\\. marts kl. 9-12' (med \\ før punktummet), så står datoen som tekst.",
        "content/referater/x.md:24: '5. behandling af sagen, som er udsat til n…' bliver en nummereret "
        "liste, der begynder ved 5, og '5.' står ikke i teksten på siden.\n"
        "    Ret: er det ikke en nummereret liste, så skriv '5\\. behandling af sagen, som er udsat til "
        "n…' (med \\ før punktummet); er det en liste, så begynd den ved 1.",
    ]


MONTH_NAMES = st.sampled_from([*MONTHS, *MONTH_ABBREVIATIONS, *(f"{a}." for a in MONTH_ABBREVIATIONS)])
date_lines = st.builds(
    lambda day, month, upper, rest: f"{day}. {month.capitalize() if upper else month}{rest}",
    st.integers(1, 31),
    MONTH_NAMES,
    st.booleans(),
    st.sampled_from(["", " 2025", " kl. 9-12 (Holstebro)", ": møde i Herning", " og 16. juni"]),
)
CONTEXTS = st.sampled_from(
    ["{}", "Tekst:\n\n{}", "- {}", "* {}\n* b", "> {}", "## 9. Møder\n{}", "- a\n\n    {}", "1. a\n\n{}"]
)


@BOUNDED
@given(date_lines, CONTEXTS)
def test_any_day_and_month_line_stays_text(render, line, context):
    html = render(context.format(line))
    assert starts_with_date(line)
    assert line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] in html  # "10. marts" in the text
    assert not re.search(rf'<ol start="{line.split(".")[0]}"', html)
    assert not list_number_warnings(context.format(line), "x.md")


# The pieces of minutes a number is read in; a quote only after a blank line (a quote inside a list's
# item is not followed by the check).
PIECES = st.sampled_from(
    ["", "Tekst.", "2. behandling", "10. marts", "1. Første", "3. Tredje", "- punkt", "- 4. punkt"]
    + ["\n> 5. citat", "### Beslutning", "    indrykket", "1. Møder"]
)


@BOUNDED
@given(st.lists(PIECES, max_size=12))
def test_the_fix_a_warning_gives_leaves_nothing_to_warn_about(render, pieces):
    lines = "\n".join(pieces).split("\n")
    for problem in list_number_warnings("\n".join(lines), "x.md"):
        number = problem.message.split(".")[0].strip("'")
        lines[problem.line - 1] = lines[problem.line - 1].replace(f"{number}. ", f"{number}\\. ", 1)
    fixed = "\n".join(lines)
    assert list_number_warnings(fixed, "x.md") == []


def test_the_preview_reads_dates_and_numbers_as_the_site_does():
    cases = [text for text, _ in DATES] + ["2. behandling", "- 2. x", "12. Titel", "2) x", "10.marts"]
    script = (
        "import { startsWithDate, listNumber } from './theme/admin/listnumbers.js';"
        "const cases = JSON.parse(process.argv[1]);"
        "console.log(JSON.stringify(cases.map((c) => [startsWithDate(c), listNumber(c)?.number ?? null])));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(cases)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    number = re.compile(r"^[ ]*([0-9]+)\.[ ]+\S")

    def python(text):
        found = number.match(text)
        return [starts_with_date(text), int(found[1]) if found and not starts_with_date(text) else None]

    assert json.loads(result.stdout) == [python(text) for text in cases]


# Without dates: one that is the next item of a list is warned about by itself, and the list's first
# number is warned about as lone, as it will be once the date is escaped.
NUMBERS = st.sampled_from([piece for piece in PIECES.elements if not starts_with_date(piece)])


@BOUNDED
@given(st.lists(NUMBERS, max_size=12))
def test_check_warns_about_every_lone_list_markdown_starts_not_at_1(render, pieces):
    """The check's reading of the block structure agrees with Python-Markdown's."""
    body = "\n".join(pieces)
    expected, previous = [], 0
    for ol in BeautifulSoup(render(body), "html.parser").find_all("ol"):
        start = int(ol.get("start", 1))
        items = ol.find_all("li", recursive=False)
        if len(items) == 1 and start not in (1, previous + 1):
            expected.append(start)
        else:
            previous = start + len(items) - 1
    warned = [problem for problem in list_number_warnings(body, "x.md") if "begynder ved" in problem.message]
    assert [int(problem.message.split(".")[0].strip("'")) for problem in warned] == expected


def test_the_importer_keeps_a_sentence_that_starts_with_a_number_as_text():
    draft = read_minutes(
        "Referat\n\n1. Status\nBeslutning:\n2. behandling af sagen på næste møde.\n\n2. Eventuelt\nIntet.\n"
    )
    assert [(item.number, item.title) for item in draft.items] == [(1, "Status"), (2, "Eventuelt")]
    assert [line for block in draft.items[0].blocks for line in block.lines] == [
        "2\\. behandling af sagen på næste møde."
    ]


def test_the_importer_escapes_a_bullet_that_starts_with_a_number_but_not_a_date():
    lines = ["• 2. behandling af sagen", "• 10. marts kl. 9-12 (Holstebro)", "• 8. dec. kl. 9-12"]
    assert blocks_markdown(list(enumerate(lines)), 70, None) == [
        "- 2\\. behandling af sagen",
        "- 10. marts kl. 9-12 (Holstebro)",
        "- 8. dec. kl. 9-12",
    ]
