"""Bad content stops the build with 'file:line: what — fix' for every problem, and writes nothing."""

from __future__ import annotations

import pytest

from plugins.kb.problems import ContentError
from tests.conftest import build_fixture

FIX_ORDER = "nummerér punkterne 1, 2, 3 … uden huller eller gentagelser"

CASES = {
    "meeting_missing_date": [
        "content/referater/2024-09-16-luu-test.md:2: feltet 'dato' mangler i metadata "
        "(mødets dato som ÅÅÅÅ-MM-DD).\n    Ret: tilføj fx 'dato: 2024-09-16'.",
    ],
    "meeting_malformed_date": [
        "content/referater/2024-09-16-luu-test.md:3: 'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'."
        "\n    Ret: skriv 'dato: 2024-09-16'.",
    ],
    "meeting_impossible_date": [
        "content/referater/2024-09-31-luu-test.md:3: 'dato' er 2024-09-31, men den dato findes "
        "ikke i kalenderen.\n    Ret: tjek måned (01–12) og dag i måneden.",
    ],
    "meeting_unknown_committee": [
        "content/referater/2024-09-16-luu-tset.md:2: udvalget 'luu-tset' findes ikke.\n"
        "    Ret: mente du 'luu-test'? Kendte udvalg: luu-test; et nyt udvalg oprettes som "
        "content/udvalg/luu-tset.yml.",
    ],
    "participant_without_organisation": [
        "content/referater/2024-09-16-luu-test.md:13: deltager 'Mads Pahuus' mangler "
        "'organisation'.\n    Ret: tilføj 'organisation: …' under navnet; skriv "
        "'organisation: ikke angivet', hvis referatet ikke nævner den.",
    ],
    "agenda_out_of_order": [
        "content/referater/2024-09-16-luu-test.md:17: dagsordenspunkt 3 står, hvor punkt 2 "
        f"forventes.\n    Ret: {FIX_ORDER}; skriv '## 2. Status fra AMU' eller ret rækkefølgen.",
        "content/referater/2024-09-16-luu-test.md:19: dagsordenspunkt 2 står, hvor punkt 3 "
        f"forventes.\n    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
    ],
    "unknown_block_label": [
        "content/referater/2024-09-16-luu-test.md:17: '### Beslutnig' er ikke en kendt blok i et "
        "dagsordenspunkt.\n    Ret: mente du 'Beslutning'? Brug en af: Sagsfremstilling, "
        "Indstilling, Resumé, Drøftelse, Orientering, Beslutning, Bilag, Kommentarer; skriv "
        "anden tekst som almindeligt afsnit eller med **fed**.",
    ],
    "front_matter_yaml_error": [
        "content/referater/2024-09-16-luu-test.md:5: metadata kan ikke læses (YAML: mapping "
        "values are not allowed here).\n    Ret: tjek kolon, indrykning og anførselstegn på "
        "linjen; en værdi med ': ' i skal stå i anførselstegn.",
    ],
    "committee_bad_date": [
        "content/udvalg/luu-test.yml:5: 'dato' skal være ÅÅÅÅ-MM-DD, fik '10. marts 2025'.\n"
        "    Ret: skriv 'dato: ÅÅÅÅ-MM-DD', fx 'dato: 2024-09-16'.",
    ],
    "page_unknown_type": [
        "content/sider/frafald.md:3: ukendt sidetype 'rapprt'.\n"
        "    Ret: mente du 'rapport'? skriv en af: side, rapport, pilotprojekt, guide.",
    ],
    "meeting_unknown_theme": [
        "content/referater/2024-09-16-luu-test.md:28: temaet 'frafal' findes ikke.\n"
        "    Ret: mente du 'frafald'? Kendte temaer: frafald; et nyt tema oprettes som "
        "content/temaer/frafal.yml.",
        "content/referater/2024-09-16-luu-test.md:29: 'temaer' nævner punkt 4, men dagsordenen har "
        "ikke et punkt 4.\n    Ret: brug et af punktnumrene 1–3.",
    ],
    "guide_bad_chapter": [
        "content/guide/01-start.md:4: et guidekapitel skal have 'kapitel' med sit nummer.\n"
        "    Ret: skriv fx 'kapitel: 2'; kapitlerne vises i nummerorden.",
        "content/guide/01-start.md:5: ukendt rolle 'vejledr'.\n"
        "    Ret: mente du 'vejleder'? mulige roller: elev, vejleder, leder, skole.",
    ],
    # Every problem in every file is reported in one run, sorted by file and line.
    "several_problems": [
        "content/referater/2024-09-16-luu-test.md:3: 'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'."
        "\n    Ret: skriv 'dato: 2024-09-16'.",
        "content/referater/2024-12-09-luu-test.md:17: dagsordenspunkt 3 står, hvor punkt 2 "
        f"forventes.\n    Ret: {FIX_ORDER}; skriv '## 2. Status fra AMU' eller ret rækkefølgen.",
        "content/referater/2024-12-09-luu-test.md:19: dagsordenspunkt 2 står, hvor punkt 3 "
        f"forventes.\n    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
    ],
}


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_bad_content_is_refused_with_exact_messages(scenario, tmp_path):
    with pytest.raises(ContentError) as caught:
        build_fixture(scenario, tmp_path)
    assert [str(problem) for problem in caught.value.problems] == CASES[scenario]
    assert caught.value.exitcode == 2
    assert str(caught.value).startswith(f"{len(CASES[scenario])} fejl i indholdet — intet er udgivet:")
    assert not list(tmp_path.glob("output/**/*.html")), "nothing may be written for bad content"
