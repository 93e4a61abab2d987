"""Reading minutes text: people, dates and times, agenda items, blocks, lists and the PDF's line ends."""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.kb.importer.minutes_draft import write_draft
from plugins.kb.importer.minutes_header import read_person
from plugins.kb.importer.minutes_import import read_minutes
from plugins.kb.importer.minutes_text import join_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bo Bæk", ("Bo Bæk", None, None)),
        ("Jacob Niebuhr Henriksen, Herning Kommune", ("Jacob Niebuhr Henriksen", "Herning Kommune", None)),
        ("Kirsten Schmidt, SOSUMV, Herning", ("Kirsten Schmidt", "SOSUMV, Herning", None)),
        (
            "Bettina Krohn Jensen, FOA Midt- og Vestjylland, formand for LUU-PA",
            ("Bettina Krohn Jensen", "FOA Midt- og Vestjylland", "formand for LUU-PA"),
        ),
        ("Lis Bukholt, Herning Kommune, Formand", ("Lis Bukholt", "Herning Kommune", "Formand")),
        ("Mads Pahuus, suppleant for Per Birch", ("Mads Pahuus", None, "suppleant for Per Birch")),
        (
            "Rikke Hedegaard Rask, Holstebro Kommune (deltager i stedet for Søren Agger)",
            ("Rikke Hedegaard Rask", "Holstebro Kommune", "deltager i stedet for Søren Agger"),
        ),
        (
            "Søren Landkildehus, Holstebro Kommune (suppleant, Lisbeth Munk)",
            ("Søren Landkildehus", "Holstebro Kommune", "suppleant, Lisbeth Munk"),
        ),
    ],
)
def test_a_person_line_gives_name_organisation_and_role(text, expected):
    person = read_person(text, "deltagere")
    assert (person.name, person.organisation, person.role) == expected


@pytest.mark.parametrize(
    "people",
    [
        "Deltagere:\nNavn: Organisation\nBo Bæk (formand): Herning Kommune\nEva Holm: Elevrepræsentant",
        "Navn, Organisation, Rolle\nBo Bæk, Herning Kommune, formand\nEva Holm, Elevrepræsentant",
        "Deltagere\nNavn        Organisation        Rolle\n"
        "Bo Bæk      Herning Kommune     formand\nEva Holm    Elevrepræsentant",
        "Til stede:\n• Bo Bæk, Herning Kommune (formand)\n• Eva Holm, elevrepræsentant",
        "Deltagere: Bo Bæk, Herning Kommune, formand; Eva Holm, elevrepræsentant",
        "Deltagere\tBo Bæk\tHerning Kommune\tformand\n\tEva Holm\televrepræsentant",
    ],
    ids=["Word table", "Word table, 3 columns", "PDF table", "bullets", "one line", "tabs"],
)
def test_participants_in_the_layouts_minutes_use(people):
    draft = read_minutes(f"Referat\n\nDato: 27. november 2023\n\n{people}\n\n1. Godkendelse\nGodkendt.\n")
    assert [(p.name, p.organisation, p.role and p.role.lower()) for p in draft.groups["deltagere"]] == [
        ("Bo Bæk", "Herning Kommune", "formand"),
        ("Eva Holm", None, "elevrepræsentant"),
    ]
    assert draft.intro == []


LIS_BUKHOLT = "'Lis Bukholt' står som organisation for 'Per Birch', men ligner navne på personer."


@pytest.mark.parametrize(
    ("line", "doubts"),
    [
        ("Per Birch, Lis Bukholt", [LIS_BUKHOLT]),
        ("Per Birch, Lis Bukholt, Herning Kommune", [LIS_BUKHOLT]),
        ("Per Birch, Holstebro Kommune", []),
        ("Per Birch, Region Midtjylland", []),
        ("Per Birch, FOA Herning", []),
    ],
)
def test_names_read_as_an_organisation_are_a_doubt(line, doubts):
    draft = read_minutes(f"Dato: 27. november 2023\nAfbud: {line}\n\n1. Godkendelse\n")
    assert [doubt.message for person in draft.groups["afbud"] for doubt in person.doubts] == doubts


