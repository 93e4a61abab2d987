"""check_keys: unknown, missing and wrongly shaped keys, named as the editor wrote them, with their line."""

from __future__ import annotations

import pytest

from plugins.kb.metadata.fields import (
    COMMITTEE_FIELDS,
    MEETING_FIELDS,
    PAGE_FIELDS,
    PERSON_FIELDS,
    THEME_FIELDS,
    Field,
)
from plugins.kb.metadata.frontmatter import load_yaml
from plugins.kb.metadata.values import check_keys

SOURCE = "content/sider/om.md"


def check(yaml_text: str, fields: tuple[Field, ...], path: tuple = (), what: str = "metadata") -> list[str]:
    """The messages for the YAML as front matter (its first line is the file's line 2)."""
    doc, problems = load_yaml(yaml_text, SOURCE, first_line=2)
    assert problems == []
    return [str(problem) for problem in check_keys(doc, fields, path, SOURCE, what)]


def test_good_metadata_has_no_problems():
    assert check("titel: Om Praktikviden\nresume: Hvad sitet er.\ntype: side\n", PAGE_FIELDS) == []


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        (
            "titel: Om\nresumé: Hvad sitet er.\n",
            "content/sider/om.md:3: ukendt felt 'resumé' i metadata.\n    Ret: mente du 'resume'? "
            "Tilladte felter: titel, resume, type, rapport, kapitel, roller, temaer.",
        ),
        (
            "titel: Om\nforfatter: Anne\n",
            "content/sider/om.md:3: ukendt felt 'forfatter' i metadata.\n    Ret: Tilladte felter: titel, "
            "resume, type, rapport, kapitel, roller, temaer.",
        ),
        (
            "resume: Hvad sitet er.\n",
            "content/sider/om.md:2: feltet 'titel' mangler i metadata (sidens overskrift).\n"
            "    Ret: tilføj fx 'titel: Om Praktikviden'.",
        ),
        (
            "titel:\n  - Om\n  - Praktikviden\n",
            "content/sider/om.md:2: 'titel' i metadata skal være én værdi på feltets linje, ikke en liste "
            "eller en gruppe af felter.\n    Ret: skriv fx 'titel: Om Praktikviden'.",
        ),
        (
            "titel: Om\ntemaer: [frafald, [trivsel]]\n",
            "content/sider/om.md:3: 'temaer' i metadata skal være en liste af ord, fx [frafald, trivsel], "
            "uden lister eller felter inden i.\n    Ret: skriv fx 'temaer: [frafald-og-gennemfoersel]'.",
        ),
    ],
)
def test_a_page_key_problem_names_the_key_its_line_and_the_fix(yaml_text, expected):
    assert check(yaml_text, PAGE_FIELDS) == [expected]


def test_a_missing_key_is_reported_on_the_mappings_own_line():
    people = "deltagere:\n  - navn: Dorte Engsig\n  - organisation: Herning Kommune\n"
    assert check(people, PERSON_FIELDS, ("deltagere", 1), "deltager '?'") == [
        "content/sider/om.md:4: feltet 'navn' mangler i deltager '?' (personens navn).\n"
        "    Ret: tilføj fx 'navn: Dorte Engsig'."
    ]


def test_keys_of_a_nested_mapping_are_reported_at_their_own_line():
    people = "deltagere:\n  - navn: Dorte Engsig\n    organisatoin: SOSU MV\n"
    assert check(people, PERSON_FIELDS, ("deltagere", 0), "deltager 'Dorte Engsig'") == [
        "content/sider/om.md:4: ukendt felt 'organisatoin' i deltager 'Dorte Engsig'.\n"
        "    Ret: mente du 'organisation'? Tilladte felter: navn, organisation, rolle."
    ]


def test_unknown_keys_come_first_then_missing_ones_in_the_tables_order():
    found = check("sted: Holstebro\nudvalgg: luu-test\n", MEETING_FIELDS)
    assert [message.split("\n")[0] for message in found] == [
        "content/sider/om.md:3: ukendt felt 'udvalgg' i metadata.",
        "content/sider/om.md:2: feltet 'udvalg' mangler i metadata (udvalgets kortnavn (filnavnet i "
        "content/udvalg/)).",
        "content/sider/om.md:2: feltet 'dato' mangler i metadata (mødets dato som ÅÅÅÅ-MM-DD).",
        "content/sider/om.md:2: feltet 'tid' mangler i metadata (mødets start og slut som T.MM–T.MM).",
        "content/sider/om.md:2: feltet 'moedeleder' mangler i metadata (mødelederens navn og evt. "
        "organisation).",
        "content/sider/om.md:2: feltet 'referent' mangler i metadata (referentens navn og evt. "
        "organisation).",
        "content/sider/om.md:2: feltet 'deltagere' mangler i metadata (deltagerne med navn og organisation).",
    ]


@pytest.mark.parametrize(
    "fields", [MEETING_FIELDS, COMMITTEE_FIELDS, THEME_FIELDS, PAGE_FIELDS, PERSON_FIELDS]
)
def test_every_required_field_is_asked_for_with_its_help_and_example(fields):
    """The messages come from the field table: each required key's help text and example."""
    expected = [
        f"content/sider/om.md:2: feltet '{field.key}' mangler i filen ({field.help}).\n"
        f"    Ret: tilføj fx '{field.example}'."
        for field in fields
        if field.required
    ]
    assert expected, "every table has a required field"
    assert check("", fields, what="filen") == expected


def test_a_mapping_that_is_not_one_counts_as_empty():
    assert check("deltagere: Dorte Engsig\n", PERSON_FIELDS, ("deltagere",), "deltager") == [
        "content/sider/om.md:2: feltet 'navn' mangler i deltager (personens navn).\n"
        "    Ret: tilføj fx 'navn: Dorte Engsig'."
    ]
