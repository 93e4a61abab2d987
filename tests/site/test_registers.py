"""Registers from the real minutes: decisions, follow-ups, organisations, calendar, feeds, open data."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import jsonschema
import pytest

from plugins.kb.build import Build
from tests.conftest import ROOT, build, page

ADDRESS = "https://example.org"
# The build's reference time: 1 January 2025, so the 2025 dates are upcoming and 2024 ones past.
NEW_YEAR_2025 = int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp())
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The real content built as publishconf.py builds it, with a fixed build time."""
    return build(
        ROOT / "content",
        tmp_path_factory.mktemp("registers"),
        SITEURL=ADDRESS,
        FEED_DOMAIN=ADDRESS,
        SITE_ADDRESS=ADDRESS,
        SOURCE_DATE_EPOCH=str(NEW_YEAR_2025),
        KB_BUILD=Build(search=False),
    )


def resolves(site: Path, page_path: str, href: str) -> bool:
    """Whether a relative link on ``page_path`` reaches a written page and, if given, its anchor."""
    target = urlsplit(urljoin(f"http://x/{page_path}", href))
    file = site / target.path.lstrip("/")
    file = file / "index.html" if target.path.endswith("/") else file
    if not file.exists():
        return False
    return not target.fragment or f'id="{target.fragment}"' in file.read_text(encoding="utf-8")


def test_decision_register_lists_the_seven_decisions_with_working_deep_links(site):
    register = page(site, "beslutninger/index.html")
    entries = register.select(".register-entry")
    assert len(entries) == 7
    assert [h2.get_text() for h2 in register.select("h2")] == ["2024", "2021", "2019"]
    links = [entry.select_one("h3 a")["href"] for entry in entries]
    assert links[0] == "../referater/luu-pa-amu/2024-09-16/#punkt-1"
    assert all(resolves(site, "beslutninger/index.html", href) for href in links)
    first = entries[0]
    assert first.select_one(".result-meta").get_text() == "16. september 2024 · LUU PA-AMU"
    assert first.select_one(".prose").get_text(strip=True) == "Dagsordenen blev godkendt."


def test_decision_register_has_a_page_per_year_linked_from_every_register(site):
    register = page(site, "beslutninger/index.html")
    years = register.select_one("nav[aria-label='Beslutninger pr. år']")
    assert [a.get_text(" ", strip=True) for a in years.select("a")] == [
        "Nyeste",
        "2024 (3)",
        "2021 (3)",
        "2019 (1)",
    ]
    assert years.select_one("a[aria-current=page]").get_text() == "Nyeste"
    assert all(resolves(site, "beslutninger/index.html", a["href"]) for a in years.select("a"))
    year = page(site, "beslutninger/2021/index.html")
    assert year.h1.get_text() == "Beslutninger i 2021"
    assert [h2.get_text() for h2 in year.select("h2")] == ["2021"]
    assert len(year.select(".register-entry")) == 3
    current = year.select_one("nav[aria-label='Beslutninger pr. år'] a[aria-current=page]")
    assert current.get_text(" ", strip=True) == "2021 (3)"
    links = [entry.select_one("h3 a")["href"] for entry in year.select(".register-entry")]
    assert all(resolves(site, "beslutninger/2021/index.html", href) for href in links)
    committee_year = page(site, "beslutninger/luu-sosu-amu/2019/index.html")
    assert committee_year.h1.get_text() == "Beslutninger i LUU SOSU/AMU i 2019"


def test_decision_register_per_committee_works_without_javascript(site):
    register = page(site, "beslutninger/luu-sosu-amu/index.html")
    assert register.h1.get_text() == "Beslutninger i LUU SOSU/AMU"
    assert len(register.select(".register-entry")) == 1
    current = register.select_one(".filter-links a[aria-current=page]")
    assert current.get_text() == "LUU SOSU/AMU"


def test_follow_ups_quote_the_minutes_and_point_to_the_next_meeting(site):
    follow_ups = page(site, "opfoelgning/index.html")
    quotes = [quote.get_text(strip=True) for quote in follow_ups.select("blockquote")]
    assert "Punktet skal med igen i 2022." in quotes
    assert any(quote.endswith("– udskydes til næste møde.") for quote in quotes)
    items = [a.get_text(" ", strip=True) for a in follow_ups.select(".followups > li > a")]
    assert "Punkt 12. Punkter til næste møde" in items
    assert "Punkt 10. Punkter til næste møde (9. december 2024) v. alle" in items
    section = follow_ups.select_one("section[aria-labelledby=udvalg-luu-pa-amu]")
    assert "Næste planlagte møde: 9. december 2024." in " ".join(section.get_text().split())


