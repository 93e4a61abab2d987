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
from zoneinfo import ZoneInfo

FOLDERS = ("content", "data")
_DENMARK = ZoneInfo("Europe/Copenhagen")


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
    """``git log --format=%ct --name-only`` (newest first) as each file's newest day, in Danish time.

    A line of digits starts a commit (its time); the lines after it name its files. Every file is
    under a folder, so a file name is never a line of digits alone.
    """
    changed: dict[str, dt.date] = {}
    day = None
    for line in text.splitlines():
        if line.isdigit():
            day = dt.datetime.fromtimestamp(int(line), _DENMARK).date()
        elif line and day is not None:
            changed.setdefault(line, day)
    return changed


def read_history(root: Path, folders: Iterable[str] = FOLDERS) -> History:
    """The history of ``folders`` in the git repository at ``root``; empty outside a full clone."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return History()
    log = _git(root, "log", "--format=%ct", "--name-only", "--no-renames", "--relative", "--", *folders)
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
