"""Minutes parsed on every core, and the registers written by a copy of the build, build the same site.

The same problems are reported as one by one, and an error in the copy fails the build.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from plugins.kb.build import Build
from plugins.markdown_content import plugin as content_plugin
from plugins.markdown_content.parallel import cores
from plugins.registers import plugin as registers_plugin
from praktikviden import site
from tests.conftest import ROOT

SEQUENTIAL = {"KB_PARALLEL_MIN": 10**6}
PARALLEL = {"KB_PARALLEL_MIN": 0}


MINUTES = """\
---
udvalg: {committee}
dato: {date}
tid: 9.00–12.00
sted: SOSU MV, Holstebro
moedeleder:
  navn: Bettina Krohn Jensen
referent:
  navn: Nanna Resen Westen
deltagere:
  - navn: Jacob Niebuhr Henriksen
    organisation: Herning Kommune
---

## 1. Godkendelse af dagsorden

### Beslutning

Dagsordenen for møde nr. {number} blev godkendt.

## 2. Status fra skolen

### Orientering

Skolen orienterede om optaget og om frafaldet på holdene.

### Drøftelse

Udvalget drøftede, hvordan flere elever kan få en praktikplads.

## 3. Eventuelt
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Twelve minutes: four dates a week apart, each with a meeting of every real committee."""
    content = tmp_path_factory.mktemp("corpus") / "content"
    shutil.copytree(ROOT / "content" / "udvalg", content / "udvalg")
    (content / "referater").mkdir()
    committees = sorted(path.stem for path in (content / "udvalg").glob("*.yml"))
    for index in range(12):
        committee = committees[index % len(committees)]
        date = (dt.date(2000, 1, 3) + dt.timedelta(weeks=index // len(committees))).isoformat()
        text = MINUTES.format(committee=committee, date=date, number=index + 1)
        (content / "referater" / f"{date}-{committee}.md").write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def two_years(corpus, tmp_path_factory) -> Path:
    """The twelve minutes with every other meeting a year later: two years, so two parts of the index."""
    content = tmp_path_factory.mktemp("two-years") / "content"
    shutil.copytree(corpus, content)
    for index, path in enumerate(sorted((content / "referater").glob("*.md"))):
        if index % 2:
            text = path.read_text(encoding="utf-8").replace("dato: 2000-", "dato: 2001-")
            path.with_name(path.name.replace("2000-", "2001-")).write_text(text, encoding="utf-8")
            path.unlink()
    return content


@pytest.fixture
def pool_used(monkeypatch) -> list[int]:
    """How many files each build handed to worker processes."""
    if cores() < 2:
        pytest.skip("one core: the minutes are always parsed one by one")
    handed: list[int] = []
    real = content_plugin.ParsePool

    def spy(reader, pending):
        handed.append(len(pending))
        return real(reader, pending)

    monkeypatch.setattr(content_plugin, "ParsePool", spy)
    return handed


def _settings(content: Path, output: Path, **overrides) -> dict:
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "KB_DATA_PATH": str(ROOT / "data"),
            "KB_BUILD": Build(search=False),
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
    assert pool_used == [12]  # the one-by-one build starts no workers
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
    assert pool_used == [12]  # the one-by-one build starts no workers
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


# A build in a process of its own, with no other threads (a fork copies only the thread that makes
# it, so a copy is made only then): argv content, output, KB_PARALLEL_MIN, the cache's folder or "",
# what to do in the copy ("" or "log" an error, "raise", or "warn" as the build warns too) and
# whether to index the pages, in a part per year. Prints what it found as JSON.
BUILD_ALONE = """
import json, logging, sys
from dataclasses import replace
from pathlib import Path
from plugins.kb.build import Build
from plugins.kb.storage.cache import ContentCache
from plugins.registers import plugin as registers
from praktikviden import site
from pelican.log import init
from tests.site.test_parallel_build import _settings

init(logging.WARNING)

content, output, least, cache, fault, search = sys.argv[1:7]
copies = []
Forked = registers.Forked
registers.Forked = lambda work: copies.append(1) or Forked(work)
calendar = registers.RegisterGenerator._calendar

def faulty(self, *args):
    if fault == "warn":
        logging.getLogger("plugins.registers").warning("Samme advarsel")
    if fault == "log":
        logging.getLogger("plugins.registers").error("Fejl i kalenderen")
    if fault == "raise":
        raise RuntimeError("kalenderen gik i stykker")
    return calendar(self, *args)

registers.RegisterGenerator._calendar = faulty
write_registers = registers.RegisterGenerator.generate_output

def warning_first(self, writer):
    if fault == "warn":  # the build warns before it takes the copy's records
        logging.getLogger("plugins.registers").warning("Samme advarsel")
    return write_registers(self, writer)