def test_organisation_index_counts_meetings_and_its_page_names_who_came_or_sent_apologies(site):
    index = page(site, "organisationer/index.html")
    holstebro = index.select_one("#org-holstebro-kommune")
    assert holstebro.select_one(".result-meta").get_text() == "Deltog i 2 møder, meldte afbud til 1."
    link = holstebro.select_one("h2 a")["href"]
    assert link == "../organisationer/holstebro-kommune/"
    assert resolves(site, "organisationer/index.html", link)
    own = page(site, "organisationer/holstebro-kommune/index.html")
    assert own.h1.get_text() == "Holstebro Kommune"
    lists = {h2.get_text(): len(h2.find_next_sibling("ul").select("li")) for h2 in own.select("main h2")}
    assert lists == {"Deltog i": 2, "Meldte afbud til": 1}
    years = [a.get_text(" ", strip=True) for a in own.select("nav[aria-label='Møder pr. år'] a")]
    assert years[0] == "Nyeste" and len(years) > 1
    assert all(
        resolves(site, "organisationer/holstebro-kommune/index.html", a["href"]) for a in own.select("main a")
    )
    assert "Per Birch" not in index.get_text(), "the index counts meetings, it names no one"
    apologies = own.find("h2", string="Meldte afbud til").find_next_sibling("ul")
    assert apologies.get_text(" ", strip=True) == "LUU PA-AMU, 16. september 2024 : Per Birch"


def test_ics_holds_the_four_2025_meetings_at_nine_to_twelve_copenhagen_time(site):
    feed = icalendar.Calendar.from_ical((site / "kalender/luu-pa-amu.ics").read_bytes())
    assert [tz["TZID"] for tz in feed.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    events = [event for event in feed.walk("VEVENT") if event.start.year == 2025]
    assert [event.start.date() for event in events] == [
        dt.date(2025, 3, 10),
        dt.date(2025, 6, 16),
        dt.date(2025, 9, 15),
        dt.date(2025, 12, 8),
    ]
    for event in events:
        assert event.start.tzinfo.key == "Europe/Copenhagen"
        assert (event.start.time(), event.end.time()) == (dt.time(9), dt.time(12))
        assert event["SUMMARY"] == "Møde i LUU PA-AMU"
    # June is summer time: 9.00 in Copenhagen is 7.00 UTC.
    assert events[1].start.astimezone(dt.UTC).hour == 7
    assert all(event["DTSTAMP"].dt == dt.datetime(2025, 1, 1, tzinfo=dt.UTC) for event in events)


def test_all_committees_calendar_holds_every_planned_meeting(site):
    feed = icalendar.Calendar.from_ical((site / "kalender/alle.ics").read_bytes())
    events = list(feed.walk("VEVENT"))
    assert len(events) == 9
    assert len({event["UID"] for event in events}) == 9
    assert [event.start for event in events] == sorted(
        (event.start for event in events),
        key=lambda start: (
            start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(), COPENHAGEN)
        ),
    )


def test_calendar_page_shows_upcoming_meetings_first(site):
    calendar = page(site, "kalender/index.html")
    upcoming = calendar.select_one("section[aria-labelledby=kommende]")
    assert [time["datetime"] for time in upcoming.select("time")] == [
        "2025-03-10",
        "2025-06-16",
        "2025-09-15",
        "2025-12-08",
    ]
    past = calendar.select_one("section[aria-labelledby=tidligere]")
    assert past.select_one("h2").get_text(strip=True) == "Tidligere planlagte møder"
    assert past.select("time")[0]["datetime"] == "2024-12-09"
    rows = {li.time["datetime"]: li for li in past.select("li")}
    assert "Referat ikke offentliggjort" in rows["2024-12-09"].get_text()
    # A passed meeting whose minutes are here links them.
    held = rows["2019-02-22"].select("a")[-1]
    assert held["href"].endswith("referater/luu-sosu-amu/2019-02-22/")
    assert held.get_text(" ", strip=True) == "Referat af mødet i LUU SOSU/AMU 22. februar 2019"


def test_committee_pages_agree_with_the_calendar_on_what_is_ahead_and_what_was_held(site):
    committee = page(site, "udvalg/luu-pa-amu/index.html")
    ahead = [time["datetime"] for time in committee.select("#kommende-moeder + .planned time")]
    assert ahead == ["2025-03-10", "2025-06-16", "2025-09-15", "2025-12-08"]
    held = [li.get_text(" ", strip=True) for li in committee.select("#tidligere-moeder + .planned li")]
    assert held == ["Mandag 9. december 2024 : referat ikke offentliggjort"]
    sosu = page(site, "udvalg/luu-sosu-amu/index.html")
    february = sosu.select_one('#tidligere-moeder + .planned time[datetime="2019-02-22"]').parent
    assert february.a["href"].endswith("referater/luu-sosu-amu/2019-02-22/")
    assert sosu.select_one("#kommende-moeder") is None, "the page's 'Næste møde' line says none is ahead"


