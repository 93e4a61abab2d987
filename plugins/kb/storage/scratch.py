"""A build's own scratch folders and files, what a killed build leaves of them, and a swap in one step.

A build writes into folders and files of its own beside what it replaces, named with a prefix and
the id of the process that made them (``.output-ny-4711-x1y2z3``). A process killed outright
(SIGKILL, a power cut, a runner cancelled) cannot remove its own; the next build removes those whose
process no longer runs, and never a folder of a build still under way, in this process or another.
Process ids count on this machine only.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import tempfile
from pathlib import Path


def new_folder(parent: Path, prefix: str) -> Path:
    """A new, empty folder in ``parent`` that belongs to this process: ``<prefix><pid>-<random>``."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def new_file(parent: Path, prefix: str) -> tuple[int, Path]:
    """A new, empty file in ``parent`` that belongs to this process: its open handle and path."""
    handle, name = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}-", dir=parent)
    return handle, Path(name)


def left_over(parent: Path, prefix: str) -> list[Path]:
    """The folders and files in ``parent`` named ``<prefix>…`` whose process has ended.

    A name without a process id was made before names had one: it is left over too.
    """
    if not parent.is_dir():
        return []
    found = []
    for path in sorted(parent.iterdir()):
        if path.name.startswith(prefix):
            owner = re.match(r"(\d+)-", path.name[len(prefix) :])
            if owner is None or not _running(int(owner.group(1))):
                found.append(path)
    return found


def remove_left_over(parent: Path, prefix: str) -> None:
    """Remove what builds that were killed left in ``parent`` under ``prefix`` (see left_over)."""
    for path in left_over(parent, prefix):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


# renameat2(2) on Linux (glibc 2.28+): swap two paths' names atomically. Python has no call for it.
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(one: Path, other: Path) -> bool:
    """Swap the names of two existing folders in one step; False where the system cannot.

    Two renames leave a moment with neither folder under its name: a build killed in that moment
    would leave no site at all. Linux swaps both names at once; elsewhere (and on file systems
    without it) this returns False and changes nothing.
    """
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(one), _AT_FDCWD, os.fsencode(other), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(one), None, str(other))
