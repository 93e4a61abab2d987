"""Whatever an editor's file holds, the parsers give a model or a list of problems, never an exception.

Property-based (Hypothesis): the inputs are built from the pieces that YAML and the minutes' Markdown
are made of (keys, colons, dashes, brackets, anchors, tags, quotes, indentation, agenda headings and
block labels), mixed with arbitrary text. The seed is fixed and the number of examples bounded, so
every run of the suite tries the same inputs.
"""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.kb.content.parse import parse_committee, parse_meeting, parse_theme
from plugins.kb.metadata.frontmatter import load_yaml, split_front_matter
from plugins.kb.model import Committee, Meeting, Theme
from plugins.kb.problems import Problem

BOUNDED = settings(
    max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
COMMITTEES = {"luu-test"}
THEMES = {"frafald"}

YAML_PIECES = st.sampled_from(
    [
        "udvalg",
        "dato",
        "tid",
        "sted",
        "deltagere",
        "navn",
        "organisation",
        "temaer",
        "tags",
        "moedeleder",
        "referent",
        "afbud",
        "godkendt",
        "moededatoer",
        "faste_punkter",
        "beskrivelse",
        ": ",
        ":",
        "- ",
        "-",
        "\n",
        "\n  ",
        "\n    ",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "!!str ",
        "!!python/object ",
        "!x ",
        "'",
        '"',
        "#",
        "|",
        ">-",
        "---",
        "...",
        "?",
        "%YAML 1.1",
        "\t",
        "luu-test",
        "2024-09-16",
        "2024-02-30",
        "16/9/2024",
        "9.00–12.00",
        "9:00-25:00",
        "3",
        "frafald",
        "Bettina Krohn Jensen",
        "Herning Kommune",
        "æøå",
        "\ufeff",
        "\x00",
        "\r\n",
        "null",
        "~",
        "yes",
    ]
)
yaml_text = st.one_of(st.lists(YAML_PIECES, max_size=60).map("".join), st.text(max_size=300))

VALID_FRONT = """\
udvalg: luu-test
dato: 2024-09-16
tid: 9.00–12.00
sted: SOSU MV Holstebro
moedeleder:
  navn: Bettina Krohn Jensen
referent:
  navn: Nanna Resen Westen
deltagere:
  - navn: Bettina Krohn Jensen
    organisation: FOA
"""
BODY_PIECES = st.sampled_from(
    [
        "## 1. Godkendelse af dagsorden",
        "## 2. Orientering",
        "## 2. Igen",
        "## 10. Eventuelt",
        "## Punkt",
        "## ",
        "### Beslutning",
        "### Bilag",
        "### Resumé, oplæg v/ Anne",
        "### Beslutnig",
        "### ",
        "**Beslutning:**",
        "Beslutning:",
        "- Bilag 2.1 Plan",
        "- [Bilag]({static}../bilag/x/plan.pdf)",
        "[tekst]({filename}om.md#punkt-3)",
        "[1]: {static}/bilag/x.pdf",
        "![](https://example.org/a.png)",
        "```",
        "<script>alert(1)</script>",
        "{#punkt-2}",
        "10. marts",
        "* punkt",
        "1. punkt",
        "> citat",
        "| a | b |",
        "|---|---|",
        "[tabel: frafald]",
        "[^1]",
        "[^1]: Fodnote",
        "",
        "    kode",
        "Tekst.",
    ]
)
body_text = st.one_of(
    st.lists(st.one_of(BODY_PIECES, st.text(max_size=40)), max_size=40).map("\n".join), st.text(max_size=400)
)


def render(markdown_text: str) -> str:
    """A stand-in renderer: the test is about parsing, not Markdown."""
    return markdown_text


def _is_result(result, model) -> bool:
    value, problems = result
    if value is None:
        return bool(problems) and all(isinstance(p, Problem) and str(p) for p in problems)
    return isinstance(value, model) and problems == []


@BOUNDED
@given(yaml_text)
def test_yaml_gives_a_document_or_problems(text):
    document, problems = load_yaml(text, "content/udvalg/x.yml")
    assert isinstance(document.data, dict)
    assert all(isinstance(p, Problem) and p.path == "content/udvalg/x.yml" for p in problems)


@BOUNDED
@given(st.text(max_size=300))
def test_front_matter_splits_or_says_why(text):
    yaml_part, body, line, problems = split_front_matter(text, "x.md")
    assert (yaml_part is None) == bool(problems)
    assert line >= 1


@BOUNDED
@given(yaml_text, body_text)
def test_minutes_with_any_front_matter_give_a_meeting_or_problems(front, body):
    result = parse_meeting(f"---\n{front}\n---\n{body}", "content/referater/x.md", COMMITTEES, render, THEMES)
    assert _is_result(result, Meeting)


@BOUNDED
@given(body_text)
def test_minutes_with_any_body_give_a_meeting_or_problems(body):
    result = parse_meeting(
        f"---\n{VALID_FRONT}---\n{body}", "content/referater/x.md", COMMITTEES, render, THEMES
    )
    assert _is_result(result, Meeting)
    # What the parse's workers hand the build, and the content cache keeps, comes back the same.
    assert pickle.loads(pickle.dumps(result, pickle.HIGHEST_PROTOCOL)) == result


@BOUNDED
@given(yaml_text)
def test_committee_and_theme_files_give_a_model_or_problems(text):
    assert _is_result(parse_committee(text, "luu-test", "content/udvalg/luu-test.yml"), Committee)
    assert _is_result(parse_theme(text, "frafald", "content/temaer/frafald.yml"), Theme)
