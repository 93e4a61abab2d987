"""The meeting page built from a small fixture: anchors, decisions, people, dates, neighbours."""

from __future__ import annotations

import pytest

from tests.conftest import build_fixture, page

MEETING = "referater/luu-test/2024-09-16/index.html"
EARLIER = "referater/luu-test/2024-06-10/index.html"


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_fixture("meeting_with_two_decisions", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def meeting(output):
    return page(output, MEETING)


def test_page_is_danish_and_titled(meeting):
    assert meeting.html["lang"] == "da"
    assert meeting.select_one("main h1").get_text(" ", strip=True) == "LUU Test, 16. september 2024"
    assert meeting.title.string == "LUU Test, 16. september 2024 — Praktikviden"


def test_header_facts_in_danish(meeting):
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in meeting.select(".facts dt")
    }
    assert facts["Dato"] == "Mandag 16. september 2024"
    assert facts["Tid"] == "kl. 9.00–12.00"
    assert facts["Sted"] == "SOSU MV Holstebro, lokale 0.6A"
    assert facts["Mødeleder"] == "Bettina Krohn Jensen"
    assert facts["Referent"] == "Nanna Resen Westen"


def test_every_agenda_item_has_its_anchor_and_toc_link(meeting):
    headings = meeting.select(".agenda-item > h2")
    assert [h["id"] for h in headings] == ["punkt-1", "punkt-2", "punkt-3"]
    assert [h.get_text(" ", strip=True) for h in headings] == [
        "1. Godkendelse af dagsorden",
        "2. Orientering fra skolen",
        "3. Planlægning af møder i 2025",
    ]
    assert [a["href"] for a in meeting.select(".toc a")] == ["#punkt-1", "#punkt-2", "#punkt-3"]


def test_decisions_are_set_apart_and_listed(meeting):
    decisions = meeting.select(".agenda-item .block.decision")
    assert [d.find_parent("section").h2["id"] for d in decisions] == ["punkt-1", "punkt-3"]
    # The anchor sits on the block, so search sub-results stay whole agenda items (#punkt-N).
    assert [d["id"] for d in decisions] == ["punkt-1-beslutning", "punkt-3-beslutning"]
    assert [d.h3.get_text() for d in decisions] == ["Beslutning", "Beslutning"]
    assert decisions[1].select_one(".prose").get_text(strip=True) == "Datoerne blev godkendt."
    summary = [a["href"] for a in meeting.select(".decision-summary a")]
    assert summary == ["#punkt-1-beslutning", "#punkt-3-beslutning"]


def test_labelled_blocks_keep_their_labels(meeting):
    item3 = meeting.select_one("#punkt-3").find_parent("section")
    assert [h.get_text(strip=True) for h in item3.select("h3")] == ["Sagsfremstilling", "Beslutning"]


def test_participants_grouped_by_organisation(meeting):
    groups = {
        group.dt.get_text(strip=True): [dd.get_text(" ", strip=True) for dd in group.select("dd")]
        for group in meeting.select(".people > dl")[0].select(".org-group")
    }
    assert list(groups) == [
        "FOA Midt- og Vestjylland",
        "Herning Kommune",
        "SOSU MV, Herning",
        "Organisation ikke angivet i referatet",
    ]
    assert groups["SOSU MV, Herning"] == ["Dorte Engsig", "Kirsten Schmidt"]
    assert groups["FOA Midt- og Vestjylland"] == ["Bettina Krohn Jensen (formand)"]


def test_absentees_listed_separately(meeting):
    absent = meeting.select(".people > dl")[-1]
    assert absent.find_previous_sibling("h3").get_text(strip=True) == "Afbud"
    assert absent.dt.get_text(strip=True) == "Holstebro Kommune"
    assert absent.dd.get_text(strip=True) == "Per Birch"


def test_attachments_listed_under_their_item(meeting):
    item2 = meeting.select_one("#punkt-2").find_parent("section")
    assert item2.select_one("#punkt-2-bilag > h3").get_text(strip=True) == "Bilag"
    assert [li.get_text(strip=True) for li in item2.select(".block li")] == [
        "Bilag 2.1 Invitation til udviklingseftermiddag"
    ]


def test_previous_and_next_meeting_of_the_committee(output, meeting):
    previous = meeting.select_one('.pager a[rel="prev"]')
    assert previous.get_text(" ", strip=True) == "Forrige møde 10. juni 2024"
    assert previous["href"] == "../../../referater/luu-test/2024-06-10/"
    assert meeting.select_one('.pager a[rel="next"]') is None
    earlier = page(output, EARLIER)
    assert earlier.select_one('.pager a[rel="next"]')["href"].endswith("luu-test/2024-09-16/")


def test_minutes_index_groups_by_committee_and_year(output):
    index = page(output, "referater/index.html")
    section = index.select_one("section[aria-labelledby=luu-test]")
    assert section.h2.get_text(strip=True) == "LUU Test"
    assert [h.get_text() for h in section.select("h3")] == ["2024"]
    assert [a.get_text(strip=True) for a in section.select(".meeting-list a")] == [
        "16. september 2024",
        "10. juni 2024",
    ]


def test_committee_page_lists_meetings_and_planned_dates(output):
    committee = page(output, "udvalg/luu-test/index.html")
    assert committee.select_one("main h1").get_text(strip=True) == "LUU Test"
    # Built now, after the planned date: it is shown as held, never as planned.
    assert [li.get_text(" ", strip=True) for li in committee.select(".planned li")] == [
        "Mandag 10. marts 2025 , Holstebro: referat ikke offentliggjort"
    ]
    assert len(committee.select(".meeting-list li")) == 2


def test_front_page_shows_newest_minutes_first(output):
    front = page(output, "index.html")
    links = [a.get_text(strip=True) for a in front.select(".cards h3 a")]
    assert links == ["16. september 2024", "10. juni 2024"]
