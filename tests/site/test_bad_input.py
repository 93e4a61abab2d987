"""Bad content stops the build with 'file:line: what — fix' for every problem, and writes nothing."""

from __future__ import annotations

import pytest

from plugins.kb.problems import ContentError
from praktikviden import site
from tests.conftest import FIXTURES, build_fixture, site_settings

MINUTES = "content/referater/2024-09-16-luu-test.md"
OWN_ID = (
    "    Ret: giv overskriften sit eget id, fx '## Kommentar {#kommentar-bilag-2-1}', eller giv "
    "fodnoten et andet navn, fx '[^bilag-1]'."
)
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
        "content/referater/2024-09-16-luu-test.md:29: temaet 'frafal' findes ikke.\n"
        "    Ret: mente du 'frafald'? Kendte temaer: frafald; et nyt tema oprettes som "
        "content/temaer/frafal.yml.",
        "content/referater/2024-09-16-luu-test.md:30: 'temaer' nævner punkt 4, men dagsordenen har "
        "ikke et punkt 4.\n    Ret: brug et af punktnumrene 1–3.",
    ],
    "guide_bad_chapter": [
        "content/guide/01-start.md:4: et guidekapitel skal have 'kapitel' med sit nummer.\n"
        "    Ret: skriv fx 'kapitel: 2'; kapitlerne vises i nummerorden.",
        "content/guide/01-start.md:5: ukendt rolle 'vejledr'.\n"
        "    Ret: mente du 'vejleder'? mulige roller: elev, vejleder, leder, skole.",
    ],
    "agenda_repeated_number": [
        f"{MINUTES}:19: dagsordenspunkt 2 står, hvor punkt 3 forventes.\n"
        f"    Ret: {FIX_ORDER}; skriv '## 3. Eventuelt' eller ret rækkefølgen.",
    ],
    "block_outside_item": [
        f"{MINUTES}:15: blokken '### Beslutning' står før første dagsordenspunkt.\n"
        "    Ret: flyt den ind under det dagsordenspunkt, den hører til ('## N. Titel').",
    ],
    "front_matter_missing": [
        f"{MINUTES}:1: filen mangler metadata (front matter) øverst.\n"
        "    Ret: start filen med en linje '---', så felterne (fx 'dato: 2024-09-16'), og afslut dem "
        "med en linje '---'.",
    ],
    "meeting_duplicate": [
        f"{MINUTES}:3: udvalget 'luu-test' har allerede et referat fra 16. september 2024 i "
        "content/referater/2024-09-16-luu-test-kopi.md.\n"
        "    Ret: slet den ene fil, eller ret 'dato', hvis det er et andet møde.",
    ],
    "meeting_bad_own_anchor": [
        f"{MINUTES}:17: linket '#punkt-3' peger på '#punkt-3', som ikke findes på siden.\n"
        "    Ret: mente du 'punkt-2'? referatet har punkterne 1–2; skriv fx '#punkt-1'.",
    ],
    "link_broken": [
        "content/sider/frafald.md:5: linket '{filename}../referater/2024-09-16-luu-test.md#punkt-7' "
        "peger på '#punkt-7', som ikke findes på siden.\n"
        "    Ret: mente du 'punkt-2'? referatet har punkterne 1–2; skriv fx '#punkt-1'.",
        "content/sider/frafald.md:7: siden '../referater/2024-12-09-luu-test.md' i linket "
        "'{filename}../referater/2024-12-09-luu-test.md' findes ikke "
        "(content/referater/2024-12-09-luu-test.md).\n"
        "    Ret: mente du '2024-09-16-luu-test.md'? læg filen i content/ eller ret stien; den regnes "
        "fra mappen, filen ligger i.",
        "content/sider/frafald.md:9: linket 'om.md' kan ikke følges, når siden er bygget.\n"
        "    Ret: skriv '{filename}om.md': {filename} foran en side eller et referat, {static} foran et "
        "billede eller en fil.",
    ],
    "image_missing": [
        "content/sider/frafald.md:5: billedet '../billeder/frafald.png' i linket "
        "'{static}../billeder/frafald.png' findes ikke (content/billeder/frafald.png).\n"
        "    Ret: mente du 'frafald-2024.png'? læg filen i content/ eller ret stien; den regnes fra "
        "mappen, filen ligger i.",
    ],
    # A Bilag link to a file that is not in content/bilag/<the minutes file's name>/.
    "attachment_missing": [
        f"{MINUTES}:19: filen '../bilag/2024-09-16-luu-test/ansoegertal.pdf' i linket "
        "'{static}../bilag/2024-09-16-luu-test/ansoegertal.pdf' findes ikke "
        "(content/bilag/2024-09-16-luu-test/ansoegertal.pdf).\n"
        "    Ret: mente du 'ansoegertal.csv'? bilagene til 2024-09-16-luu-test.md ligger i "
        "content/bilag/2024-09-16-luu-test/; læg filen der, eller ret stien.",
        f"{MINUTES}:20: filen '/bilag/2024-09-16-luu-tset/frafald.csv' i linket "
        "'{static}/bilag/2024-09-16-luu-tset/frafald.csv' findes ikke "
        "(content/bilag/2024-09-16-luu-tset/frafald.csv).\n"
        "    Ret: mente du 'frafald.csv'? bilagene til 2024-09-16-luu-test.md ligger i "
        "content/bilag/2024-09-16-luu-test/; læg filen der, eller ret stien.",
    ],
    # A reference-style link or image is checked at its definition ('[kurve]: {static}…').
    "link_reference_broken": [
        "content/sider/frafald.md:9: siden '../referater/2024-12-09-luu-test.md' i linket "
        "'{filename}../referater/2024-12-09-luu-test.md' findes ikke "
        "(content/referater/2024-12-09-luu-test.md).\n"
        "    Ret: mente du '2024-09-16-luu-test.md'? læg filen i content/ eller ret stien; den regnes "
        "fra mappen, filen ligger i.",
        "content/sider/frafald.md:11: billedet '../billeder/frafald.png' i linket "
        "'{static}../billeder/frafald.png' findes ikke (content/billeder/frafald.png).\n"
        "    Ret: mente du 'frafald-2024.png'? læg filen i content/ eller ret stien; den regnes fra "
        "mappen, filen ligger i.",
    ],
    # The site fetches nothing from other hosts (a link to another site is fine: line 9).
    "image_external": [
        "content/sider/frafald.md:5: billedet 'https://cdn.example.org/frafald.png' hentes fra et andet "
        "site (cdn.example.org); sitet henter intet fra andre sites.\n"
        "    Ret: hent billedet ned, læg det i content/billeder/ og vis det med {static}, fx "
        "'{static}../billeder/frafald.png'.",
        "content/sider/frafald.md:7: billedet '//cdn.example.org/logo.png' hentes fra et andet site "
        "(cdn.example.org); sitet henter intet fra andre sites.\n"
        "    Ret: hent billedet ned, læg det i content/billeder/ og vis det med {static}, fx "
        "'{static}../billeder/logo.png'.",
    ],
    "link_local_file": [
        "content/sider/frafald.md:5: linket '/home/anne/frafald.xlsx' peger på en fil på en computer, "
        "ikke på sitet, og kan ikke følges.\n"
        "    Ret: læg filen i content/bilag/frafald/ og link til den med {static}, fx "
        "'{static}../bilag/frafald/frafald.xlsx'; en side eller et referat linkes med {filename}.",
        "content/sider/frafald.md:5: linket 'file:///C:/Users/anne/Dokumenter/referat.pdf' peger på en "
        "fil på en computer, ikke på sitet, og kan ikke følges.\n"
        "    Ret: læg filen i content/bilag/frafald/ og link til den med {static}, fx "
        "'{static}../bilag/frafald/referat.pdf'; en side eller et referat linkes med {filename}.",
    ],
    "page_missing_title": [
        "content/sider/frafald.md:2: feltet 'titel' mangler i metadata (sidens overskrift).\n"
        "    Ret: tilføj fx 'titel: Om Praktikviden'.",
    ],
    "theme_missing_name": [
        "content/temaer/frafald.yml:1: feltet 'navn' mangler i temafilen (temaets navn).\n"
        "    Ret: tilføj fx 'navn: Frafald og gennemførsel'.",
    ],
    "report_bad_chapter": [
        "content/rapporter/eksempel/02-uden-rapport.md:2: filen ligger i rapportens mappe "
        "content/rapporter/eksempel/, men har ikke feltet 'rapport'.\n"
        "    Ret: skriv 'rapport: eksempel' og 'kapitel: …', eller flyt filen til den rapports mappe.",
        "content/rapporter/eksempel/02-uden-rapport.md:4: et kapitel i en rapport skal have 'kapitel' "
        "med sit nummer.\n    Ret: skriv fx 'kapitel: 3'; kapitlerne vises i nummerorden.",
        "content/sider/start.md:4: rapporten 'eksempl' findes ikke.\n"
        "    Ret: mente du 'eksempel'? Kendte rapporter: eksempel; en rapport oprettes som "
        "content/rapporter/eksempl/rapport.yml.",
        "content/sider/start.md:5: et kapitel i en rapport skal have 'kapitel' med sit "
        "nummer.\n    Ret: skriv fx 'kapitel: 3'; kapitlerne vises i nummerorden.",
    ],
    "report_duplicate_id": [
        "content/rapporter/eksempel/01-start.md:12: id'et 'start' står to gange i kapitlet (kapitlets "
        "titel har id'et 'start').\n" + OWN_ID,
        "content/rapporter/eksempel/01-start.md:16: id'et 'indhold' bruges af sidens skabelon og kan "
        "ikke bruges af en overskrift.\n" + OWN_ID,
        "content/rapporter/eksempel/02-slut.md:10: id'et 'kommentar' bruges også i "
        "content/rapporter/eksempel/01-start.md; rapportens udskrift har alle kapitler på én side, og "
        "et id må kun stå én gang.\n" + OWN_ID,
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


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_check_finds_the_same_problems_without_building(scenario, tmp_path):
    settings = site_settings(FIXTURES / scenario / "content", tmp_path)
    assert [str(problem) for problem in site.check(settings)] == CASES[scenario]
    assert not (tmp_path / "output").exists(), "check writes nothing"


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_atomic_build_keeps_the_previous_site(scenario, tmp_path):
    output = tmp_path / "output"
    (output / "gammel").mkdir(parents=True)
    (output / "gammel" / "index.html").write_text("forrige udgave", encoding="utf-8")
    settings = site_settings(FIXTURES / scenario / "content", tmp_path, OUTPUT_PATH=str(output))
    with pytest.raises(ContentError):
        site.build(settings)
    assert [p.relative_to(output).as_posix() for p in output.rglob("*")] == ["gammel", "gammel/index.html"]
    assert (output / "gammel" / "index.html").read_text(encoding="utf-8") == "forrige udgave"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"], "no staging folder left"