def test_people_from_the_school_are_participants_with_that_role():
    assert read_person("Dorte Engsig, SOSUMV, Herning", "fra skolen").role == "fra skolen"


@pytest.mark.parametrize(
    ("header", "date", "time", "place"),
    [
        (
            "Mandag d. 16. september 2024 kl. 9.00 – 12.00\npå SOSU MV Holstebro",
            dt.date(2024, 9, 16),
            ("9.00", "12.00"),
            "SOSU MV Holstebro",
        ),
        (
            "Sted: Holstebro, lokale 0.6 A\nDato: 12. oktober kl. 12 – 15",
            None,
            ("12.00", "15.00"),
            "Holstebro, lokale 0.6 A",
        ),
        (
            "Dato:\nFredag den 22. februar 2019\nKl. 9.00 – 12.30, lokale 31, Herning",
            dt.date(2019, 2, 22),
            ("9.00", "12.30"),
            "lokale 31, Herning",
        ),
        ("Dato: 27.11.2023\nTid: kl. 12:30-15", dt.date(2023, 11, 27), ("12.30", "15.00"), None),
        ("Dato: 27-11-2023\nTid: 12:00 - 15:00", dt.date(2023, 11, 27), ("12.00", "15.00"), None),
        ("Dato: d. 27/11 2023\nTid: fra kl. 9 til kl. 12", dt.date(2023, 11, 27), ("9.00", "12.00"), None),
        ("Dato: 27. nov. 2023\nTid: 9-12", dt.date(2023, 11, 27), ("9.00", "12.00"), None),
        (
            "Dato: mandag den 27.11.23\nTidspunkt: kl. 9.10-12.00",
            dt.date(2023, 11, 27),
            ("9.10", "12.00"),
            None,
        ),
        (
            "Mødedato: 27. november 2023, kl. 12.00 til 15.00\nMødested: SOSU MV Herning\nLokale: 2.10",
            dt.date(2023, 11, 27),
            ("12.00", "15.00"),
            "SOSU MV Herning, lokale 2.10",
        ),
        ("Dato          27. november 2023\nSted          Herning", dt.date(2023, 11, 27), None, "Herning"),
        (
            "Dato: 27. november 2023\nSted: SOSU MV Herning\nlokale 2.10",
            dt.date(2023, 11, 27),
            None,
            "SOSU MV Herning, lokale 2.10",
        ),
    ],
)
def test_date_time_and_place_in_the_forms_minutes_use(header, date, time, place):
    draft = read_minutes(f"Referat\n\n{header}\n\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert (draft.date if draft.date_has_year else None, draft.time, draft.place) == (date, time, place)


@pytest.mark.parametrize(
    ("header", "key", "message"),
    [
        ("Dato: snarest\nTid: kl. 12-15", "dato", "datoen 'snarest' kunne ikke læses."),
        ("Dato: 27. november 2023\nTid: kl. 13.00", "tid", "tidspunktet 'kl. 13.00' kunne ikke læses."),
    ],
)
def test_a_date_or_time_that_cannot_be_read_is_a_doubt(header, key, message):
    draft = read_minutes(f"Referat\n\n{header}\n\n1. Godkendelse\nGodkendt.\n")
    assert [doubt.message for doubt in draft.doubts[key]] == [message]


def test_the_written_file_says_which_time_could_not_be_read_on_its_line():
    draft = read_minutes("Dato: 27. november 2023\nTid: kl. 13.00\n\n1. Godkendelse\nGodkendt.\n")
    text, notes = write_draft(draft, "luu-test", dt.date(2023, 11, 27), date_given=False)
    assert text.splitlines()[3] == "tid:  # TJEK: tidspunktet 'kl. 13.00' kunne ikke læses."
    assert [(note.line, note.doubt.message) for note in notes][0] == (
        4,
        "tidspunktet 'kl. 13.00' kunne ikke læses.",
    )


def test_a_date_without_a_year_is_known_as_such():
    draft = read_minutes("Dato: 12. oktober kl. 12 – 15\n\n1) Godkendelse\n")
    assert (draft.date_has_year, draft.date_text) == (False, "12. oktober")


@pytest.mark.parametrize(
    "body",
    [
        "1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.",
        " 1) Godkendelse af dagsorden\nGodkendt.\n2) Eventuelt\nIntet.",
        "     Punkt 1\nGodkendelse af dagsorden\nGodkendt.\nPunkt 2\nEventuelt\nIntet.",
        "Punkt 1: Godkendelse af dagsorden\nGodkendt.\nPunkt 2: Eventuelt\nIntet.",
        "Ad 1. Godkendelse af dagsorden\nGodkendt.\nAd pkt. 2 Eventuelt\nIntet.",
        "# Godkendelse af dagsorden\nGodkendt.\n# Eventuelt\nIntet.",
        "# 1 Godkendelse af dagsorden\nGodkendt.\n# 2 Eventuelt\nIntet.",
    ],
    ids=["1.", "1)", "Punkt 1", "Punkt 1:", "Ad 1.", "Word heading", "Word heading numbered"],
)
def test_agenda_items_in_each_numbering(body):
    draft = read_minutes("Referat\n\n" + body)
    assert [(item.number, item.title) for item in draft.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Eventuelt"),
    ]


def test_a_number_out_of_order_is_text_of_the_item_not_a_new_item():
    draft = read_minutes("1. Status\nDer er tre punkter:\n3. opgaver er nye\n2. Eventuelt\n")
    assert [item.number for item in draft.items] == [1, 2]
    assert "3. opgaver er nye" in " ".join(draft.items[0].blocks[0].lines)


def test_an_agenda_printed_before_the_minutes_stays_in_the_introduction():
    draft = read_minutes(
        "Referat\n\nDato: 27. november 2023\n\nDagsorden:\n1. Godkendelse af dagsorden\n2. Eventuelt\n\n"
        "Referat:\n1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.\n"
    )
    assert draft.intro == ["Dagsorden:", "1. Godkendelse af dagsorden", "2. Eventuelt", "Referat:"]
    assert [(item.number, item.blocks[0].lines) for item in draft.items] == [
        (1, ["Godkendt."]),
        (2, ["Intet."]),
    ]


def test_a_numbered_list_indented_under_an_item_is_its_text_not_new_items():
    draft = read_minutes(
        "  1. Orientering\nDer er to ting:\n"
        "    1. Optag i Herning\n    2. Optag i Holstebro\n"
        "  2. Eventuelt\n"
    )
    assert [(item.number, item.title) for item in draft.items] == [(1, "Orientering"), (2, "Eventuelt")]
    assert draft.items[0].blocks[0].lines == [
        "Der er to ting:",
        "",
        "1. Optag i Herning",
        "2. Optag i Holstebro",
    ]


def test_word_headings_become_items_labels_and_headings_in_the_text():
    draft = read_minutes(
        "# Referat\n\nDato: 27. november 2023\n\n## Deltagere\nBo Bæk, Herning Kommune\n\n"
        "## Godkendelse af dagsorden\n### Beslutning\nGodkendt.\n"
        "## Nyt fra skolen\n### 2.1. Orientering\nTo nye hold.\n### Optag i Herning\n85 elever.\n"
        "# Næste møde\nDen 10. marts 2024.\n## Bilag\nBilag 2.1 Optagstal\n"
    )
    assert [(p.name, p.organisation) for p in draft.groups["deltagere"]] == [("Bo Bæk", "Herning Kommune")]
    assert [(item.number, item.title, [(b.label, b.lines) for b in item.blocks]) for item in draft.items] == [
        (1, "Godkendelse af dagsorden", [("Beslutning", ["Godkendt."])]),
        (
            2,
            "Nyt fra skolen",
            [
                (
                    "Orientering",
                    [
                        "To nye hold.",
                        "",
                        "#### Optag i Herning",
                        "",
                        "85 elever.",
                        "",
                        "## Næste møde",
                        "",
                        "Den 10. marts 2024.",
                        "",
                        "## Bilag",  # after the last item, no deeper than the items: not its block
                        "",
                        "Bilag 2.1 Optagstal",
                    ],
                )
            ],
        ),
    ]
    assert [doubt.message for doubt in draft.items[0].doubts] == [
        "numrene på punkterne er talt op ud fra overskrifterne i Word-filen."
    ]


def test_labelled_blocks_with_text_on_the_label_line_and_qualifiers():
    draft = read_minutes(
        "1. Punkt\nSagsfremstilling:\nTekst.\nResumé, oplæg v/ Anne-Mette:\nMere.\n"
        "Orientering/Drøftelse: Drøftet.\nBeslutning: Godkendt.\nDrøftelse\nEn label alene på linjen.\n"
    )
    assert [(b.label, b.lines) for b in draft.items[0].blocks] == [
        ("Sagsfremstilling", ["Tekst."]),
        ("Resumé, oplæg v/ Anne-Mette", ["Mere."]),
        ("Orientering/Drøftelse", ["Drøftet."]),
        ("Beslutning", ["Godkendt."]),
        ("Drøftelse", ["En label alene på linjen."]),
    ]


def test_word_bullets_nest_by_their_symbol_and_lines_of_a_bullet_are_joined():
    draft = read_minutes(
        "1. Orientering\n"
        "• Orientering fra skolen\n"
        "o Optagetal: grundforløb og hovedforløb, som det ser ud i de to byer, i Herning og i\n"
        "Holstebro\n"
        "▪ GF1: 85\n"
        "\uf0b7 Nyt punkt\n"
    )
    assert draft.items[0].blocks[0].lines == [
        "- Orientering fra skolen",
        "    - Optagetal: grundforløb og hovedforløb, som det ser ud i de to byer, i Herning og i Holstebro",
        "        - GF1: 85",
        "- Nyt punkt",
    ]


def test_list_items_nest_by_their_indentation_when_the_lines_have_it():
    draft = read_minutes(
        "1. Orientering\n"
        "- Optag i Herning\n"
        "    - GF1: 85 elever, som er flere end\n"
        "      sidste år\n"
        "         ▪ EUX: 14\n"
        "- Optag i Holstebro\n"
        "  1. Første tiltag\n"
        "  2. Andet tiltag\n"
        "Beslutning:\n"
        "  1. Første beslutning\n"
        "  2. Anden beslutning\n"
    )
    assert [block.lines for block in draft.items[0].blocks] == [
        [
            "- Optag i Herning",
            "    - GF1: 85 elever, som er flere end sidste år",
            "        - EUX: 14",
            "- Optag i Holstebro",
            "    1. Første tiltag",
            "    2. Andet tiltag",
        ],
        ["1. Første beslutning", "2. Anden beslutning"],
    ]


def test_a_word_table_in_an_item_is_a_markdown_table_headed_by_its_first_row():
    draft = read_minutes(
        "1. Optag\nSkolen viste tallene:\n\n| Hold | Herning | Holstebro |\n| GF1 | 85 | 60 |\n"
        "| GF2 | 120 |  |\n\nDer er flere end sidste år.\n"
    )
    assert draft.items[0].blocks[0].lines == [
        "Skolen viste tallene:",
        "",
        "| Hold | Herning | Holstebro |",
        "| --- | --- | --- |",
        "| GF1 | 85 | 60 |",
        "| GF2 | 120 |  |",
        "",
        "Der er flere end sidste år.",
    ]


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("kompetence-", "udvikling af vejledere", "kompetenceudvikling af vejledere"),
        ("social-", "og sundhedsassistent", "social- og sundhedsassistent"),
        ("AMU-", "uddannelser", "AMU-uddannelser"),
        ("Ringkøbing-", "Skjern Kommune", "Ringkøbing-Skjern Kommune"),
        ("se https://www.sosumv.dk/om-", "skolen/luu-pa/.", "se https://www.sosumv.dk/om-skolen/luu-pa/."),
        ("elever i", "Herning", "elever i Herning"),
        ("nye it-", "systemer", "nye it-systemer"),
        ("via e-", "læring", "via e-læring"),
        ("kommu-", "nerne", "kommunerne"),
    ],
)
def test_line_ends_the_page_made_are_undone(text, line, joined):
    assert join_line(text, line) == joined


