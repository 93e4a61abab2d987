"""When each file of content/ and data/ last changed: the date of the last commit that touched it.

Read from git once per build, so it is the same for every build of a commit. Outside git, in a
shallow clone (whose oldest commit would claim every file) or when git fails, nothing is known and
pages say nothing rather than something wrong.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plugins.kb.model import DANISH_TIME

FOLDERS = ("content", "data")


@dataclass(frozen=True, slots=True)
class History:
    """The day each file (a path from the repository's root, "content/…") was last committed."""

    changed: dict[str, dt.date] = field(default_factory=dict)

    def last_changed(self, *paths: str) -> dt.date | None:
        """The newest of these files' days, or None when none of them is known."""
        found = [self.changed[path] for path in paths if path in self.changed]
        return max(found, default=None)

    @property
    def newest(self) -> dt.date | None:
        """The day the site's content last changed."""
        return max(self.changed.values(), default=None)


def parse_log(text: str) -> dict[str, dt.date]:
    """``git log -z --format=%ct --name-only`` (newest first) as each file's newest day, in Danish time.

    Each commit is its time and its files, each ended by NUL (so a name with a quote or a tab comes
    as it is), the files after a newline. A part of digits alone is a commit's time: every file is
    under a folder, so its name never is.
    """
    changed: dict[str, dt.date] = {}
    day = None
    for part in text.split("\0"):
        item = part.lstrip("\n")  # the newline after a commit's time
        if item.isdigit():
            day = dt.datetime.fromtimestamp(int(item), DANISH_TIME).date()
        elif item and day is not None:
            changed.setdefault(item, day)
    return changed


def read_history(root: Path, folders: Iterable[str] = FOLDERS) -> History:
    """The history of ``folders`` in the git repository at ``root``; empty outside a full clone."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return History()
    log = _git(root, "log", "-z", "--format=%ct", "--name-only", "--no-renames", "--relative", "--", *folders)
    return History(parse_log(log)) if log is not None else History()


def _git(root: Path, *args: str) -> str | None:
    try:
        found = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:  # no git on this machine
        return None
    return found.stdout if found.returncode == 0 else None
