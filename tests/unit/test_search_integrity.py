"""A Pagefind index is trusted only when every file its entry and metadata name is whole."""

from __future__ import annotations

import gzip
import json

import cbor2
import pytest

from plugins.search.integrity import SIGNATURE, unwritten

META = "pagefind.da_m.pf_meta"
FRAGMENT = "fragment/da_f.pf_fragment"
CHUNK = "index/da_i.pf_index"
FILTER = "filter/da_t.pf_filter"
WASM = "wasm.da.pagefind"


def _index(folder) -> None:
    """An index as Pagefind writes one: the entry, its metadata, and the files the metadata names."""
    entry = {"version": "1.5.2", "languages": {"da": {"hash": "da_m", "wasm": "da", "page_count": 1}}}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    meta = ["1.5.2", [["da_f", 12]], [["a", "ø", "da_i"]], [["type", "da_t"]], [], ["title"]]
    files = {
        META: cbor2.dumps(meta),
        FRAGMENT: json.dumps({"url": "/referater/"}).encode() + b"x" * 40_000,
        CHUNK: cbor2.dumps([[["frafald", [[0, [3]]]]]]),
        FILTER: cbor2.dumps(["type", [["referat", [0]]]]),
        WASM: b"\0asm" + b"\1" * 100,
    }
    for name, data in files.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(gzip.compress(SIGNATURE + data))


def test_a_whole_index_passes(tmp_path):
    _index(tmp_path)
    assert unwritten(tmp_path) == []


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        (lambda path: path.write_bytes(path.read_bytes()[:16]), FRAGMENT),  # cut while written
        (lambda path: path.write_bytes(b""), FRAGMENT),  # created, never written (gunzips to b"")
        (lambda path: path.unlink(), FRAGMENT),
        (lambda path: path.write_bytes(gzip.compress(b"no signature")), FRAGMENT),
    ],
)
def test_a_named_file_cut_short_empty_or_missing_is_found(tmp_path, damage, found):
    _index(tmp_path)
    damage(tmp_path / found)
    assert unwritten(tmp_path) == [found]


@pytest.mark.parametrize("name", [CHUNK, FILTER, WASM])
def test_every_kind_of_file_is_looked_at(tmp_path, name):
    _index(tmp_path)
    (tmp_path / name).write_bytes(b"")
    assert unwritten(tmp_path) == [name]


def test_without_whole_metadata_or_entry_nothing_else_can_be_trusted(tmp_path):
    _index(tmp_path)
    (tmp_path / META).write_bytes((tmp_path / META).read_bytes()[:10])
    assert unwritten(tmp_path) == [META]
    (tmp_path / "pagefind-entry.json").write_text("", encoding="utf-8")
    assert unwritten(tmp_path) == ["pagefind-entry.json"]


def test_a_file_removed_on_purpose_is_not_looked_for(tmp_path):
    _index(tmp_path)
    (tmp_path / WASM).unlink()
    assert unwritten(tmp_path, ("wasm.*.pagefind",)) == []
