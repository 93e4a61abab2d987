"""Dates at the start of a line stay text on the meeting page; check warns about a stray list number.

The fixture ``meeting_with_date_lines`` has the 2025 meeting dates of the minutes of 16 September
2024 as bullets, a date that starts a paragraph, an escaped "2\\. behandling", a real numbered list,
and a lone "2. behandling" the check warns about. An imported PDF with such lines builds alike.
"""

from __future__ import annotations

import logging
import shutil

import pytest

from praktikviden import cli, site
from praktikviden.importer import run_import
from tests.conftest import FIXTURES, build_fixture, page, site_settings
from tests.documents import make_pdf

MEETING = "referater/luu-test/2024-09-16/index.html"
DATES = [
    "10. marts kl. 9-12 (Holstebro)",
    "16. juni kl. 9-12 (Herning)",
    "15. september kl. 9-12 (Holstebro)",
    "8. december kl. 9-12 (Herning)",
]
WARNING = (
    "content/referater/2024-09-16-luu-test.md:45: '2. behandling på næste møde.' bliver en nummereret "
    "liste, der begynder ved 2, og '2.' står ikke i teksten på siden.\n"
    "    Ret: er det ikke en nummereret liste, så skriv '2\\. behandling på næste møde.' (med \\ før "
    "punktummet); er det en liste, så begynd den ved 1."
)


@pytest.fixture(scope="module")
def meeting(tmp_path_factory):
    return page(build_fixture("meeting_with_date_lines", tmp_path_factory.mktemp("site")), MEETING)


def test_the_meeting_dates_are_text_not_list_numbers(meeting):
    item = meeting.select_one("#punkt-1").find_parent("section")
    assert [li.get_text(strip=True) for li in item.select("ul > li")] == DATES
    assert item.select("ol") == []
    assert item.select_one(".decision .prose").get_text(strip=True) == "8. dec. flyttes til Holstebro."


def test_an_escaped_number_is_text_and_a_numbered_list_stays_a_list(meeting):
    item = meeting.select_one("#punkt-2").find_parent("section")
    assert (
        item.select_one(".prose p").get_text(strip=True) == "2. behandling af den lokale undervisningsplan."
    )
    lists = item.select("ol")
    assert [li.get_text(strip=True) for li in lists[0].select("li")] == ["Praktikmål", "Eksamen"]
    assert not lists[0].has_attr("start")


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _check_warnings(settings: dict) -> list[str]:
    """What a check logs as warnings; it must find no problems."""
    warnings = _Warnings()
    logging.getLogger().addHandler(warnings)
    # Pelican logs a message only the first time in a process; the fixture is built above too.
    validator_log = logging.getLogger("plugins.validator.plugin")
    validator_log.disable_filter()
    try:
        problems = site.check(settings)
    finally:
        validator_log.enable_filter()
        logging.getLogger().removeHandler(warnings)
    assert problems == []
    return warnings.messages


def test_check_warns_about_a_lone_list_number_and_still_passes(tmp_path):
    settings = site_settings(FIXTURES / "meeting_with_date_lines" / "content", tmp_path)
    assert _check_warnings(settings) == [WARNING]


def test_the_warning_is_given_again_from_the_content_cache(tmp_path):
    """The warnings are found with the parse and kept with it: a second check, which parses nothing,
    gives them too."""
    settings = site_settings(FIXTURES / "meeting_with_date_lines" / "content", tmp_path)
    cached = site.with_cache(settings, tmp_path / "cache")
    assert _check_warnings(cached) == [WARNING]
    assert any((tmp_path / "cache").rglob("*.pickle"))
    assert _check_warnings(site.with_cache(settings, tmp_path / "cache")) == [WARNING]


PDF_LINES = [
    "Referat fra møde i LUU test",
    "",
    "Mandag d. 16. september 2024 kl. 9 - 12",
    "på SOSU MV Holstebro",
    "",
    "Deltagere: Bo Bæk, Herning Kommune, formand",
    "Eva Holm, FOA Midt- og Vestjylland",
    "",
    "Mødeleder: Bo Bæk",
    "Referent: Eva Holm",
    "",
    "1. Planlægning af møder i 2025",
    "Sagsfremstilling:",
    "Skolen har følgende bud på mulige datoer i 2025:",
    "",
    "- 10. marts kl. 9-12 (Holstebro)",
    "",
    "- 16. juni kl. 9-12 (Herning)",
    "",
    "- 15. september kl. 9-12 (Holstebro)",
    "",
    "- 8. december kl. 9-12 (Herning)",
    "",
    "Beslutning:",
    "2. behandling af forslaget på næste møde.",
    "",
    "2. Eventuelt",
    "Der var intet til eventuelt.",
]


def test_an_imported_pdf_keeps_its_dates_and_numbers_as_text(tmp_path, capsys):
    content = tmp_path / "src" / "content"
    shutil.copytree(FIXTURES / "common", content)
    (content / "referater").mkdir()
    pdf = make_pdf(tmp_path / "referat.pdf", [PDF_LINES])
    args = cli._parser().parse_args(["import", str(pdf), "--udvalg", "luu-test"])
    assert run_import(args, content, tmp_path / "src") == 0, capsys.readouterr()
    text = (content / "referater" / "2024-09-16-luu-test.md").read_text(encoding="utf-8")
    assert [f"- {date}" for date in DATES] == [line for line in text.splitlines() if line.startswith("- ")]
    assert "2\\. behandling af forslaget på næste møde." in text.splitlines()
    settings = site_settings(content, tmp_path / "site")
    assert site.check(settings) == []
    meeting = page(site.build(settings), MEETING)
    item = meeting.select_one("#punkt-1").find_parent("section")
    assert [li.get_text(strip=True) for li in item.select("ul > li")] == DATES
    assert item.select("ol") == []
    decision = item.select_one(".decision .prose").get_text(strip=True)
    assert decision == "2. behandling af forslaget på næste møde."