def test_a_web_address_printed_twice_alone_on_a_line_is_page_furniture():
    url = "https://www.sosumv.dk/om-skolen/"
    draft = read_minutes(f"1. Punkt\nDet afklares, hvor\n\n{url}\n{url}\n mange elever der er.\n")
    assert draft.items[0].blocks[0].lines == ["Det afklares, hvor mange elever der er."]


def test_web_addresses_become_links_without_the_full_stop_after_them():
    draft = read_minutes("1. Punkt\nLæs mere på https://www.sosumv.dk/luu/.\n")
    assert draft.items[0].blocks[0].lines == ["Læs mere på <https://www.sosumv.dk/luu/>."]


GLUED = (
    "'KommuneThomas Hviid' i 'Bo Bæk, Ikast-Brande KommuneThomas Hviid' ligner to ord skrevet sammen uden "
    "mellemrum, fx en organisation og en persons navn, som PDF-filen har sat sammen."
)


@pytest.mark.parametrize(
    ("line", "doubts"),
    [
        ("Bo Bæk, Ikast-Brande KommuneThomas Hviid", [GLUED]),
        ("Anne Vind, Social & SundhedsSkolen, Herning", []),
        ("Bo McDonald, FOA", []),
    ],
)
def test_a_name_glued_onto_an_organisation_is_a_doubt(line, doubts):
    draft = read_minutes(f"Dato: 27. november 2023\nDeltagere: {line}\n\n1. Godkendelse\n")
    assert [doubt.message for person in draft.groups["deltagere"] for doubt in person.doubts] == doubts


