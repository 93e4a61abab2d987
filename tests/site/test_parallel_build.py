"""Minutes parsed on every core build the same site, and report the same problems, as one by one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from benchmarks.generate import generate
from plugins.minutes import reader as reader_module
from plugins.minutes.parallel import cores
from praktikviden import site
from tests.conftest import ROOT

SEQUENTIAL = {"KB_PARALLEL_MIN": 10**6}
PARALLEL = {"KB_PARALLEL_MIN": 0}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Twelve generated minutes: four dates, each with a meeting of all three committees."""
    return generate(12, tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def pool_used(monkeypatch) -> list[int]:
    """How many files each build handed to worker processes."""
    if cores() < 2:
        pytest.skip("one core: the minutes are always parsed one by one")
    handed: list[int] = []
    real = reader_module.parse_in_parallel

    def spy(*args):
        futures = real(*args)
        handed.append(len(futures))
        return futures

    monkeypatch.setattr(reader_module, "parse_in_parallel", spy)
    return handed


def _settings(content: Path, output: Path, **overrides) -> dict:
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "KB_DATA_PATH": str(ROOT / "data"),
            "SEARCH_INDEX": False,
            **overrides,
        },
    )


def _build(content: Path, output: Path, **overrides) -> dict[str, bytes]:
    Pelican(_settings(content, output, **overrides)).run()
    files = (path for path in output.rglob("*") if path.is_file())
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in files}


def test_parsing_on_every_core_builds_the_same_site(corpus, tmp_path, pool_used, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732000000")  # the calendar files' time stamp
    one_by_one = _build(corpus, tmp_path / "one", **SEQUENTIAL)
    on_every_core = _build(corpus, tmp_path / "all", **PARALLEL)
    assert pool_used == [0, 12]
    assert one_by_one.keys() == on_every_core.keys()
    assert [name for name in one_by_one if one_by_one[name] != on_every_core[name]] == []


def test_parsing_on_every_core_reports_the_same_problems(corpus, tmp_path, pool_used):
    broken = tmp_path / "content"
    broken.mkdir()
    for path in corpus.rglob("*"):
        target = broken / path.relative_to(corpus)
        if path.is_dir():
            target.mkdir(exist_ok=True)
        else:
            target.write_bytes(path.read_bytes())
    first = sorted((broken / "referater").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("### ", "### Beslutnig", 1), encoding="utf-8")
    one_by_one = site.check(_settings(broken, tmp_path / "one", **SEQUENTIAL))
    on_every_core = site.check(_settings(broken, tmp_path / "all", **PARALLEL))
    assert pool_used == [0, 12]
    assert [str(problem) for problem in on_every_core] == [str(problem) for problem in one_by_one]
    assert any("Beslutnig" in str(problem) for problem in one_by_one)


def test_meetings_on_the_same_day_are_listed_in_file_name_order(corpus, tmp_path):
    """Pelican finds files as a set, whose order changes from run to run; the listings must not."""
    output = tmp_path / "output"
    Pelican(_settings(corpus, output)).run()
    feed = (output / "feeds/referater.atom.xml").read_text(encoding="utf-8")
    listed = re.findall(r'<link href="[^"]*referater/([a-z-]+)/([0-9-]+)/" rel="alternate"/>', feed)
    # "2000-01-03-luu-pa-amu.md": the date, then the committee. Newest first; a stable sort keeps
    # the meetings of one day in file-name order.
    files = [(path.stem[11:], path.stem[:10]) for path in sorted((corpus / "referater").glob("*.md"))]
    assert len(listed) == 12
    assert listed == sorted(files, key=lambda entry: entry[1], reverse=True)


# Builds a corpus in a process of its own (no other threads, as in `praktikviden build`) and prints
# how many processes the writer forked.
_BUILD_ALONE = """
import os, sys, types
from pelican import Pelican
from plugins.writer import plugin as writer
from tests.site.test_parallel_build import _settings
forks = []
writer.os = types.SimpleNamespace(**{**vars(os), "fork": lambda: forks.append(1) or os.fork()})
Pelican(_settings(*map(__import__("pathlib").Path, sys.argv[1:3]), KB_PARALLEL_MIN=int(sys.argv[3]))).run()
print("forks", len(forks))
"""


def _build_alone(content: Path, output: Path, minimum: int) -> tuple[int, dict[str, bytes]]:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD_ALONE, str(content), str(output), str(minimum)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1732000000"},
    )
    forks = int(done.stdout.strip().splitlines()[-1].removeprefix("forks "))
    files = (path for path in output.rglob("*") if path.is_file())
    return forks, {path.relative_to(output).as_posix(): path.read_bytes() for path in files}


def test_meeting_pages_written_on_two_cores_are_the_same(corpus, tmp_path):
    if cores() < 2:
        pytest.skip("one core: the meeting pages are always written one by one")
    forks_one, one_by_one = _build_alone(corpus, tmp_path / "one", 10**6)
    forks_two, on_two_cores = _build_alone(corpus, tmp_path / "two", 0)
    assert (forks_one, forks_two) == (0, 1)
    assert one_by_one.keys() == on_two_cores.keys()
    assert [name for name in one_by_one if one_by_one[name] != on_two_cores[name]] == []
