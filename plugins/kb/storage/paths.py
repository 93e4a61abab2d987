"""Which files the build may read: plain files inside the repository, one name for each.

A pull request can add anything to ``content/`` and ``data/``. A symbolic link there could make the
build publish a file from outside the repository (a CI runner's secrets), and a device or a named
pipe could make it hang, so every file is opened without following a link and must be a plain
file of a bounded size. Names are compared as Unicode NFC (macOS writes "æ" and "å" decomposed,
NFD: to the reader and the editor they are the same name), and two names that differ only in case
are refused, since a Windows or macOS checkout keeps only one of them.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from plugins.kb.problems import Problem

# No text file an editor writes comes near this (the longest report chapter is about 100 KB); a
# larger file is a mistake or an attack, and is refused before it is read.
MAX_TEXT_BYTES = 5 * 1024 * 1024


def nfc(name: str) -> str:
    """``name`` in Unicode's composed form (NFC), the form a name is compared and published in."""
    return unicodedata.normalize("NFC", name)


def read_plain_file(
    path: Path, source: str, limit: int = MAX_TEXT_BYTES
) -> tuple[bytes | None, list[Problem]]:
    """Read ``path`` if it is a plain file of at most ``limit`` bytes; else a problem.

    The file is opened without following a symbolic link and without waiting on a named pipe, and
    it is checked on the open file itself, so it cannot be swapped between the check and the read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, [Problem(source, 0, "filen findes ikke.", "tjek stien og filens navn.")]
    except OSError:
        if path.is_symlink():
            return None, [_link_problem(source)]
        return None, [Problem(source, 0, "filen kan ikke åbnes.", "tjek, at den kan læses, og gem den igen.")]
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, [_not_plain_problem(source)]
        data = file.read(limit + 1)
    if len(data) > limit:
        return None, [_too_large_problem(source, limit)]
    return data, []


@dataclass(slots=True)
class FileTree:
    """The files under the folders the build reads, by their NFC name, and what is wrong with them.

    Attributes:
        files: every plain file, relative to the tree's root as ``content/bilag/x.pdf``, keyed by
            its NFC name; the value is the name as it is on disk.
        problems: symbolic links, devices and pipes, and names that clash.
        refused: the NFC names of the links, devices and pipes: there, but never read.

    """

    files: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)

    def on_disk(self, name: str) -> str | None:
        """The name on disk of the file called ``name`` in any Unicode form, or None."""
        return self.files.get(nfc(name))


def scan(root: Path, folders: tuple[str, ...]) -> FileTree:
    """Walk ``folders`` under ``root`` without following links; every file and problem found.

    Names in the result and in problems are relative to ``root`` (the repository), with ``/``.
    """
    tree = FileTree()
    by_case: dict[str, str] = {}
    for folder in folders:
        top = root / folder
        if top.is_symlink():
            tree.problems.append(_link_problem(folder))
            tree.refused.add(nfc(folder))
            continue
        for here, dirs, files in os.walk(top, followlinks=False):
            dirs.sort()
            for name in sorted(dirs + files):
                path = Path(here) / name
                relative = path.relative_to(root).as_posix()
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode):
                    tree.problems.append(_link_problem(relative))
                    tree.refused.add(nfc(relative))
                    continue
                if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                    tree.problems.append(_not_plain_problem(relative))
                    tree.refused.add(nfc(relative))
                    continue
                key = nfc(relative).casefold()
                if key in by_case:
                    tree.problems.append(_clash_problem(relative, by_case[key]))
                by_case.setdefault(key, relative)
                if stat.S_ISREG(info.st_mode) and nfc(relative) not in tree.files:
                    tree.files[nfc(relative)] = relative
            # A folder that is a link is reported above and never entered.
            dirs[:] = [d for d in dirs if not (Path(here) / d).is_symlink()]
    return tree


def _link_problem(source: str) -> Problem:
    return Problem(
        source,
        0,
        "det er et symbolsk link (en genvej til en anden fil eller mappe); sitet bygges kun af filer, "
        "der ligger i projektet.",
        "slet linket, og læg en kopi af selve filen her i stedet.",
    )


def _not_plain_problem(source: str) -> Problem:
    return Problem(
        source,
        0,
        "det er ikke en almindelig fil (men fx en enhed eller en navngivet pipe).",
        "slet den, og læg en almindelig fil her i stedet.",
    )


def _too_large_problem(source: str, limit: int) -> Problem:
    return Problem(
        source,
        0,
        f"filen er større end {limit // (1024 * 1024)} MB, som er det største, sitet læser.",
        "del teksten op i flere filer, eller tjek, at det er den rigtige fil.",
    )


def _clash_problem(relative: str, first: str) -> Problem:
    same = nfc(relative) == nfc(first)
    why = (
        "har samme navn, skrevet med to forskellige tegnkodninger af æ, ø eller å"
        if same
        else "har samme navn, når man ser bort fra store og små bogstaver"
    )
    return Problem(
        relative,
        0,
        f"filen og '{first}' {why}; på Windows og Mac bliver de til én fil, og den ene går tabt.",
        "giv den ene fil et andet navn, eller slet den, hvis de er ens.",
    )
