"""Feeding Pagefind in parts, the parts' manifest, other sites' indexes, an index stopped midway."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from plugins.kb.build import Build, BuildSuperseded, settings_problems
from plugins.kb.outputs.searchsites import origins, search_sites
from plugins.kb.storage.cache import ContentCache, digest
from plugins.search.manifest import entry_tag
from plugins.search.parts import PARTS_FILE, Part, glob_of, plan_parts
from plugins.search.plugin import WORK_PREFIX, library, marked_for_search, searched_bytes, write_index


def test_the_pages_are_one_alternative_per_file_with_special_characters_escaped():
    assert glob_of(["index.html", "a,b/index.html"]) == r"{index.html,a\,b/index.html}"
    assert glob_of([]) == ""


@pytest.mark.parametrize(
    ("pages", "indexed"),
    [
        # Pagefind drops the pages without the attribute once one has it: they are not handed to it.
        ({"a.html": "<main data-pagefind-body>x</main>", "b.html": "<main>y</main>"}, ["a.html"]),
        ({"a.html": '<div class="x" data-pagefind-body="">x</div>', "b.html": "<p>y</p>"}, ["a.html"]),
        # The words in a page's text are no attribute.
        ({"a.html": "<p>data-pagefind-body</p>", "b.html": "<main data-pagefind-body>y</main>"}, ["b.html"]),
        # No page has it: Pagefind indexes every page.
        ({"a.html": "<p>data-pagefind-body</p>", "b.html": "<p>y</p>"}, ["a.html", "b.html"]),
    ],
)
def test_only_the_pages_pagefind_keeps_are_handed_to_it(tmp_path, pages, indexed):
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    assert marked_for_search(tmp_path, sorted(pages)) == indexed


@pytest.mark.parametrize(
    ("page", "searched"),
    [
        # The year links of a register, which Pagefind ignores: not part of what the index is made of.
        (b"<h1>B</h1><nav data-pagefind-ignore><a>2024 (3)</a></nav><p>t</p>", b"<h1>B</h1><p>t</p>"),
        (b'<nav data-pagefind-ignore="all">\n<a>1</a>\n</nav><nav data-pagefind-ignore>2</nav>x', b"x"),
    ],
)
def test_a_part_is_the_same_for_the_search_whatever_its_ignored_navigation_says(page, searched):
    assert searched_bytes(page) == searched


@pytest.mark.parametrize(
    "page",
    [
        # Navigation the index reads, or one with something Pagefind records despite the attribute.
        b"<nav><a>2024 (3)</a></nav>",
        b"<nav data-pagefind-ignored>x</nav>",
        b'<nav data-pagefind-ignore><h2 id="dagsorden">D</h2></nav>',
        b'<nav data-pagefind-ignore ID = "x">y</nav>',
        b'<nav data-pagefind-ignore><i data-pagefind-filter="aar:2024"></i></nav>',
        b'<nav data-pagefind-ignore><i data-pagefind-default-meta="image:a.png"></i></nav>',
        b'<nav data-pagefind-ignore data-pagefind-index-attrs="title" title="t">y</nav>',
        b"<nav data-pagefind-ignore><h1>Titel</h1></nav>",
        b'<nav data-pagefind-ignore><img src="a.png"></nav>',
    ],
)
def test_navigation_that_reaches_the_index_counts_for_the_part(page):
    assert searched_bytes(page) == page


def test_the_newest_year_is_a_part_alone_and_the_years_before_it_are_packed_oldest_first():
    pages = [(2021, "b/2021"), (2020, "a/2020"), (2020, "b/2020"), (2022, "a/2022"), (2024, "a/2024")]
    assert plan_parts(pages, most=3) == [
        Part("referater-2020-2021", ("a/2020", "b/2020", "b/2021")),
        Part("referater-2022", ("a/2022",)),
        Part("referater-2024", ("a/2024",)),
    ]
    # A new meeting in the newest year leaves the other parts as they were.
    assert plan_parts([*pages, (2024, "b/2024")], most=3)[:2] == plan_parts(pages, most=3)[:2]


def test_pages_that_fit_in_one_part_are_one_part_in_order_of_year():
    pages = [(2021, "a/2021"), (2020, "b/2020"), (2024, "a/2024")]
    assert plan_parts(pages, most=3) == [Part("referater-2020-2024", ("b/2020", "a/2021", "a/2024"))]


def test_a_year_with_more_pages_than_a_part_holds_is_a_part_alone():
    pages = [(2020, "x"), (2021, "a"), (2021, "b"), (2021, "c"), (2022, "y")]
    assert [part.name for part in plan_parts(pages, most=2)] == [
        "referater-2020",
        "referater-2021",
        "referater-2022",
    ]
    assert plan_parts([], most=500) == []


def test_a_build_stopped_for_a_newer_change_writes_no_index_and_leaves_no_folder(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<html lang=da><body data-pagefind-body>Tekst</body></html>")
    newer = threading.Event()
    newer.set()
    with pytest.raises(BuildSuperseded):
        write_index(site, [], ["index.html"], Build(stop=newer))
    assert [path.name for path in site.iterdir()] == ["index.html"]
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(WORK_PREFIX)]


def test_the_manifest_names_the_parts_newest_first_with_their_filter_counts_and_tags(tmp_path):
    site = tmp_path / "output"
    pages = {
        "a/2020.html": ("2020", "LUU A"),
        "b/2020.html": ("2020", "LUU B"),
        "a/2021.html": ("2021", "LUU A"),
    }
    for name, (year, committee) in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(
            f'<html lang="da"><body data-pagefind-body><span data-pagefind-filter="år:{year}"></span>'
            f'<span data-pagefind-filter="udvalg:{committee}"></span>Tekst {year}</body></html>'
        )
    (site / "index.html").write_text('<html lang="da"><body data-pagefind-body>Forside</body></html>')
    parts = plan_parts([(2020, "a/2020.html"), (2020, "b/2020.html"), (2021, "a/2021.html")], most=2)
    # In a thread of its own: Pagefind runs its own event loop, and a browser test may run one here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(write_index, site, parts, ["index.html"], Build()).result()
    manifest = json.loads((site / "pagefind" / PARTS_FILE).read_text(encoding="utf-8"))
    assert [(part["name"], part["filters"]) for part in manifest["parts"]] == [
        ("referater-2021", {"udvalg": {"LUU A": 1}, "år": {"2021": 1}}),
        ("referater-2020", {"udvalg": {"LUU A": 1, "LUU B": 1}, "år": {"2020": 2}}),
    ]
    assert manifest["main"]["tag"] == entry_tag(site / "pagefind")
    assert manifest["parts"][0]["tag"] == entry_tag(site / "pagefind" / "referater-2021")


@pytest.mark.parametrize(
    ("value", "sites", "problem"),
    [
        ({}, [], None),
        (
            {"SOSU Nord": "https://sosunord.github.io/praktikviden/pagefind/"},
            [("SOSU Nord", "https://sosunord.github.io/praktikviden/", "https://sosunord.github.io")],
            None,
        ),
        (
            {"Lokal": "http://127.0.0.1:8001/pagefind"},
            [("Lokal", "http://127.0.0.1:8001/", "http://127.0.0.1:8001")],
            None,
        ),
        ({"SOSU Nord": "https://sosunord.github.io/praktikviden/"}, [], "ikke adressen på et søgeindeks"),
        ({"SOSU Nord": "ftp://x/pagefind/"}, [], "ikke adressen på et søgeindeks"),
        ({"SOSU Nord": "/pagefind/"}, [], "ikke adressen på et søgeindeks"),
        ({" ": "https://x.dk/pagefind/"}, [], "tomt navn"),
    ],
)
def test_other_sites_are_named_by_the_address_of_their_index(value, sites, problem):
    found, problems = search_sites(value)
    assert [(site.name, site.root, site.origin) for site in found] == sites
    assert [p.message for p in problems if problem in p.message] == [p.message for p in problems]
    assert bool(problems) == bool(problem)
    assert origins(found) == tuple(dict.fromkeys(origin for *_, origin in sites))


def test_a_wrong_other_site_stops_the_build_naming_the_setting():
    problems = settings_problems({"KB_SEARCH_SITES": {"SOSU Nord": "sosunord.dk"}})
    assert [str(problem).splitlines()[0] for problem in problems] == [
        "pelicanconf.py: 'KB_SEARCH_SITES': adressen for 'SOSU Nord' er ikke adressen på et søgeindeks, "
        "fik 'sosunord.dk'."
    ]
    assert settings_problems({"KB_SEARCH_SITES": ["https://x.dk/pagefind/"]})[0].message.startswith(
        "indstillingen 'KB_SEARCH_SITES' har forkert type"
    )


def test_pagefind_is_asked_for_its_library_once_per_cache_not_once_per_build(tmp_path, monkeypatch):
    import plugins.search.plugin as search

    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text('<html lang="da"><body data-pagefind-body>Forside</body></html>')
    asked = []
    monkeypatch.setattr(search, "library", lambda: asked.append(1) or library())

    def build() -> None:  # as a new process opens the cache
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(
                write_index, site, [], ["index.html"], Build(cache=ContentCache(tmp_path / "c"))
            ).result()
        assert (site / "pagefind" / "pagefind.js").read_bytes() == library()["pagefind.js"]

    build()
    build()
    assert asked == [1]
    # An entry that is not the library's files, or lacks some, is not used.
    key = digest("pagefind-bibliotek", search.INDEXER_VERSION)
    for damaged in ("x", {"pagefind.js": b"x"}):
        ContentCache(tmp_path / "c").put(key, damaged)
        build()
    assert asked == [1, 1, 1]
