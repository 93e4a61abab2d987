"""A build killed at any moment leaves output/ as it was; the next build tidies up and equals a clean one.

Builds run as processes of their own (``site.build`` with the content cache, as ``praktikviden
build`` runs it) on a small fixture site, and are killed with SIGKILL after a spread of delays.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.search import plugin as search_plugin
from praktikviden import site
from tests.conftest import FIXTURES, ROOT, site_settings

EPOCH = "1732000000"
MINUTES = "content/referater/2024-09-16-luu-test.md"
# One build, as the command line runs it: content, output and cache folders as arguments.
BUILD = """
import sys
from pathlib import Path
from praktikviden import site
content, output, data, cache = sys.argv[1:]
settings = site.load_settings(site.PUBLISH_CONF, PATH=content, OUTPUT_PATH=output, KB_DATA_PATH=data)
site.build(site.with_cache(settings, Path(cache)) if cache else settings)
"""
KILLS = 12
# Our own names beside the output folder and in the cache (praktikviden/site.py, plugins/search, plugins/kb).
OURS = (".out-ny-", ".out-gammel", ".pagefind-ny-")


def _site(workdir: Path, **overrides) -> dict:
    """The settings of the fixture site of one minutes file (copied to ``workdir``), with no datasets."""
    (workdir / "data").mkdir(parents=True)
    settings = site_settings(
        FIXTURES / "link_broken" / "content", workdir, KB_DATA_PATH=str(workdir / "data"), **overrides
    )
    (workdir / "content" / "sider" / "frafald.md").unlink()  # the page with the fixture's broken link
    return settings


@pytest.fixture
def workdir(tmp_path) -> Path:
    """The fixture site, copied (see _site)."""
    _site(tmp_path)
    return tmp_path


def _start(workdir: Path, output: str, cache: str = "cache") -> subprocess.Popen:
    args = [
        str(workdir / "content"),
        str(workdir / output),
        str(workdir / "data"),
        cache and str(workdir / cache),
    ]
    return subprocess.Popen(
        [sys.executable, "-c", BUILD, *args],
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its Pagefind service too, to wait for
    )


def _build(workdir: Path, output: str, cache: str = "cache") -> float:
    """Build to the end in a process of its own; return how long it took."""
    started = time.monotonic()
    process = _start(workdir, output, cache)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors.decode()
    return time.monotonic() - started


def _kill(process: subprocess.Popen) -> None:
    """SIGKILL the build (not its helpers), then wait until the helpers it left have ended too."""
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise AssertionError("a killed build's helper processes did not end")


def _tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``: a digest of each file's bytes, "dir" for a folder."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        if path.is_file()
        else "dir"
        for path in sorted(folder.rglob("*"))
    }


def _leftovers(workdir: Path) -> list[str]:
    beside = [path.name for path in workdir.iterdir() if path.name.startswith(OURS)]
    pending = [path.name for path in (workdir / "cache").glob("*/.ny-*")]
    return beside + pending


def test_a_killed_build_leaves_the_output_and_the_next_build_is_a_clean_one(workdir):
    _build(workdir, "out")
    first = _tree(workdir / "out")
    minutes = workdir / MINUTES
    minutes.write_text(minutes.read_text(encoding="utf-8").replace("Status fra AMU", "Nyt fra AMU"))
    took = _build(workdir, "clean", cache="")  # what the next build must give, made without a cache
    clean = _tree(workdir / "clean")
    assert clean != first and any(name.startswith("pagefind/") for name in clean)

    left_behind = 0
    for kill in range(KILLS):
        before = _tree(workdir / "out")
        process = _start(workdir, "out")
        time.sleep(took * (0.2 + 0.9 * kill / (KILLS - 1)))  # from reading the content to swapping
        _kill(process)
        after = _tree(workdir / "out")
        assert after in (before, clean), f"killed after {kill}: output/ is neither the old nor the new site"
        left_behind += bool(_leftovers(workdir))
    assert left_behind, "no build was killed midway: the delays missed"

    _build(workdir, "out")
    assert _tree(workdir / "out") == clean
    assert _leftovers(workdir) == []


def test_an_index_file_pagefind_cut_short_is_written_again(tmp_path, monkeypatch):
    """Pagefind may leave a file short (plugins/search/integrity.py): the index is made again."""
    expected = _tree(site.build(_site(tmp_path / "clean", SOURCE_DATE_EPOCH=EPOCH)))
    real = search_plugin._pagefind
    runs = []

    def cut_short(site_folder, target, glob):
        failed = real(site_folder, target, glob)
        runs.append(target)
        if len(runs) == 1:  # the first index: a file cut at 32 KiB and one left empty, as seen
            worker = target / "pagefind-worker.js"
            worker.write_bytes(worker.read_bytes()[:32768])
            next(target.glob("fragment/*.pf_fragment")).write_bytes(b"")
        return failed

    monkeypatch.setattr(search_plugin, "_pagefind", cut_short)
    settings = site.with_cache(_site(tmp_path / "cut", SOURCE_DATE_EPOCH=EPOCH), tmp_path / "cut" / "cache")
    assert _tree(site.build(settings)) == expected
    assert len(runs) == 2 and runs[0] == runs[1]


def test_pagefind_that_fails_is_run_again_and_then_stops_the_build(tmp_path, monkeypatch, caplog):
    """Pagefind's program ending with an error is an index not written: tried again, then the build
    stops with a message and the old site stays."""
    search_plugin.library()  # made while the program works: only the indexes fail
    monkeypatch.setattr(search_plugin, "get_executable", lambda: Path("/bin/false"))
    settings = _site(tmp_path / "site", SOURCE_DATE_EPOCH=EPOCH)
    with pytest.raises(site.BuildFailed):
        site.build(settings)
    messages = [record.getMessage() for record in caplog.records]
    tried = [message for message in messages if "Pagefind kunne ikke skrive søgeindekset" in message]
    assert tried and all(message.endswith("slutkode 1); det bygges igen.") for message in tried)
    assert any("Søgeindekset blev ikke skrevet helt" in message for message in messages)
    assert not Path(settings["OUTPUT_PATH"]).exists()


def test_pagefind_that_cannot_write_its_library_stops_the_build_with_a_message(tmp_path, monkeypatch, caplog):
    """Pagefind's library is made by its program too: a program that fails stops the build with what
    to do, not a traceback, and nothing is published."""
    search_plugin.library.cache_clear()  # as in a new process
    monkeypatch.setattr(search_plugin, "get_executable", lambda: Path("/bin/false"))
    settings = _site(tmp_path / "site", SOURCE_DATE_EPOCH=EPOCH)
    with pytest.raises(site.BuildFailed):
        site.build(settings)
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors == [
        "Pagefind kunne ikke skrive søgningens egne filer (slutkode 1). Ret: installér projektet igen "
        "(slet mappen .venv og kør './run build' igen)."
    ]
    assert not Path(settings["OUTPUT_PATH"]).exists()