def test_attachments_printed_under_a_decision_move_to_the_bilag_block_with_a_doubt():
    draft = read_minutes(
        "1. Optag\nBeslutning: Udvalget godkendte planen.\nBilag 3.1 Ansøgertal januar 2024\n"
        "Bilag 3.2 Fakta\n2. Eventuelt\nIntet.\n"
    )
    blocks = draft.items[0].blocks
    assert [(block.label, block.lines) for block in blocks] == [
        ("Beslutning", ["Udvalget godkendte planen."]),
        ("Bilag", ["- Bilag 3.1 Ansøgertal januar 2024", "- Bilag 3.2 Fakta"]),
    ]
    assert [doubt.message for doubt in blocks[1].doubts] == [
        "'Bilag 3.1 Ansøgertal januar 2024', 'Bilag 3.2 Fakta' stod under 'Beslutning' i punkt 1 og er "
        "flyttet til Bilag."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Dato: 4. december 2023",
        "Tid: kl. 13-14",
        "Referent: Eva Holm",
        "Mødet blev holdt den 27. november 2023 i Herning",
    ],
)
def test_a_header_line_the_fields_have_no_room_for_stays_in_the_introduction(line):
    draft = read_minutes(
        f"Referat\n\nDato: 27. november 2023\nTid: kl. 12-15\nReferent: Bo Bæk\n{line}\n\n1. Godkendelse\n"
    )
    assert (draft.date, draft.time, draft.secretary.name) == (
        dt.date(2023, 11, 27),
        ("12.00", "15.00"),
        "Bo Bæk",
    )
    assert line in " ".join(draft.intro)


def test_a_header_line_read_whole_is_not_repeated_in_the_introduction():
    draft = read_minutes(
        "Referat\n\nMandag d. 27. november 2023 kl. 12 - 15\nDato: 27. november 2023\n\n1. A\n"
    )
    assert draft.intro == []
