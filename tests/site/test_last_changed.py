"""Every content page says when its file last changed: the day of the last commit that touched it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pelican import Pelican

from tests.conftest import FIXTURES, kept_pages, page, site_settings

JUNE = "2024-06-10T12:00:00+02:00"
# Half past midnight in Copenhagen on 17 September, still the 16th in UTC (22:30).
SEPTEMBER_NIGHT = "2024-09-17T00:30:00+02:00"


def _git(repository: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Sekretariatet", "GIT_AUTHOR_EMAIL": "sekretariat@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Sekretariatet", "GIT_COMMITTER_EMAIL": "sekretariat@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True, env=env)


def _repository(tmp_path: Path) -> dict:
    """Two minutes committed on two days; the settings to build the repository."""
    settings = site_settings(FIXTURES / "meeting_with_two_decisions" / "content", tmp_path)
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "content")
    _git(tmp_path, "commit", "-q", "-m", "Referater", when=JUNE)
    minutes = tmp_path / "content" / "referater" / "2024-09-16-luu-test.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "Rettelse", when=SEPTEMBER_NIGHT)
    return settings


def test_each_page_names_the_day_of_the_last_commit_to_its_file(tmp_path):
    settings = _repository(tmp_path)
    Pelican(settings).run()
    output = Path(settings["OUTPUT_PATH"])

    changed = page(output, "referater/luu-test/2024-09-16/index.html").select_one(".last-changed")
    # The commit's day in Danish time, not in UTC.
    assert changed.get_text(" ", strip=True) == "Senest ændret 17. september 2024"
    assert changed.time["datetime"] == "2024-09-17"
    unchanged = page(output, "referater/luu-test/2024-06-10/index.html").select_one(".last-changed")
    assert unchanged.get_text(" ", strip=True) == "Senest ændret 10. juni 2024"
    front = page(output, "index.html").select_one(".last-changed")
    assert " ".join(front.get_text().split()) == "Indholdet er senest ændret 17. september 2024."
    # The committee's file came with the first commit.
    committee = page(output, "udvalg/luu-test/index.html").select_one(".last-changed")
    assert committee.get_text(" ", strip=True) == "Senest ændret 10. juni 2024"


def test_a_shallow_clone_says_nothing_rather_than_the_day_of_its_one_commit(tmp_path):
    _repository(tmp_path / "source")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{tmp_path / 'source'}", str(clone)],
        check=True,
        capture_output=True,
    )
    settings = site_settings(clone / "content", tmp_path / "site")
    # Built from the clone itself, so that git answers for it.
    settings["PATH"] = str(clone / "content")
    Pelican(settings).run()
    output = Path(settings["OUTPUT_PATH"])

    assert page(output, "referater/luu-test/2024-09-16/index.html").select_one(".last-changed") is None
    assert page(output, "index.html").select_one(".last-changed") is None


def test_outside_git_no_page_claims_a_day(tmp_path):
    settings = site_settings(FIXTURES / "meeting_with_two_decisions" / "content", tmp_path)
    Pelican(settings).run()
    output = Path(settings["OUTPUT_PATH"])

    assert page(output, "referater/luu-test/2024-09-16/index.html").select_one(".last-changed") is None


def _files(output: Path) -> dict[str, bytes]:
    return {
        path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()
    }


def test_a_commit_makes_anew_the_pages_whose_files_it_touched_not_every_kept_page(tmp_path, monkeypatch):
    """A page is kept in the content cache with the days it showed: a later commit, or a later day,
    leaves the other pages in the cache, and the page of the file it touched says its new day."""
    from praktikviden import site

    settings = _repository(tmp_path)
    cache = tmp_path / "cache"
    site.build(site.with_cache({**settings, "SOURCE_DATE_EPOCH": "1726560000"}, cache))
    # Committed twice more the next day, by an edit and its undoing: the same text, a newer day.
    minutes = tmp_path / "content" / "referater" / "2024-09-16-luu-test.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(text + "Rettet.\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "Rettelse", when="2024-09-18T10:00:00+02:00")
    minutes.write_text(text, encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "Rettelsen fortrudt", when="2024-09-18T10:05:00+02:00")
    kept = kept_pages(monkeypatch)
    later = {**settings, "SOURCE_DATE_EPOCH": "1733000000"}  # another day: 30 November 2024
    from_cache = _files(site.build(site.with_cache({**later, "OUTPUT_PATH": str(tmp_path / "after")}, cache)))
    monkeypatch.undo()
    without = _files(site.build({**later, "OUTPUT_PATH": str(tmp_path / "without")}))

    assert sorted(name for name in without if without[name] != from_cache.get(name)) == []
    assert "referater/luu-test/2024-06-10/index.html" in kept
    assert any(name.startswith("beslutninger/") for name in kept)
    assert "referater/luu-test/2024-09-16/index.html" not in kept
    changed = page(tmp_path / "after", "referater/luu-test/2024-09-16/index.html").select_one(".last-changed")
    assert changed.get_text(" ", strip=True) == "Senest ændret 18. september 2024"
