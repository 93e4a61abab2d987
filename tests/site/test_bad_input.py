"""Bad content stops the build with every problem, in file and line order, and writes nothing.

One fixture has a problem for each place a build finds them: a committee or theme file, a dataset, a
minutes file, a page, a table on a page, a link, a second minutes file for one meeting, a report's
ids. What each message says is pinned case by case in the unit tests of the parsers and validators
(tests/unit/test_parse.py, test_pages.py, test_link_check.py, test_reports.py,
test_dataset_messages.py); here the build shows that all of them reach the editor, and that
``praktikviden check`` reports the same ones without building.
"""

from __future__ import annotations

import pytest

from plugins.kb.problems import ContentError
from praktikviden import site
from tests.conftest import FIXTURES, build_fixture, site_settings

OWN_ID = (
    "    Ret: giv overskriften sit eget id, fx '## Kommentar {#kommentar-bilag-2-1}', eller giv "
    "fodnoten et andet navn, fx '[^bilag-1]'."
)
FIX_ORDER = "nummerér punkterne 1, 2, 3 … uden huller eller gentagelser"
PROBLEMS = [
    "content/rapporter/eksempel/01-start.md:8: id'et 'indhold' bruges af sidens skabelon og kan ikke "
    "bruges af en overskrift.\n" + OWN_ID,
    "content/referater/2024-06-10-luu-test.md:3: udvalget 'luu-test' har allerede et referat fra 10. juni "
    "2024 i content/referater/2024-06-10-luu-test-kopi.md.\n"
    "    Ret: slet den ene fil, eller ret 'dato', hvis det er et andet møde.",
    "content/referater/2024-09-16-luu-test.md:3: 'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'.\n"
    "    Ret: skriv 'dato: 2024-09-16'.",
    "content/referater/2024-12-09-luu-test.md:17: dagsordenspunkt 3 står, hvor punkt 2 forventes.\n"
    f"    Ret: {FIX_ORDER}; skriv '## 2. Status fra AMU' eller ret rækkefølgen.",
    "content/referater/2024-12-09-luu-test.md:19: dagsordenspunkt 2 står, hvor punkt 3 forventes.\n"
    f"    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
    "content/sider/frafald.md:5: linket '{filename}../referater/2024-06-10-luu-test.md#punkt-7' peger på "
    "'#punkt-7', som ikke findes på siden.\n"
    "    Ret: mente du 'punkt-2'? referatet har punkterne 1–2; skriv fx '#punkt-1'.",
    "content/sider/om.md:3: ukendt sidetype 'rapprt'.\n"
    "    Ret: mente du 'rapport'? skriv en af: side, rapport, pilotprojekt, guide.",
    "content/sider/tal.md:7: tabellen 'andelle' findes ikke i data/.\n"
    "    Ret: mente du 'andele'? Skriv '[tabel: navn]', hvor navn er en CSV-fil i data/ uden '.csv'; "
    "kendte tabeller: andele.",
    "content/temaer/trivsel.yml:1: feltet 'navn' mangler i temafilen (temaets navn).\n"
    "    Ret: tilføj fx 'navn: Frafald og gennemførsel'.",
    "data/andele.csv:3:2: '82 %' i kolonnen 'Andel' er ikke et tal (procent).\n"
    "    Ret: skriv tallet uden tusindtalspunktum og med punktum som decimaltegn (8303, 1.5), eller lad "
    "feltet stå tomt, hvis tallet ikke kendes.",
]


def test_a_build_reports_every_problem_in_order_and_writes_nothing(tmp_path):
    with pytest.raises(ContentError) as caught:
        build_fixture("several_problems", tmp_path)
    assert [str(problem) for problem in caught.value.problems] == PROBLEMS
    assert caught.value.exitcode == 2
    assert str(caught.value).startswith(f"{len(PROBLEMS)} fejl i indholdet — intet er udgivet:\n")
    assert not [path for path in tmp_path.glob("output/**/*") if path.is_file()], "nothing is written"


def test_check_reports_the_same_problems_without_building(tmp_path):
    settings = site_settings(FIXTURES / "several_problems" / "content", tmp_path)
    assert [str(problem) for problem in site.check(settings)] == PROBLEMS
    assert not (tmp_path / "output").exists(), "check writes nothing"


def test_a_refused_build_keeps_the_previous_site(tmp_path):
    output = tmp_path / "output"
    (output / "gammel").mkdir(parents=True)
    (output / "gammel" / "index.html").write_text("forrige udgave", encoding="utf-8")
    settings = site_settings(FIXTURES / "several_problems" / "content", tmp_path, OUTPUT_PATH=str(output))
    with pytest.raises(ContentError):
        site.build(settings)
    assert [p.relative_to(output).as_posix() for p in output.rglob("*")] == ["gammel", "gammel/index.html"]
    assert (output / "gammel" / "index.html").read_text(encoding="utf-8") == "forrige udgave"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "data", "output"], "no staging folder"
