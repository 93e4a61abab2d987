"""The memory a command and the processes it starts use together, counting shared pages once (Linux).

A forked process shares its parent's memory until either changes it, and each process's peak
resident size (``ru_maxrss``, what benchmarks.run_build reports) counts the shared pages again. This
runs the command and every 0.2 s sums the proportional set size (PSS: a shared page counted once,
split between its sharers) of the command and all its descendants, from ``/proc/PID/smaps_rollup``.
It prints the command's last line of output, then the peak of that sum and of the resident sizes
summed. Usage:

    .venv/bin/python -m benchmarks.shared_memory .venv/bin/python -m benchmarks.run_build ours CONTENT OUTPUT
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid, *(found for child in children for found in descendants(int(child)))]


def memory_kb(pid: int) -> tuple[int, int]:
    """The process's proportional and resident set sizes in KB, or (0, 0) once it has ended."""
    sizes = {"Pss:": 0, "Rss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(" ")
            if name in sizes:
                sizes[name] = int(rest.split()[0])
    except (OSError, ValueError):
        return 0, 0
    return sizes["Pss:"], sizes["Rss:"]


def main() -> None:
    """Run the command given and report its peak memory, shared pages counted once."""
    peak_pss = peak_rss = processes = 0
    with tempfile.TemporaryFile("w+") as shown:  # not a pipe: a full one would stop the command
        process = subprocess.Popen(sys.argv[1:], stdout=shown, stderr=subprocess.DEVNULL, text=True)
        while process.poll() is None:
            found = [memory_kb(pid) for pid in descendants(process.pid)]
            pss = sum(size[0] for size in found)
            if pss > peak_pss:
                peak_pss, processes = pss, len(found)
            peak_rss = max(peak_rss, sum(size[1] for size in found))
            time.sleep(0.2)
        shown.seek(0)
        output = shown.read().strip().splitlines()
    print(output[-1] if output else "")
    print(
        f"peak PSS summed: {peak_pss / 1024:.0f} MB over {processes} processes; "
        f"peak resident sizes summed: {peak_rss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
