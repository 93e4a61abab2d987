"""The editors' command line: new → check → build, the live preview, atomic and identical builds."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from pelican import signals

from plugins.kb.build import Build, BuildSuperseded
from praktikviden import cli, site
from tests.conftest import FIXTURES, ROOT, site_settings

NEW_FILE = "content/referater/2025-03-10-luu-test.md"


@pytest.fixture
def editor_site(tmp_path, monkeypatch):
    """A checkout with the fixture committee and no minutes, as the command line sees it."""
    shutil.copytree(FIXTURES / "common", tmp_path / "content")
    (tmp_path / "content" / "referater").mkdir()
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    monkeypatch.setattr(site, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_minutes_then_check_then_build(editor_site, capsys):
    assert cli.main(["new", "referat", "--udvalg", "luu-test", "--dato", "2025-03-10"]) == 0
    path = editor_site / NEW_FILE
    text = path.read_text(encoding="utf-8")
    assert "udvalg: luu-test\ndato: 2025-03-10\ntid: 9.00–12.00\nsted: Holstebro\n" in text
    assert "## 1. Godkendelse af dagsorden\n" in text and "## 2. Eventuelt\n" in text

    capsys.readouterr()
    assert cli.main(["check"]) == 1
    errors = capsys.readouterr().err
    assert errors.startswith("3 fejl i indholdet")
    assert f"{NEW_FILE}:7: feltet 'navn' mangler i mødelederen" in errors

    filled = text.replace("navn:\n", "navn: Dorte Engsig\n")
    filled = filled.replace("organisation:\n", "organisation: SOSU MV\n")
    path.write_text(filled, encoding="utf-8")
    assert cli.main(["check"]) == 0
    assert cli.main(["build", "--preview"]) == 0
    meeting = (editor_site / "output/referater/luu-test/2025-03-10/index.html").read_text(encoding="utf-8")
    assert "Godkendelse af dagsorden" in meeting and "Dorte Engsig" in meeting


def test_new_minutes_never_overwrites_and_explains_bad_arguments(editor_site, capsys):
    path = editor_site / NEW_FILE
    path.write_text("mit referat", encoding="utf-8")
    assert cli.main(["new", "referat", "--udvalg", "luu-test", "--dato", "2025-03-10"]) == 2
    assert path.read_text(encoding="utf-8") == "mit referat"
    assert f"{NEW_FILE} findes allerede; den er ikke ændret." in capsys.readouterr().err
    assert cli.main(["new", "referat", "--udvalg", "luu-tset", "--dato", "2025-03-10"]) == 2
    assert "Udvalget 'luu-tset' findes ikke.\n    Ret: mente du 'luu-test'?" in capsys.readouterr().err
    assert cli.main(["new", "referat", "--udvalg", "luu-test", "--dato", "10/3/2025"]) == 2
    assert "Datoen '10/3/2025' kan ikke bruges." in capsys.readouterr().err


def test_check_fails_when_pelican_could_not_process_a_file(editor_site, capsys):
    """Pelican's own Markdown reader takes '.markdown' files; one that is not UTF-8 makes it log an error."""
    (editor_site / "content" / "sider").mkdir()
    (editor_site / "content" / "sider" / "gammel.markdown").write_bytes(b"Title: Gammel\n\nTekst \xff\xfe\n")
    assert cli.main(["check"]) == 1
    shown = capsys.readouterr()
    assert "Ingen fejl fundet." not in shown.out
    assert "content/sider/gammel.markdown: " in shown.err


def test_check_fails_on_any_error_logged_while_reading(editor_site, capsys):
    """An error a plugin logs while the content is read fails the check, even if no problem was found."""

    def log_error(generator):
        logging.getLogger("plugins.test").error("noget gik galt i %s", "et plugin")

    with signals.article_generator_finalized.connected_to(log_error):
        assert cli.main(["check"]) == 1
    shown = capsys.readouterr()
    assert "Ingen fejl fundet." not in shown.out
    assert "Pelican: fejl under læsningen: noget gik galt i et plugin\n    Ret: " in shown.err
    assert cli.main(["check"]) == 0
    assert "Ingen fejl fundet." in capsys.readouterr().out


