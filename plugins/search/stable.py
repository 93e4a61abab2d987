"""Make Pagefind's filter and metadata files the same in every build of the same site.

Pagefind writes the values of a filter, and the list of filters, in hash-map order, which changes
from run to run (upstream issue Pagefind #638); the files' names are hashes, so every build
renamed them. Each such file is gzip-compressed CBOR after a ``pagefind_dcd`` signature. Here the
values and filters are sorted, the files rewritten and renamed after a hash of their new content,
and the names updated where they are referenced: the metadata file and ``pagefind-entry.json``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def read(path: Path):
    """The value in one of Pagefind's compressed index files (filter, metadata, index chunk)."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _write(folder: Path, stem: str, suffix: str, value, digits: int) -> str:
    """Write ``value`` as ``<stem>_<hash>``; return the hash name Pagefind refers to it by."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{stem}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def stabilise(index_dir: Path) -> None:
    """Sort and rename the filter and metadata files of every language in ``index_dir``."""
    entry_path = index_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        renamed = {}
        for path in sorted((index_dir / "filter").glob(f"{language}_*.pf_filter")):
            name, values = read(path)
            path.unlink()
            value = [name, sorted(values)]
            renamed[path.stem] = _write(index_dir / "filter", language, ".pf_filter", value, 7)
        meta_path = index_dir / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        meta_path.unlink()
        # The metadata's fourth field lists the filters as [name, file hash].
        meta[3] = sorted([name, renamed.get(stem, stem)] for name, stem in meta[3])
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])  # [name, page order] per sort key
        name = _write(index_dir, f"pagefind.{language}", ".pf_meta", meta, 10)
        info["hash"] = name.removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
