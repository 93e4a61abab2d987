"""The content cache between builds: the same bytes with and without it, and a stale cache never used."""

from __future__ import annotations

import datetime
import io
import json
import os
import pickle
import re
import shutil
import time
from pathlib import Path

import pytest
from markupsafe import Markup

from plugins.kb.build import Build
from plugins.kb.storage.cache import ContentCache, _Unpickler, framed
from plugins.markdown_content.reader import ContentReader
from praktikviden import site
from tests.conftest import ROOT, kept_pages, site_settings

EPOCH = "1732000000"  # the calendar files' time stamp


def _files(output: Path) -> dict[str, bytes]:
    return {
        path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*") if path.is_file()
    }


def _build(workdir: Path, cache: Path | None, name: str, **overrides) -> dict[str, bytes]:
    """Build the site copied to ``workdir`` into ``workdir/name``, with the cache in ``cache`` (or none)."""
    settings = site.load_settings(
        site.PUBLISH_CONF,
        PATH=str(workdir / "content"),
        OUTPUT_PATH=str(workdir / name),
        KB_DATA_PATH=str(workdir / "data"),
        SOURCE_DATE_EPOCH=EPOCH,
        **overrides,
    )
    if cache is not None:
        settings = site.with_cache(settings, cache)
    return _files(site.build(settings))


