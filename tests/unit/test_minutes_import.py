"""Reading minutes text: people, dates and times, agenda items, blocks, lists and the PDF's line ends."""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.kb.minutes_header import read_person
from plugins.kb.minutes_import import read_minutes
from plugins.kb.minutes_text import join_line


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
    ],
)
def test_date_time_and_place_in_the_forms_minutes_use(header, date, time, place):
    draft = read_minutes(f"Referat\n\n{header}\n\n1. Godkendelse af dagsorden\nGodkendt.\n")
    assert (draft.date if draft.date_has_year else None, draft.time, draft.place) == (date, time, place)


def test_a_date_without_a_year_is_known_as_such():
    draft = read_minutes("Dato: 12. oktober kl. 12 – 15\n\n1) Godkendelse\n")
    assert (draft.date_has_year, draft.date_text) == (False, "12. oktober")


@pytest.mark.parametrize(
    "body",
    [
        "1. Godkendelse af dagsorden\nGodkendt.\n2. Eventuelt\nIntet.",
        " 1) Godkendelse af dagsorden\nGodkendt.\n2) Eventuelt\nIntet.",
        "     Punkt 1\nGodkendelse af dagsorden\nGodkendt.\nPunkt 2\nEventuelt\nIntet.",
    ],
    ids=["1.", "1)", "Punkt 1"],
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


def test_labelled_blocks_with_text_on_the_label_line_and_qualifiers():
    draft = read_minutes(
        "1. Punkt\nSagsfremstilling:\nTekst.\nResumé, oplæg v/ Anne-Mette:\nMere.\n"
        "Orientering/Drøftelse: Drøftet.\nBeslutning: Godkendt.\n"
    )
    assert [(b.label, b.lines) for b in draft.items[0].blocks] == [
        ("Sagsfremstilling", ["Tekst."]),
        ("Resumé, oplæg v/ Anne-Mette", ["Mere."]),
        ("Orientering/Drøftelse", ["Drøftet."]),
        ("Beslutning", ["Godkendt."]),
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


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        ("kompetence-", "udvikling af vejledere", "kompetenceudvikling af vejledere"),
        ("social-", "og sundhedsassistent", "social- og sundhedsassistent"),
        ("AMU-", "uddannelser", "AMU-uddannelser"),
        ("Ringkøbing-", "Skjern Kommune", "Ringkøbing-Skjern Kommune"),
        ("se https://www.sosumv.dk/om-", "skolen/luu-pa/.", "se https://www.sosumv.dk/om-skolen/luu-pa/."),
        ("elever i", "Herning", "elever i Herning"),
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
