"""Minutes, committee and theme files parsed into the model, and the editor's messages for bad ones.

Each message is pinned word for word: ``file:line: what`` and the indented ``Ret: fix`` are what the
editor sees from ``praktikviden check`` and from a build.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.kb.content.parse import parse_committee, parse_meeting, parse_theme
from plugins.kb.model import Committee, Person, PlannedMeeting, Theme, TimeSpan
from tests.unit.samples import FRONT, ITEM_1, render

MINUTES = "content/referater/2024-09-16-luu-test.md"
FIX_ORDER = "nummerér punkterne 1, 2, 3 … uden huller eller gentagelser"


def front_with(lines: str) -> str:
    """``FRONT`` with ``lines`` added at the end of the front matter (before its closing '---')."""
    return FRONT.replace("---\n\n", f"{lines}---\n\n")


def parse(text: str, source: str = MINUTES):
    return parse_meeting(text, source, {"luu-test"}, render, {"frafald"})


def messages(text: str, source: str = MINUTES) -> list[str]:
    meeting, problems = parse(text, source)
    assert meeting is None, "a file with problems gives no meeting"
    return [str(problem) for problem in problems]


def test_good_minutes_become_a_meeting():
    text = FRONT + ITEM_1 + "\n### Beslutning\n\nDagsordenen blev godkendt.\n\n## 2. Eventuelt\n"
    meeting, problems = parse(text)
    assert problems == []
    assert (meeting.committee, meeting.date, meeting.place) == ("luu-test", dt.date(2024, 9, 16), "Holstebro")
    assert meeting.time == TimeSpan(dt.time(9), dt.time(12))
    assert meeting.chair == Person("Bettina Krohn Jensen", None, None)
    assert meeting.participants == (Person("Jacob Niebuhr Henriksen", "Herning Kommune", None),)
    assert [(item.number, item.title) for item in meeting.agenda] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Eventuelt"),
    ]
    assert {"punkt-1", "punkt-2", "punkt-1-beslutning"} <= meeting.anchors


def test_item_themes_go_to_their_item():
    text = front_with("temaer:\n  - punkt: 2\n    temaer: [frafald]\n")
    meeting, problems = parse(text + ITEM_1 + "\n## 2. Frafald\n")
    assert problems == []
    assert [item.themes for item in meeting.agenda] == [(), ("frafald",)]


MEETING_CASES = {
    "missing date": (
        FRONT.replace("dato: 2024-09-16\n", "") + ITEM_1,
        [
            f"{MINUTES}:2: feltet 'dato' mangler i metadata (mødets dato som ÅÅÅÅ-MM-DD).\n"
            "    Ret: tilføj fx 'dato: 2024-09-16'.",
        ],
    ),
    "malformed date": (
        FRONT.replace("2024-09-16", "16/9/2024") + ITEM_1,
        [f"{MINUTES}:3: 'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'.\n    Ret: skriv 'dato: 2024-09-16'."],
    ),
    "impossible date": (
        FRONT.replace("2024-09-16", "2024-09-31") + ITEM_1,
        [
            f"{MINUTES}:3: 'dato' er 2024-09-31, men den dato findes ikke i kalenderen.\n"
            "    Ret: tjek måned (01–12) og dag i måneden.",
        ],
    ),
    "unknown committee": (
        FRONT.replace("luu-test", "luu-tset") + ITEM_1,
        [
            f"{MINUTES}:2: udvalget 'luu-tset' findes ikke.\n"
            "    Ret: mente du 'luu-test'? Kendte udvalg: luu-test; et nyt udvalg oprettes som "
            "content/udvalg/luu-tset.yml.",
        ],
    ),
    "participant without organisation": (
        front_with("  - navn: Mads Pahuus\n    rolle: suppleant for Per Birch\n")
        + ITEM_1,
        [
            f"{MINUTES}:13: deltager 'Mads Pahuus' mangler 'organisation'.\n"
            "    Ret: tilføj 'organisation: …' under navnet; skriv 'organisation: ikke angivet', hvis "
            "referatet ikke nævner den.",
        ],
    ),
    "people not a list": (
        FRONT.replace("\n  - navn: Jacob Niebuhr Henriksen\n    organisation: Herning Kommune", " Jacob")
        + ITEM_1,
        [
            f"{MINUTES}:10: 'deltagere' skal være en liste med én person pr. punkt.\n"
            "    Ret: skriv 'deltagere:' og under den '  - navn: …' og '    organisation: …' for hver "
            "person.",
        ],
    ),
    "unknown key in a person": (
        FRONT.replace("  navn: Bettina Krohn Jensen\n", "  navn: Bettina Krohn Jensen\n  titel: formand\n")
        + ITEM_1,
        [
            f"{MINUTES}:8: ukendt felt 'titel' i mødelederen 'Bettina Krohn Jensen'.\n"
            "    Ret: Tilladte felter: navn, organisation, rolle.",
        ],
    ),
    "end before start": (
        FRONT.replace("9.00–12.00", "12.00–9.00") + ITEM_1,
        [f"{MINUTES}:4: 'tid' slutter før det starter: '12.00–9.00'.\n    Ret: skriv starttid før sluttid, "
         "fx 'tid: 9.00–12.00'."],
    ),
    "agenda out of order": (
        FRONT + ITEM_1 + "\n## 3. Status fra AMU\n\n## 2. Eventuelt\n",
        [
            f"{MINUTES}:17: dagsordenspunkt 3 står, hvor punkt 2 forventes.\n"
            f"    Ret: {FIX_ORDER}; skriv '## 2. Status fra AMU' eller ret rækkefølgen.",
            f"{MINUTES}:19: dagsordenspunkt 2 står, hvor punkt 3 forventes.\n"
            f"    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
        ],
    ),
    "agenda number repeated": (
        FRONT + ITEM_1 + "\n## 2. Status fra AMU\n\n## 2. Eventuelt\n",
        [
            f"{MINUTES}:19: dagsordenspunkt 2 står, hvor punkt 3 forventes.\n"
            f"    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
        ],
    ),
    "unknown block label": (
        FRONT + ITEM_1 + "\n### Beslutnig\n\nDagsordenen blev godkendt.\n",
        [
            f"{MINUTES}:17: '### Beslutnig' er ikke en kendt blok i et dagsordenspunkt.\n"
            "    Ret: mente du 'Beslutning'? Brug en af: Sagsfremstilling, Indstilling, Resumé, Drøftelse, "
            "Orientering, Beslutning, Bilag, Kommentarer; skriv anden tekst som almindeligt afsnit eller "
            "med **fed**.",
        ],
    ),
    "block before the first item": (
        FRONT + "### Beslutning\n\nUdvalget godkendte dagsordenen.\n\n" + ITEM_1,
        [
            f"{MINUTES}:15: blokken '### Beslutning' står før første dagsordenspunkt.\n"
            "    Ret: flyt den ind under det dagsordenspunkt, den hører til ('## N. Titel').",
        ],
    ),
    "no front matter": (
        "# Referat af LUU-møde 16. september 2024\n\n" + ITEM_1,
        [
            f"{MINUTES}:1: filen mangler metadata (front matter) øverst.\n"
            "    Ret: start filen med en linje '---', så felterne (fx 'dato: 2024-09-16'), og afslut dem "
            "med en linje '---'.",
        ],
    ),
    "front matter YAML error": (
        "---\nudvalg: luu-test\ndato: 2024-09-16\ntid: 9.00–12.00\nsted: Holstebro: lokale 31\n"
        "moedeleder:\n  navn: Bettina Krohn Jensen\n---\n\n" + ITEM_1,
        [
            f"{MINUTES}:5: metadata kan ikke læses (YAML: mapping values are not allowed here).\n"
            "    Ret: tjek kolon, indrykning og anførselstegn på linjen; en værdi med ': ' i skal stå i "
            "anførselstegn.",
        ],
    ),
    "unknown theme and item": (
        front_with("temaer:\n  - punkt: 1\n    temaer: [frafal]\n  - punkt: 4\n    temaer: [frafald]\n")
        + ITEM_1
        + "\n## 2. Orientering fra skolen\n\n## 3. Eventuelt\n",
        [
            f"{MINUTES}:15: temaet 'frafal' findes ikke.\n"
            "    Ret: mente du 'frafald'? Kendte temaer: frafald; et nyt tema oprettes som "
            "content/temaer/frafal.yml.",
            f"{MINUTES}:16: 'temaer' nævner punkt 4, men dagsordenen har ikke et punkt 4.\n"
            "    Ret: brug et af punktnumrene 1–3.",
        ],
    ),
    "item themes in the old form": (
        front_with("temaer:\n  3: [frafald]\n") + ITEM_1,
        [
            f"{MINUTES}:13: 'temaer' skal være en liste med ét dagsordenspunkt pr. punkt (ikke '3: [...]', "
            "som temaer blev skrevet før).\n    Ret: skriv fx 'temaer:', på næste linje '  - punkt: 7' og "
            "under den '    temaer: [frafald-og-gennemfoersel]'.",
        ],
    ),
    "item named twice in themes": (
        front_with("temaer:\n  - punkt: 1\n    temaer: [frafald]\n  - punkt: 1\n    temaer: [frafald]\n")
        + ITEM_1,
        [
            f"{MINUTES}:16: 'temaer' nævner punkt 1 to gange.\n"
            "    Ret: skriv alle punktets temaer i én liste under det første 'punkt'.",
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(MEETING_CASES))
def test_bad_minutes_are_refused_with_exact_messages(case):
    text, expected = MEETING_CASES[case]
    assert messages(text) == expected


def test_every_problem_in_a_file_is_reported_not_only_the_first():
    text = FRONT.replace("2024-09-16", "16/9/2024").replace("luu-test", "luu-tset")
    found = messages(text + ITEM_1 + "\n## 3. Eventuelt\n")
    assert [message.split(":")[1] for message in found] == ["2", "3", "17"]


COMMITTEE = "content/udvalg/luu-test.yml"
COMMITTEE_TEXT = """\
navn: LUU Test
beskrivelse: Et udvalg til test.
moededatoer:
  - dato: 2025-06-02
  - dato: 2025-03-10
    tid: 9.00–12.00
    sted: Holstebro
