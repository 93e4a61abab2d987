"""Registers split by year: a first page of the newest entries, then pages of each year."""

from __future__ import annotations

from plugins.kb.outputs.registers import year_counts, year_pages


def test_a_register_has_its_newest_entries_first_then_each_year_in_pages():
    entries = [(2024, n) for n in range(5)] + [(2023, n) for n in range(2)]
    pages = year_pages(entries, lambda entry: entry[0], newest=3, per_page=2)
    assert [
        (page.folder, page.year, page.number, page.pages_in_year, len(page.entries)) for page in pages
    ] == [
        ("", None, 1, 1, 3),
        ("2024/", 2024, 1, 3, 2),
        ("2024/side-2/", 2024, 2, 3, 2),
        ("2024/side-3/", 2024, 3, 3, 1),
        ("2023/", 2023, 1, 1, 2),
    ]
    assert [entry for page in pages[1:] for entry in page.entries] == entries
    assert year_counts(entries, lambda entry: entry[0]) == [(2024, 5), (2023, 2)]


def test_an_empty_register_has_its_first_page_only():
    assert [(page.folder, page.entries) for page in year_pages([], lambda entry: entry)] == [("", ())]


def test_organisations_get_unique_ascii_folders():
    from types import SimpleNamespace

    from plugins.kb.model import Person
    from plugins.kb.outputs.registers import organisations

    def meeting(*names):
        people = tuple(Person(f"Person {n}", name) for n, name in enumerate(names))
        return SimpleNamespace(
            date=None, participants=people, advisers=(), absentees=(), chair=people[0], secretary=people[0]
        )

    found = organisations([meeting("SOSU-MV Herning", "SOSU MV Herning", "Ringkøbing-Skjern Kommune")])
    assert [(o.name, o.slug) for o in found] == [
        ("Ringkøbing-Skjern Kommune", "ringkoebing-skjern-kommune"),
        ("SOSU MV Herning", "sosu-mv-herning"),
        ("SOSU-MV Herning", "sosu-mv-herning-2"),
    ]