def _differing(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


@pytest.fixture
def workdir(tmp_path) -> Path:
    """The repository's own content and data, to change freely."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


@pytest.fixture(scope="module")
def unedited(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """The repository's content and data copied, not to be changed, built without a cache and with a
    new one (in ``cache/``, to be copied before use): the folder and the two builds' files."""
    workdir = tmp_path_factory.mktemp("unedited")
    shutil.copytree(ROOT / "content", workdir / "content")
    shutil.copytree(ROOT / "data", workdir / "data")
    return workdir, _build(workdir, None, "without"), _build(workdir, workdir / "cache", "filled")


def test_a_build_from_the_cache_is_the_same_to_the_byte(unedited, tmp_path):
    workdir, without, filled = unedited
    cache = shutil.copytree(workdir / "cache", tmp_path / "cache")
    assert any(cache.rglob("*.pickle"))
    from_cache = _build(workdir, cache, "from-cache")
    assert _differing(without, filled) == []
    assert _differing(without, from_cache) == []


def test_after_an_edit_every_page_that_shows_it_is_made_anew(workdir):
    """The meeting's page, the decision register and the organisations' pages are kept in the cache
    by what they are made from: a changed decision and participant are on every page that shows them."""
    cache = workdir / "cache"
    _build(workdir, cache, "before")
    minutes = workdir / "content" / "referater" / "2024-09-16-luu-pa-amu.md"
    text = _read(minutes).replace("Dagsordenen blev godkendt.", "Dagsordenen blev godkendt med en rettelse.")
    minutes.write_text(text.replace("FOA Midt- og Vestjylland", "FOA Vest", 1), encoding="utf-8")
    from_cache = _build(workdir, cache, "after")
    assert _differing(_build(workdir, None, "without"), from_cache) == []
    changed = [name for name, data in from_cache.items() if b"med en rettelse" in data]
    assert any(name.startswith("beslutninger/") for name in changed)
    assert any(name.startswith("organisationer/foa-vest/") for name in from_cache)


def test_a_new_minutes_file_leaves_the_pages_that_do_not_show_it_in_the_cache(workdir, monkeypatch):
    """Adding the latest minutes makes their page and the pages that list them, not the whole site."""
    cache = workdir / "cache"
    _build(workdir, cache, "before")
    kept = kept_pages(monkeypatch)
    older = workdir / "content" / "referater" / "2024-09-16-luu-pa-amu.md"
    header = _read(older).split("\ntema:", 1)[0].replace("2024-09-16", "2024-11-18")
    # One item and no themes in common with another meeting (each page shows related items).
    item = "## 1. Godkendelse af dagsorden\n\n### Beslutning\n\nDagsordenen blev godkendt.\n"
    older.with_name("2024-11-18-luu-pa-amu.md").write_text(f"{header}\n---\n\n{item}", encoding="utf-8")
    from_cache = _build(workdir, cache, "after")
    assert _differing(_build(workdir, None, "without"), from_cache) == []
    # The other committees' minutes are not next to the new one: their pages come from the cache.
    assert "referater/luu-sosu-amu/2019-02-22/index.html" in kept
    assert "referater/samarbejdsmoede-pa/2021-10-12/index.html" in kept
    # The minutes before the new one now link it as the next meeting.
    assert "referater/luu-pa-amu/2024-09-16/index.html" not in kept


def test_an_edit_leaves_an_organisations_pages_of_other_years_in_the_cache(workdir, monkeypatch):
    """An organisation's page of one year shows that year's meetings: an edit of minutes of 2023
    makes its 2023 page anew, and its 2019 page, which does not show them, comes from the cache."""
    cache = workdir / "cache"
    older = workdir / "content" / "referater" / "2024-09-16-luu-pa-amu.md"
    header = _read(older).split("\ntema:", 1)[0].replace("2024-09-16", "2023-11-20")
    assert "Herning Kommune" in header
    minutes = older.with_name("2023-11-20-luu-pa-amu.md")
    # No themes in common with the 2019 minutes, so that these are not among their related items.
    minutes.write_text(f"{header}\n---\n\n## 1. Godkendelse af dagsorden\n\nGodkendt.\n", encoding="utf-8")
    _build(workdir, cache, "before")
    kept = kept_pages(monkeypatch)
    _add_to_first_item(minutes, "Rettet efter mødet.")
    from_cache = _build(workdir, cache, "after")
    assert _differing(_build(workdir, None, "without"), from_cache) == []
    assert "organisationer/herning-kommune/2019/index.html" in kept
    assert "organisationer/herning-kommune/2023/index.html" not in kept
    # The pages are handed their organisation without its meetings (plugins/registers): what they show
    # must not read them.
    templates = ROOT / "theme" / "templates"
    read = re.compile(r"organisation\s*\.\s*(?:attended|absent)\b|[\'\"](?:attended|absent)[\'\"]")
    for template in [templates / "organisation.html", *templates.glob("*/*.html")]:
        assert not read.search(template.read_text(encoding="utf-8")), template
    assert read.search((templates / "organisations.html").read_text(encoding="utf-8"))  # the index does


def _add_to_first_item(minutes: Path, paragraph: str) -> None:
    text = _read(minutes)
    head, heading, rest = text.partition("\n## 1.")
    title, newline, after = rest.partition("\n")
    minutes.write_text(f"{head}{heading}{title}\n\n{paragraph}\n{after}", encoding="utf-8")


def test_a_page_that_links_minutes_whose_date_changed_is_made_anew(workdir):
    """A link's address counts among what a page is made from: the linked meeting moved to another day."""
    cache = workdir / "cache"
    linking = workdir / "content" / "referater" / "2024-09-16-luu-pa-amu.md"
    linked = workdir / "content" / "referater" / "2023-03-01-samarbejdsmoede-pa.md"
    front = _read(linking.with_name("2021-10-12-samarbejdsmoede-pa.md")).split("\n---\n", 1)[0]
    header = front.split("\ntema:", 1)[0].split("\ntemaer:", 1)[0]
    linked.write_text(
        f"{header.replace('2021-10-12', '2023-03-01')}\n---\n\n## 1. Godkendelse af dagsorden\n\nGodkendt.\n",
        encoding="utf-8",
    )
    _add_to_first_item(linking, f"Se [mødet]({{filename}}{linked.name}).")
    _build(workdir, cache, "before")
    linked.write_text(_read(linked).replace("dato: 2023-03-01", "dato: 2023-03-02"), encoding="utf-8")
    from_cache = _build(workdir, cache, "after")
    assert _differing(_build(workdir, None, "without"), from_cache) == []
    assert b"samarbejdsmoede-pa/2023-03-02/" in from_cache["referater/luu-pa-amu/2024-09-16/index.html"]


def test_minutes_that_attach_a_file_are_made_anew_with_a_cache(workdir):
    """``{attach}`` decides where the file is published as the page is rendered: such minutes are not kept."""
    cache = workdir / "cache"
    (workdir / "content" / "bilag").mkdir(exist_ok=True)
    (workdir / "content" / "bilag" / "notat.txt").write_text("Et notat.\n", encoding="utf-8")
    _add_to_first_item(
        workdir / "content" / "referater" / "2024-09-16-luu-pa-amu.md",
        "Se [notatet]({attach}../bilag/notat.txt).",
    )
    _build(workdir, cache, "before")
    from_cache = _build(workdir, cache, "again")
    assert _differing(_build(workdir, None, "without"), from_cache) == []
    # The page links the file where it is published.
    assert b'href="../../../bilag/notat.txt"' in from_cache["referater/luu-pa-amu/2024-09-16/index.html"]
    assert "bilag/notat.txt" in from_cache


def test_a_changed_dataset_is_not_taken_from_the_cache(workdir):
    """A report chapter embeds a table: after the CSV changes, its page shows the new figures."""
    cache = workdir / "cache"
    _build(workdir, cache, "before")
    csv = workdir / "data" / "amu-modulstruktur-nuvaerende.csv"  # embedded in a chapter of a report
    csv.write_text(_read(csv).replace("Overbygningsmodul,", "Ændret række,"), encoding="utf-8")
    from_cache = _build(workdir, cache, "after")
    without = _build(workdir, None, "without")
    assert _differing(without, from_cache) == []
    assert any(b"\xc3\x86ndret r\xc3\xa6kke" in data for data in from_cache.values())


class _Raises:
    """Pickled, it makes loading raise (date('kein Datum') is a TypeError)."""

    def __reduce__(self):
        return (datetime.date, ("kein Datum",))


class _RunsCode:
    """Pickled, it would run a shell command while loading, if the cache let it."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _damages(marker: Path) -> list:
    """Ways an entry's file can be damaged: each takes the file, its key and another entry's file."""
    return [
        lambda path, key, other: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
        lambda path, key, other: path.write_bytes(b""),
        lambda path, key, other: path.write_bytes(bytes(range(256)) * 8),
        lambda path, key, other: path.write_bytes(pickle.dumps(["ikke", "et", "indhold"])),
        lambda path, key, other: path.write_bytes(other.read_bytes()),
        lambda path, key, other: path.write_bytes(framed(key, pickle.dumps(_Raises()))),
        lambda path, key, other: path.write_bytes(framed(key, pickle.dumps(_RunsCode(marker)))),
        lambda path, key, other: path.write_bytes(framed(key, b"\x80\x05garbage")),
    ]


def test_a_damaged_cache_entry_is_parsed_again_and_written_anew(unedited, tmp_path):
    """Cut short, empty, garbage, a pickle of something else, another entry's file, a pickle that
    raises or would run code while loading: each is discarded, and the build is the same to the byte."""
    workdir, without, _ = unedited
    cache = shutil.copytree(workdir / "cache", tmp_path / "cache")
    entries = sorted(cache.rglob("*.pickle"))
    marker = tmp_path / "koden-koerte"
    damages = _damages(marker)
    assert len(entries) > len(damages)
    for number, path in enumerate(entries):
        damages[number % len(damages)](path, path.stem, entries[number - 1])
    assert _differing(without, _build(workdir, cache, "from-damaged-cache")) == []
    assert not marker.exists()
    fresh = ContentCache(cache)  # as a new process reads the folder: every entry whole again
    assert [path.name for path in entries if fresh.get(path.stem) is None] == []


def test_loading_an_entry_makes_only_the_projects_data():
    """A pickle naming any other callable is refused while it loads, before anything is called."""
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(pickle.dumps(_RunsCode(Path("/nonexistent"))))).load()
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(pickle.dumps(ContentCache))).load()  # a class of the project, not data
    meeting = datetime.date(2024, 9, 16)
    assert _Unpickler(io.BytesIO(pickle.dumps((1, {"a": b"x"}, meeting, Markup("<p>"))))).load() == (
        1,
        {"a": b"x"},
        meeting,
        Markup("<p>"),
    )


def test_an_entry_is_on_disk_as_soon_as_it_is_made_and_the_preview_keeps_its_own_in_memory(tmp_path):
    """A cache with a folder holds nothing for the length of a build: a new process finds each entry
    as it is made. The live preview's cache, without a folder, writes nothing."""
    kept, value = ContentCache(tmp_path / "cache"), (3, {"pagefind-entry.json": b"{}"})
    assert not kept.holds("ab12")
    kept.put("ab12", value)
    assert kept.holds("ab12") and ContentCache(tmp_path / "cache").get("ab12") == value
    preview = ContentCache()
    preview.put("ab12", value)
    assert preview.get("ab12") is value and preview.holds("ab12")
    assert [path.name for path in tmp_path.rglob("*.pickle")] == ["ab12.pickle"]


def test_a_build_keeps_the_entries_another_build_wrote_while_it_ran(tmp_path):
    """Two processes may use the folder at once (a check during a build): neither deletes the other's."""
    ContentCache(tmp_path / "cache").put("aa01", "fra en tidligere bygning")
    time.sleep(0.01)
    first = ContentCache(tmp_path / "cache")
    ContentCache(tmp_path / "cache").put("bb02", "fra en anden bygning")
    first.put("cc03", "fra denne bygning")
    first.save()
    assert sorted(path.stem for path in tmp_path.rglob("*.pickle")) == ["bb02", "cc03"]


def test_after_one_edit_a_fresh_process_parses_one_minutes_file(tmp_path, monkeypatch):
    """A new cache object reads the folder as a new process would; one edited file is parsed alone."""
    settings = site_settings(ROOT / "content", tmp_path, KB_DATA_PATH=str(ROOT / "data"))
    cache = tmp_path / "cache"
    site.build(site.with_cache(settings, cache))
    parsed = []
    real = ContentReader.parse_minutes

    def counted(self, source, text):
        parsed.append(source)
        return real(self, source, text)

    monkeypatch.setattr(ContentReader, "parse_minutes", counted)
    site.build(site.with_cache(settings, cache))
    assert parsed == []
    minutes = sorted((tmp_path / "content" / "referater").rglob("*.md"))[0]
    minutes.write_text(_read(minutes).replace("\n\n", "\n\nEt nyt afsnit.\n\n", 1), encoding="utf-8")
    output = site.build(site.with_cache(settings, cache))
    assert parsed == [minutes.relative_to(tmp_path).as_posix()]
    assert "Et nyt afsnit." in "".join(path.read_text(encoding="utf-8") for path in output.rglob("*.html"))


def test_the_cache_keeps_only_what_the_last_build_used(tmp_path):
    settings = site_settings(ROOT / "content", tmp_path, KB_DATA_PATH=str(ROOT / "data"))
    cache = tmp_path / "cache"
    site.build(site.with_cache(settings, cache))
    entries = len(list(cache.rglob("*.pickle")))
    for minutes in (tmp_path / "content" / "referater").rglob("*.md"):
        minutes.write_text(_read(minutes) + "\nTilføjet.\n", encoding="utf-8")
    site.build(site.with_cache(settings, cache))
    assert len(list(cache.rglob("*.pickle"))) == entries


def test_a_check_is_a_build_that_writes_nothing(tmp_path):
    settings = site_settings(ROOT / "content", tmp_path, KB_DATA_PATH=str(ROOT / "data"))
    assert site.check({**settings, "KB_BUILD": Build()}) == []
    assert not (tmp_path / "output").exists()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_search_index_in_parts_reuses_the_parts_whose_pages_did_not_change(workdir, monkeypatch):
    from plugins.search import plugin as search_plugin

    indexed, retried = [], []
    real_pagefind, real_unwritten = search_plugin._pagefind, search_plugin.unwritten

    def counted(site_folder, target, glob):
        indexed.append(glob)
        failed = real_pagefind(site_folder, target, glob)
        if failed:
            retried.append(glob)
        return failed

    def checked(target, unused):
        cut = real_unwritten(target, unused)
        if cut:
            retried.append(target.name)
        return cut

    monkeypatch.setattr(search_plugin, "_pagefind", counted)
    monkeypatch.setattr(search_plugin, "unwritten", checked)
    cache = workdir / "cache"

    def build(name, cache_folder):
        return _build(workdir, cache_folder, name, KB_SEARCH_PART_PAGES=1)

    build("filled", cache)
    # A part for each of the three years of minutes, and the pages, each indexed once, and once more
    # for each time Pagefind failed or left an index unfinished (plugins/search/integrity.py).
    assert len(set(indexed)) == 4 and len(indexed) == 4 + len(retried)
    minutes = workdir / "content" / "referater" / "2021-10-12-samarbejdsmoede-pa.md"
    minutes.write_text(_read(minutes).replace("\n\n", "\n\nEt nyt afsnit.\n\n", 1), encoding="utf-8")
    indexed.clear()
    from_cache = build("edited", cache)
    # The 2021 part again (and the pages' index if a page shows the new text: two indexes at a time,
    # in either order); not 2019 nor 2024.
    assert any("2021-10-12" in glob for glob in indexed)
    assert not any("2019-02-22" in glob or "2024-09-16" in glob for glob in indexed)
    assert _differing(build("without", None), from_cache) == []
    # A new decision changes every year's count in the decision register's year links, on the
    # register's page of each year, in each part; what Pagefind reads of 2019 and 2024 is the same.
    minutes.write_text(
        _read(minutes).replace("## 2. ", "### Beslutning\n\nEn ny beslutning.\n\n## 2. ", 1), encoding="utf-8"
    )
    indexed.clear()
    from_cache = build("decided", cache)
    assert any("2021-10-12" in glob and "beslutninger/2021/index.html" in glob for glob in indexed)
    assert not any("2019-02-22" in glob or "2024-09-16" in glob for glob in indexed)
    assert _differing(build("without-again", None), from_cache) == []


def test_minutes_that_fit_in_one_part_stay_in_one_index_with_the_register(workdir):
    """Three minutes and parts of three pages: the decision register's pages do not make it split."""
    site = workdir / "small"
    _build(workdir, None, "small", KB_SEARCH_PART_PAGES=3)
    assert json.loads((site / "pagefind" / "dele.json").read_text(encoding="utf-8"))["parts"] == []


DATASET = "amu-deltagere-pr-modul-2017-2022"


def test_datasets_read_before_come_from_the_cache_and_an_edited_one_is_read_again(workdir, monkeypatch):
    """A dataset whose two files are unchanged is not read with pandas again; one whose schema was
    edited is, and the site is the same as one built without a cache."""
    from plugins.datatable import plugin as datatable

    cache = workdir / "cache"
    _build(workdir, cache, "before")
    read = []
    load_table = datatable.load_table
    monkeypatch.setattr(
        datatable, "load_table", lambda csv, *rest: read.append(csv.stem) or load_table(csv, *rest)
    )
    schema = workdir / "data" / f"{DATASET}.yml"
    schema.write_text(
        _read(schema).replace("titel: Deltagere i FEVUs", "titel: Rettet, deltagere i FEVUs", 1),
        encoding="utf-8",
    )
    from_cache = _build(workdir, cache, "after")
    assert read == [DATASET]
    assert b"Rettet, deltagere i FEVUs" in from_cache[f"data/{DATASET}/index.html"]
    assert _differing(_build(workdir, None, "without"), from_cache) == []


def test_a_dataset_made_a_link_is_refused_even_with_its_bytes_in_the_cache(workdir, tmp_path):
    """The cache keeps a dataset by its bytes: the same bytes behind a link are read by load_table
    again, which refuses the link (as the check of the data folder's files does)."""
    cache = workdir / "cache"
    _build(workdir, cache, "before")
    csv = workdir / "data" / f"{DATASET}.csv"
    outside = tmp_path.parent / f"{tmp_path.name}-udenfor.csv"
    outside.write_bytes(csv.read_bytes())
    csv.unlink()
    csv.symlink_to(outside)
    with pytest.raises(site.ContentError) as caught:
        _build(workdir, cache, "after")
    refused = [str(problem) for problem in caught.value.problems]
    assert len(refused) == 2
    assert all(problem.startswith(f"data/{DATASET}.csv: det er et symbolsk link") for problem in refused)