def test_a_planned_meeting_has_passed_from_the_day_after_it_in_denmark(tmp_path):
    # 23:30 UTC on 10 March 2025 is half past midnight on 11 March in Copenhagen.
    moment = int(dt.datetime(2025, 3, 10, 23, 30, tzinfo=dt.UTC).timestamp())
    site = build(ROOT / "content", tmp_path, SOURCE_DATE_EPOCH=str(moment), KB_BUILD=Build(search=False))
    calendar = page(site, "kalender/index.html")
    upcoming = calendar.select_one("section[aria-labelledby=kommende]")
    assert upcoming.select_one("time")["datetime"] == "2025-06-16"
    past = calendar.select_one("section[aria-labelledby=tidligere]")
    assert past.select_one("time")["datetime"] == "2025-03-10"
    committee = page(site, "udvalg/luu-pa-amu/index.html")
    assert committee.select_one("#kommende-moeder + .planned time")["datetime"] == "2025-06-16"


def test_atom_feeds_list_new_minutes_with_absolute_links(site):
    everything = feedparser.parse((site / "feeds/referater.atom.xml").read_bytes())
    assert not everything.bozo
    assert [entry.title for entry in everything.entries] == [
        "LUU PA-AMU, 16. september 2024",
        "Samarbejdsmøde PA (kommuner og SOSU MV), 12. oktober 2021",
        "LUU SOSU/AMU, 22. februar 2019",
    ]
    assert everything.entries[0].link == f"{ADDRESS}/referater/luu-pa-amu/2024-09-16/"
    committee = feedparser.parse((site / "feeds/luu-sosu-amu.atom.xml").read_bytes())
    assert [entry.title for entry in committee.entries] == ["LUU SOSU/AMU, 22. februar 2019"]


def test_json_export_validates_and_holds_all_34_agenda_items(site):
    schema = json.loads((site / "data/moeder.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "data/moeder.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    items = [item for meeting in data["meetings"] for item in meeting["agendaItem"]]
    assert len(items) == 34
    assert sum(len(item["resolutionText"]) for item in items) == 7
    assert [meeting["date"] for meeting in data["meetings"]] == ["2019-02-22", "2021-10-12", "2024-09-16"]
    latest = data["meetings"][-1]
    assert latest["start"] == "2024-09-16T09:00:00+02:00"
    assert "Holstebro Kommune" in latest["absentOrganizations"]
    assert "Per Birch" not in json.dumps(data, ensure_ascii=False), "people are not exported"


def test_json_export_breaks_its_schema_when_a_field_goes_missing(site):
    schema = json.loads((site / "data/moeder.schema.json").read_text(encoding="utf-8"))
    data = json.loads((site / "data/moeder.json").read_text(encoding="utf-8"))
    del data["meetings"][0]["agendaItem"][0]["number"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_sitemap_lists_every_page_with_the_site_address(site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)]
    assert f"{ADDRESS}/referater/luu-pa-amu/2024-09-16/" in urls
    assert f"{ADDRESS}/beslutninger/" in urls
    assert f"{ADDRESS}/" in urls
    # assets, the index, the redirect to the WAS statement, and the editor
    skipped = ("theme", "pagefind", "was", "admin")
    pages = [path for path in site.rglob("*.html") if path.relative_to(site).parts[0] not in skipped]
    assert len(urls) == len(pages)
    assert f"{ADDRESS}/was/" not in urls
    assert f"{ADDRESS}/admin/" not in urls


def test_one_school_written_three_ways_is_one_organisation_and_the_minutes_keep_their_words(site):
    index = page(site, "organisationer/index.html")
    names = [a.get_text(strip=True) for a in index.select("h2 a")]
    assert "SOSU MV, Herning" in names
    assert "SOSUMV, Herning" not in names and "Social & SundhedsSkolen, Herning" not in names
    assert not (site / "organisationer" / "sosumv-herning").exists()
    own = page(site, "organisationer/sosu-mv-herning/index.html")
    assert " ".join(own.select_one(".lead").get_text().split()).endswith(
        "Referaterne skriver også organisationen som »Social & SundhedsSkolen, Herning« og "
        "»SOSUMV, Herning«; her er møderne samlet."
    )
    attended = own.find("h2", string="Deltog i").find_next_sibling("ul").select("li a")
    assert [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in attended] == [
        "2024-09-16",
        "2021-10-12",
        "2019-02-22",
    ]
    # The minutes say what they said.
    assert "SOSUMV, Herning" in page(site, "referater/samarbejdsmoede-pa/2021-10-12/index.html").get_text()