registers.RegisterGenerator.generate_output = warning_first
described = Build(search=search == "1", cache=ContentCache(Path(cache)) if cache else None)
overrides = {"KB_PARALLEL_MIN": int(least), "KB_BUILD": described, "KB_SEARCH_PART_PAGES": 1}
settings = _settings(Path(content), Path(output), **overrides)
try:
    site.build(settings)
    outcome = "built"
except site.BuildFailed as error:
    outcome = str(error)
except Exception as error:
    outcome = f"{type(error).__name__}: {error}"
print(json.dumps({"copies": len(copies), "outcome": outcome}))
"""


def _build_alone(
    content: Path, output: Path, least: int, cache: Path | None = None, fault: str = "", search: bool = False
) -> dict:
    arguments = [str(content), str(output), str(least), str(cache or ""), fault, str(int(search))]
    done = subprocess.run(
        [sys.executable, "-c", BUILD_ALONE, *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1732000000"},
    )
    *shown, last = done.stdout.strip().splitlines()
    found = json.loads(last)
    found["log"] = "\n".join(shown) + done.stderr  # Pelican's log handler writes to stdout
    if found["outcome"] == "built":
        files = (path for path in output.rglob("*") if path.is_file())
        found["files"] = {path.relative_to(output).as_posix(): path.read_bytes() for path in files}
    return found


@pytest.fixture
def two_cores():
    if cores() < 2:
        pytest.skip("one core: the registers are always written by the build itself")


def test_the_registers_written_by_a_copy_of_the_build_are_the_same_site(two_years, tmp_path, two_cores):
    alone = _build_alone(two_years, tmp_path / "one", 10**6, search=True)
    copied = _build_alone(two_years, tmp_path / "copy", 0, search=True)
    assert (alone["copies"], copied["copies"]) == (0, 1)
    assert alone["files"].keys() == copied["files"].keys()
    assert any(name.startswith("beslutninger/") for name in copied["files"])
    # The search index's part of a year holds the decision register's page of that year, which only
    # the copy wrote: it gave back which pages those are.
    parts = json.loads(copied["files"]["pagefind/dele.json"])["parts"]
    assert [part["filters"]["type"].get("Beslutninger") for part in parts] == [1, 1]
    assert [name for name in alone["files"] if alone["files"][name] != copied["files"][name]] == []


def test_the_cache_keeps_what_the_copy_used(corpus, tmp_path, two_cores):
    left = {}
    for least in (10**6, 0):
        cache = tmp_path / f"cache-{least}"
        found = [_build_alone(corpus, tmp_path / f"{build}-{least}", least, cache) for build in (1, 2)]
        assert [build["copies"] for build in found] == [int(least == 0)] * 2
        assert found[0]["files"] == found[1]["files"]
        left[least] = len(list(cache.rglob("*.pickle")))
    # The second build's copy took the register pages from the cache: saved, the cache keeps them
    # as it keeps what the build itself used, and does not forget them as unused.
    assert left[0] == left[10**6]


def test_an_error_logged_in_the_copy_fails_the_build_and_is_shown_once(corpus, tmp_path, two_cores):
    found = _build_alone(corpus, tmp_path / "output", 0, fault="log")
    assert found["copies"] == 1
    assert found["outcome"] == "1 fejl under bygningen (se ovenfor) — intet er udgivet."
    assert found["log"].count("Fejl i kalenderen") == 1
    assert not (tmp_path / "output").exists(), "nothing is published"


def test_a_warning_the_build_gave_too_is_shown_and_the_build_goes_on(corpus, tmp_path, two_cores):
    found = _build_alone(corpus, tmp_path / "output", 0, fault="warn")
    assert found["copies"] == 1
    assert found["outcome"] == "built"
    assert "Samme advarsel" in found["log"]


def test_an_exception_in_the_copy_is_raised_by_the_build(corpus, tmp_path, two_cores):
    found = _build_alone(corpus, tmp_path / "output", 0, fault="raise")
    assert found["copies"] == 1
    assert found["outcome"].startswith("ForkFailed: Traceback"), found["outcome"]
    assert "RuntimeError: kalenderen gik i stykker" in found["outcome"]
    assert not (tmp_path / "output").exists(), "nothing is published"


def test_where_a_process_cannot_be_forked_the_build_parses_and_writes_everything_itself(
    corpus, tmp_path, monkeypatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732000000")
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])  # as on Windows
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr("threading.active_count", lambda: 1)  # as a build alone
    # Either would fail if it were made.
    monkeypatch.setattr(content_plugin, "ParsePool", None)
    monkeypatch.setattr(registers_plugin, "Forked", None)
    built = _build(corpus, tmp_path / "output", **PARALLEL)
    assert any(name.startswith("beslutninger/") for name in built)
    assert len([name for name in built if name.startswith("referater/") and name.count("/") == 3]) == 12
