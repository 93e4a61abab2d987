"""Parsed content kept between builds: in memory for the live preview, in a folder between processes.

An entry is found by a digest of everything it was made from: its kind, its file, its text and the
build's fingerprint (the code, and the committees, themes, reports and datasets the text was parsed
against). A changed input is a different key, so a stale entry can never be used; it is only left
over, and :meth:`ContentCache.save` removes what the last full build did not use.

A damaged entry is never used, and never stops a build: each file holds a digest of its key and of
its pickled value, and one that does not match (cut short by a killed build or a full disk,
overwritten, garbage, another entry's file) or that cannot be loaded is treated as missing, so the
content is parsed again and the entry written anew. Entries are not fsync'ed for the same reason:
what a power cut damages is found by its digest.

Trust: the folder belongs to the build, like the output folder: only the project's builds write
it, and the publish workflow restores it with ``actions/cache``, whose entries are scoped to this
repository (a pull request's cache is not restored on main). Pickle can run code while it loads;
here it may only make the project's own data classes (dataclasses, enums and named tuples of
``plugins``), dates, times, paths and Markup, so even a file someone wrote by hand there can give wrong
content at worst, never run code.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import importlib
import io
import os
import pathlib
import pickle
import time
from collections.abc import Callable
from pathlib import Path

import markupsafe

from plugins.kb.storage.scratch import new_file, remove_left_over

# The start of every entry's file, then the digest of its key and pickled value (sha256).
_MAGIC = b"praktikviden-indhold 1\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
# What an entry may hold besides plain data and the project's own data classes (see _Unpickler).
_ALLOWED = {
    ("datetime", "date"): datetime.date,
    ("datetime", "time"): datetime.time,
    ("datetime", "datetime"): datetime.datetime,
    ("datetime", "timedelta"): datetime.timedelta,
    ("datetime", "timezone"): datetime.timezone,
    ("markupsafe", "Markup"): markupsafe.Markup,
    ("pathlib", "PosixPath"): pathlib.PosixPath,
}
# Where an entry is written under a name of its own first (plugins/kb/storage/scratch.py).
_PENDING = ".ny-"


def digest(*parts: str | bytes) -> str:
    """A hex digest of ``parts`` in order; each part's length counts, so no part can run into the next."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big"))
        hashed.update(data)
    return hashed.hexdigest()


def fingerprint(files: dict[str, Path], *extra: str) -> str:
    """A digest of ``extra`` and of these files: each one's name and bytes, in the order of the names."""
    parts: list[str | bytes] = list(extra)
    for name in sorted(files):
        parts += [name, files[name].read_bytes()]
    return digest(*parts)


def _any(found) -> bool:
    return True


class ContentCache:
    """Parsed content by key: in memory, or, given a folder, in one file per entry there.

    One cache serves one build at a time. The live preview's cache (no folder) keeps its entries in
    memory. One with a folder writes each entry as it is made and reads it back when asked, keeping
    none in memory: a large archive's parsed minutes, pages and search index are on disk, not held
    for the length of a build. After a full build :meth:`save` deletes the entries it did not use.
    """

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self._memory: dict[str, object] = {}
        self._used: set[str] = set()
        self._opened = time.time()  # entries written since may be another process's (see save)

    def get(self, key: str):
        """The entry for ``key``, or None (also for a damaged entry's file: see the module docstring)."""
        found = self._memory.get(key) if self.folder is None else self._load(key)
        if found is not None:
            self._used.add(key)
        return found

    def remembered(self, key: str, make: Callable[[], object], fits: Callable[[object], bool] = _any):
        """The entry for ``key`` if ``fits`` takes it (its shape); else ``make()``, kept under ``key``."""
        found = self.get(key)
        if found is None or not fits(found):
            found = make()
            self.put(key, found)
        return found

    def holds(self, key: str) -> bool:
        """Whether there is an entry for ``key``, without reading it (a damaged one counts)."""
        return key in self._memory if self.folder is None else self._file(key).is_file()

    def put(self, key: str, value) -> None:
        """Keep ``value`` under ``key``."""
        self._used.add(key)
        if self.folder is None:
            self._memory[key] = value
        else:
            _write_atomically(self._file(key), framed(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))

    def used(self) -> frozenset[str]:
        """The keys this build has read or written so far."""
        return frozenset(self._used)

    def note_used(self, keys) -> None:
        """Count ``keys`` as used by this build: a forked copy of it used them (plugins/lifecycle/fork.py)."""
        self._used.update(keys)

    def save(self, forget_unused: bool = True) -> None:
        """Forget the entries this build did not use, unless it did not read everything.

        A build reads every content file, so what it did not use belongs to files since changed or
        removed. A check does not describe attachments: it keeps what it did not use. An entry
        written since this cache was opened is kept: another build or check may be using the folder.
        """
        if forget_unused:
            for key in set(self._memory) - self._used:
                del self._memory[key]
            if self.folder is not None:
                used_files = {self._file(key) for key in self._used}
                for path in self.folder.glob("*/*.pickle"):
                    if path not in used_files and _written_before(path, self._opened):
                        path.unlink(missing_ok=True)
                for subfolder in (path for path in self.folder.glob("*") if path.is_dir()):
                    remove_left_over(subfolder, _PENDING)  # what builds killed while writing left
        self._used = set()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def _load(self, key: str):
        """The value in ``key``'s file, or None if there is none or it is damaged in any way."""
        try:
            data = self._file(key).read_bytes()
        except OSError:
            return None
        header = len(_MAGIC) + _DIGEST_SIZE
        payload = data[header:]
        if data[: len(_MAGIC)] != _MAGIC or data[len(_MAGIC) : header] != _digest(key, payload):
            return None
        try:
            return _Unpickler(io.BytesIO(payload)).load()
        except Exception:  # noqa: BLE001 — whatever a damaged entry raises, it is parsed again instead
            return None


def framed(key: str, payload: bytes) -> bytes:
    """The file of ``key``'s entry: the pickled value ``payload`` after a header and its digest."""
    return _MAGIC + _digest(key, payload) + payload


def _digest(key: str, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii") + b"\0" + payload).digest()


class _Unpickler(pickle.Unpickler):
    """Pickle's loader, making only plain data, the project's data classes and the types in _ALLOWED."""

    def find_class(self, module: str, name: str):
        """The class ``module.name`` if an entry may hold it; refuse anything else."""
        if (module, name) in _ALLOWED:
            return _ALLOWED[module, name]
        if module.startswith("plugins.") and name.isidentifier():
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and found.__module__ == module and _is_data(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} hører ikke hjemme i mellemlageret")


def _is_data(cls: type) -> bool:
    """Whether ``cls`` is a data class, an enum or a named tuple: making one runs no code of note."""
    return (
        dataclasses.is_dataclass(cls)
        or issubclass(cls, enum.Enum)
        or (issubclass(cls, tuple) and hasattr(cls, "_fields"))
    )


def _written_before(path: Path, moment: float) -> bool:
    try:
        return path.stat().st_mtime < moment
    except OSError:
        return False


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no reader ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = new_file(path.parent, _PENDING)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