faste_punkter:
  - Godkendelse af dagsorden
  - Eventuelt
"""


def test_a_committee_file_becomes_a_committee_with_its_meetings_in_date_order():
    committee, problems = parse_committee(COMMITTEE_TEXT, "luu-test", COMMITTEE)
    assert problems == []
    assert committee == Committee(
        slug="luu-test",
        name="LUU Test",
        description="Et udvalg til test.",
        planned=(
            PlannedMeeting(dt.date(2025, 3, 10), TimeSpan(dt.time(9), dt.time(12)), "Holstebro"),
            PlannedMeeting(dt.date(2025, 6, 2), None, None),
        ),
        standing_items=("Godkendelse af dagsorden", "Eventuelt"),
    )


COMMITTEE_CASES = {
    "planned date not ISO": (
        "luu-test",
        COMMITTEE_TEXT.replace("dato: 2025-06-02", "dato: 10. marts 2025"),
        [
            f"{COMMITTEE}:4: 'dato' skal være ÅÅÅÅ-MM-DD, fik '10. marts 2025'.\n"
            "    Ret: skriv 'dato: ÅÅÅÅ-MM-DD', fx 'dato: 2024-09-16'.",
        ],
    ),
    "bad file name": (
        "LUU_test",
        COMMITTEE_TEXT,
        [
            f"{COMMITTEE}: filnavnet 'LUU_test' kan ikke bruges som udvalgets kortnavn.\n"
            "    Ret: brug kun små bogstaver a–z, tal og bindestreg, fx 'luu-pa-amu.yml'.",
        ],
    ),
    "missing name": (
        "luu-test",
        COMMITTEE_TEXT.replace("navn: LUU Test\n", ""),
        [
            f"{COMMITTEE}:1: feltet 'navn' mangler i udvalgsfilen (udvalgets fulde navn).\n"
            "    Ret: tilføj fx 'navn: LUU PA-AMU'.",
        ],
    ),
    "meeting dates not a list": (
        "luu-test",
        "navn: LUU Test\nbeskrivelse: Et udvalg til test.\nmoededatoer: 2025-03-10\n",
        [
            f"{COMMITTEE}:3: 'moededatoer' skal være en liste med ét møde pr. punkt.\n"
            "    Ret: skriv '  - dato: 2025-03-10' og evt. 'tid' og 'sted' under hvert punkt.",
        ],
    ),
    "unknown key in a planned meeting": (
        "luu-test",
        COMMITTEE_TEXT.replace("    sted: Holstebro", "    lokale: 0.6A"),
        [
            f"{COMMITTEE}:7: ukendt felt 'lokale' i et planlagt møde.\n"
            "    Ret: Tilladte felter: dato, tid, sted.",
        ],
    ),
    "standing items not a list": (
        "luu-test",
        COMMITTEE_TEXT.replace(
            "faste_punkter:\n  - Godkendelse af dagsorden\n  - Eventuelt", "faste_punkter: Eventuelt"
        ),
        [
            f"{COMMITTEE}:8: 'faste_punkter' skal være en liste med én punkttitel pr. linje.\n"
            "    Ret: skriv fx '  - Godkendelse af dagsorden' under 'faste_punkter:'.",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(COMMITTEE_CASES))
def test_bad_committee_files_are_refused_with_exact_messages(case):
    slug, text, expected = COMMITTEE_CASES[case]
    committee, problems = parse_committee(text, slug, COMMITTEE)
    assert committee is None
    assert [str(problem) for problem in problems] == expected


THEME = "content/temaer/frafald.yml"


def test_a_theme_file_becomes_a_theme():
    text = "navn: Frafald\nbeskrivelse: Et tema til test.\n"
    assert parse_theme(text, "frafald", THEME) == (Theme("frafald", "Frafald", "Et tema til test."), [])


@pytest.mark.parametrize(
    ("slug", "text", "expected"),
    [
        (
            "frafald",
            "beskrivelse: Hvorfor elever falder fra, og hvad der hjælper dem igennem.\n",
            f"{THEME}:1: feltet 'navn' mangler i temafilen (temaets navn).\n"
            "    Ret: tilføj fx 'navn: Frafald og gennemførsel'.",
        ),
        (
            "Frafald",
            "navn: Frafald\nbeskrivelse: Et tema til test.\n",
            f"{THEME}: filnavnet 'Frafald' kan ikke bruges som temaets kortnavn.\n"
            "    Ret: brug kun små bogstaver a–z, tal og bindestreg, fx 'frafald-og-gennemfoersel.yml'.",
        ),
    ],
)
def test_bad_theme_files_are_refused_with_exact_messages(slug, text, expected):
    theme, problems = parse_theme(text, slug, THEME)
    assert theme is None
    assert [str(problem) for problem in problems] == [expected]
