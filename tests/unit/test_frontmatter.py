"""YAML metadata that could exhaust memory or hide a Python object is refused with its line."""

import pytest

from plugins.kb.metadata.fields import MEETING_FIELDS
from plugins.kb.metadata.frontmatter import load_yaml
from plugins.kb.metadata.values import check_keys

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

REFUSED = [
    (
        BILLION_LAUGHS,
        "x.md:2: metadata bruger en YAML-henvisning ('&a'), som sitet ikke læser.\n"
        "    Ret: skriv værdien ud hvert sted, den skal stå, og slet '&…' og '*…'.",
    ),
    (
        "sted: Holstebro\nreferent: *someone\n",
        "x.md:3: metadata bruger en YAML-henvisning ('*someone'), som sitet ikke læser.\n"
        "    Ret: skriv værdien ud hvert sted, den skal stå, og slet '&…' og '*…'.",
    ),
    (
        "sted: !!python/object/apply:os.system [ls]\n",
        "x.md:2: metadata bruger YAML-mærket '!!python/object/apply:os.system', som sitet ikke læser.\n"
        "    Ret: slet mærket (det, der begynder med '!'), så værdien står som almindelig tekst.",
    ),
    (
        "sted: !lokal Holstebro\n",
        "x.md:2: metadata bruger YAML-mærket '!lokal', som sitet ikke læser.\n"
        "    Ret: slet mærket (det, der begynder med '!'), så værdien står som almindelig tekst.",
    ),
    (
        "tags: " + "[" * 1000 + "]" * 1000 + "\n",
        "x.md:2: metadata er indlejret i mere end 10 lag (lister og felter inden i hinanden).\n"
        "    Ret: skriv felterne, som vejledningen viser dem; et felt har højst en liste af personer "
        "med navn og organisation under sig.",
    ),
    (
        # Deep enough to overflow libyaml's recursion if it were built (it crashed the process).
        "tags: " + "[" * 45000 + "]" * 45000 + "\n",
        "x.md:2: metadata er indlejret i mere end 10 lag (lister og felter inden i hinanden).\n"
        "    Ret: skriv felterne, som vejledningen viser dem; et felt har højst en liste af personer "
        "med navn og organisation under sig.",
    ),
    (
        "tags:\n" + "".join("  " * i + "-\n" for i in range(12)),
        "x.md:13: metadata er indlejret i mere end 10 lag (lister og felter inden i hinanden).\n"
        "    Ret: skriv felterne, som vejledningen viser dem; et felt har højst en liste af personer "
        "med navn og organisation under sig.",
    ),
    (
        "sted: Holstebro\ntema: Kvalitet\x1fog udvikling\n",
        "x.md:3: metadata indeholder et usynligt styretegn (U+001F), som ikke er tilladt.\n"
        "    Ret: slet tegnet, fx ved at skrive linjen igen; det kommer ofte med, når tekst kopieres fra "
        "Word eller en PDF.",
    ),
    (
        "sted: " + "x" * 100_001 + "\n",
        "x.md:2: metadata fylder mere end 100.000 tegn.\n"
        "    Ret: tjek, at '---' efter det sidste felt ikke mangler; del ellers indholdet op i flere filer.",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"),
    REFUSED,
    ids=[
        "aliases",
        "alias",
        "python-tag",
        "local-tag",
        "deep-flow",
        "deeper-than-libyaml",
        "deep-block",
        "control-character",
        "size",
    ],
)
def test_refused_with_line(text, message):
    document, problems = load_yaml(text, "x.md", first_line=2)
    assert [str(p) for p in problems] == [message]


@pytest.mark.parametrize(
    "text",
    [
        "sted: 'Mødelokale * og & rum'\n",
        "sted: Lokale 2 & 3\n",
        "sted: !!str Holstebro\n",
        'tema: "Rækker *fed* tekst"\n',
    ],
)
def test_stars_ampersands_and_plain_tags_in_values_are_text(text):
    document, problems = load_yaml(text, "x.md", first_line=2)
    assert problems == []
    assert all(isinstance(value, str) for value in document.data.values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "sted: [Holstebro, Herning]\n",
            "x.md:2: 'sted' i metadata skal være én værdi på feltets linje, ikke en liste eller en gruppe "
            "af felter.\n    Ret: skriv fx 'sted: SOSU MV Holstebro, lokale 0.6A'.",
        ),
        (
            "dato:\n  aar: 2024\n",
            "x.md:2: 'dato' i metadata skal være én værdi på feltets linje, ikke en liste eller en gruppe "
            "af felter.\n    Ret: skriv fx 'dato: 2024-09-16'.",
        ),
        (
            "tags: [frafald, [trivsel]]\n",
            "x.md:2: 'tags' i metadata skal være en liste af ord, fx [frafald, trivsel], uden lister eller "
            "felter inden i.\n    Ret: skriv fx 'tags: [frafald, oplæringsvejledning]'.",
        ),
    ],
)
def test_a_text_field_given_a_list_or_mapping_is_refused(text, message):
    document, problems = load_yaml(text, "x.md", first_line=2)
    assert problems == []
    shape = [
        str(p)
        for p in check_keys(document, MEETING_FIELDS, (), "x.md", "metadata")
        if "skal være" in p.message
    ]
    assert shape == [message]
