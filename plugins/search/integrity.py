"""Whether a Pagefind index on disk is whole.

Pagefind's service (1.5) writes each file with tokio's ``File::write_all`` and never flushes it:
the last chunk of a file may still be queued in a background thread when the service answers that
the index is written. The Python API then stops the service at once (``PagefindIndex.__aexit__``
→ ``PagefindService.close`` → SIGTERM), and that file stays short: empty, or cut at a multiple of
16 KiB (a 41,255-byte ``pagefind-worker.js`` kept 32,768). It happened when the machine was busy,
such as right after a killed build, and nothing reported it. The build now runs Pagefind's program
on its own (plugin.py), which ends when it is done; an index is still checked before it is used.

So an index is trusted only once checked here: its entry file parses, and every file its metadata
names exists and is a whole gzip stream with Pagefind's signature. The library files Pagefind
writes the same for every index (its JavaScript, CSS and generic WebAssembly) are not taken from
an index at all but written from one copy, made once (plugin.py: ``library``).
"""

from __future__ import annotations

import gzip
import json
import zlib
from fnmatch import fnmatch
from pathlib import Path

import cbor2

from .stable import SIGNATURE

ENTRY = "pagefind-entry.json"
WASM_MAGIC = b"\0asm"


def indexed_pages(index_dir: Path) -> int:
    """How many pages the whole index in ``index_dir`` holds (its metadata names each one's fragment)."""
    entry = json.loads((index_dir / ENTRY).read_text(encoding="utf-8"))
    return sum(
        len(cbor2.loads(_payload(index_dir / f"pagefind.{info['hash']}.pf_meta"))[1])
        for info in entry["languages"].values()
    )


def unwritten(index_dir: Path, unused: tuple[str, ...] = ()) -> list[str]:
    """The files of the index in ``index_dir`` that are missing or cut short; [] for a whole index.

    Files matching the patterns ``unused`` were removed on purpose and are not looked for.
    """
    try:
        entry = json.loads((index_dir / ENTRY).read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError):
        return [ENTRY]
    bad = []
    for _language, info in sorted(languages.items()):
        meta_name = f"pagefind.{info['hash']}.pf_meta"
        try:
            meta = cbor2.loads(_payload(index_dir / meta_name))
        except (ValueError, EOFError, cbor2.CBORDecodeError):
            bad.append(meta_name)
            continue
        # The metadata names the pages' fragments (JSON), the word index's chunks and the filters.
        named = [f"fragment/{page[0]}.pf_fragment" for page in meta[1]]
        named += [f"index/{chunk[-1]}.pf_index" for chunk in meta[2]]
        named += [f"filter/{pair[-1]}.pf_filter" for pair in meta[3]]
        bad += [name for name in named if not _payload(index_dir / name)]
        wasm = f"wasm.{info['wasm']}.pagefind" if info.get("wasm") else None
        expected = wasm is not None and not any(fnmatch(wasm, pattern) for pattern in unused)
        if expected and not _payload(index_dir / wasm).startswith(WASM_MAGIC):
            bad.append(wasm)
    return bad


def _payload(path: Path) -> bytes:
    """What a Pagefind file holds after its signature; b"" for a file missing, cut short or not Pagefind's."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error):
        return b""
    return data[len(SIGNATURE) :] if data.startswith(SIGNATURE) else b""