def test_help_is_danish(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("brug: praktikviden")
    assert "tjek alt indhold og alle data uden at bygge" in shown and "vis denne hjælp" in shown


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_two_builds_of_the_real_site_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732000000")
    first, second = (
        _files(site.build(site.load_settings(site.PUBLISH_CONF, OUTPUT_PATH=str(tmp_path / name))))
        for name in ("a", "b")
    )
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("pagefind/filter/") for name in first)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("the preview did not change in time")


def test_preview_rebuilds_on_save_and_shows_errors(tmp_path, capsys):
    settings = site_settings(FIXTURES / "link_broken" / "content", tmp_path, LIVE_RELOAD=True)
    (tmp_path / "content/sider/frafald.md").unlink()
    minutes = tmp_path / "content/referater/2024-09-16-luu-test.md"
    port, stop = _free_port(), threading.Event()
    server = threading.Thread(target=cli.preview, args=(settings, port, stop), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{port}"
    try:
        first = _wait_for(lambda: (tmp_path / "output/livereload.json").exists() and _state(base))
        assert first["errors"] == ""
        page = _get(f"{base}/referater/luu-test/2024-09-16/")
        assert "Status fra AMU" in page and 'src="../../../livereload.js"' in page

        minutes.write_text(minutes.read_text(encoding="utf-8").replace("Status fra AMU", "Nyt fra AMU"))
        quick = _next_build(base, first)
        assert "Nyt fra AMU" in _get(f"{base}/referater/luu-test/2024-09-16/")
        assert "(ændret: 2024-09-16-luu-test.md); oversigter og søgning følger" in capsys.readouterr().out
        # Once the editor pauses, a full build brings the listings up to date: here the feed.
        _next_build(base, quick)
        assert "Nyt fra AMU" in _get(f"{base}/feeds/referater.atom.xml")
        assert "Bygget på" in capsys.readouterr().out

        minutes.write_text(minutes.read_text(encoding="utf-8").replace("dato: 2024-09-16", "dato: 16/9"))
        broken = _wait_for(lambda: _state(base).get("errors") and _state(base))
        assert "'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9'." in broken["errors"]
        assert "Nyt fra AMU" in _get(f"{base}/referater/luu-test/2024-09-16/"), "the last good site stays"
    finally:
        stop.set()
        server.join(timeout=10)


def _next_build(base: str, last: dict) -> dict:
    """Wait for the preview to finish a build after ``last``; return its state."""
    return _wait_for(lambda: (state := _state(base)).get("build", last["build"]) != last["build"] and state)


def _state(base: str) -> dict:
    """The preview's last build, or {} while a full build swaps in the new site (as the page retries)."""
    try:
        return json.loads(_get(f"{base}/livereload.json"))
    except (OSError, ValueError):
        return {}


def test_a_full_build_stops_for_a_newer_change_and_keeps_the_site(tmp_path):
    """The preview's watcher sets the build's stop event when a file changes; the build gives way."""
    newer = threading.Event()
    settings = site_settings(FIXTURES / "link_broken" / "content", tmp_path, KB_BUILD=Build(stop=newer))
    (tmp_path / "content/sider/frafald.md").unlink()
    output = site.build(settings)
    before = _files(output)
    minutes = tmp_path / "content/referater/2024-09-16-luu-test.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("Status fra AMU", "Nyt fra AMU"))
    newer.set()
    with pytest.raises(BuildSuperseded):
        site.build(settings)
    assert _files(output) == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".output-ny-")] == []


@pytest.mark.parametrize(
    ("command", "exitcode", "given"),
    [
        (["build", "--preview"], 2, "i går"),
        (["check"], 1, "i går"),
        (["check"], 1, "1732000000000"),  # milliseconds: a time after the year 9999
        (["check"], 1, "²"),  # a digit, but not one of 0-9
    ],
)
def test_a_build_clock_that_is_not_a_number_stops_the_build_with_a_danish_message(
    editor_site, monkeypatch, capsys, command, exitcode, given
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    assert cli.main(command) == exitcode
    assert capsys.readouterr().err == (
        "1 fejl i indholdet — intet er udgivet:\n"
        "SOURCE_DATE_EPOCH: byggets tid skal være et helt antal sekunder siden 1. januar 1970, "
        f"ikke '{given}'.\n"
        "    Ret: skriv fx SOURCE_DATE_EPOCH=1732000000, eller lad være med at sætte den.\n"
    )
    assert not (editor_site / "output").exists()
