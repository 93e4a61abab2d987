"""Parsed content kept between builds: in memory for the live preview, in a folder between processes.

An entry is found by a digest of everything it was made from: its kind, its file, its text and the
build's fingerprint (the code, and the committees, themes, reports and datasets the text was parsed
against). A changed input is a different key, so a stale entry can never be used; it is only left
over, and :meth:`ContentCache.save` removes what the last full build did not use.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

# Raised by pickle on a file it cannot read back (cut short, or from another Python).
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError)


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


class ContentCache:
    """Parsed content by key, in memory and, given a folder, in one file per entry there.

    One cache serves one build at a time. Entries read or made by a build are kept; after a full
    build :meth:`save` writes the new ones to the folder and deletes those it did not use.
    """

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self._memory: dict[str, object] = {}
        self._used: set[str] = set()
        self._new: set[str] = set()

    def get(self, key: str):
        """The entry for ``key``, or None."""
        if key not in self._memory and self.folder is not None:
            try:
                self._memory[key] = pickle.loads(self._file(key).read_bytes())
            except _UNREADABLE:
                return None
        if key in self._memory:
            self._used.add(key)
        return self._memory.get(key)

    def put(self, key: str, value) -> None:
        """Keep ``value`` under ``key``."""
        self._memory[key] = value
        self._used.add(key)
        self._new.add(key)

    def save(self, forget_unused: bool = True) -> None:
        """Write the new entries; forget those this build did not use, unless it did not read everything.

        A build reads every content file, so what it did not use belongs to files since changed or
        removed. A check does not describe attachments: it keeps what it did not use.
        """
        if forget_unused:
            for key in set(self._memory) - self._used:
                del self._memory[key]
        if self.folder is not None:
            for key in sorted(self._new & set(self._memory)):
                _write_atomically(self._file(key), pickle.dumps(self._memory[key], pickle.HIGHEST_PROTOCOL))
            if forget_unused:
                used_files = {self._file(key) for key in self._used}
                for path in self.folder.glob("*/*.pickle"):
                    if path not in used_files:
                        path.unlink(missing_ok=True)
        self._used, self._new = set(), set()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that no reader ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".ny-")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
