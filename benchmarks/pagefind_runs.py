"""Pagefind's program run on its own against the same index made through its Python API, side by side.

plugins/search runs the program for each index with its settings in a ``pagefind.json``; before, it
went through the Python API, which waits up to a tenth of a second for each answer. Both index the
meeting pages of one year of a built site, one after the other, --runs times; the script prints the
seconds of each and checks that both give the same files, byte for byte, once the filters are
sorted (plugins/search/stable.py). Usage, on a site built by ``benchmarks.run_build``:

    .venv/bin/python -m benchmarks.pagefind_runs /tmp/corpus/output --runs 3
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from plugins.search.parts import glob_of
from plugins.search.plugin import _pagefind
from plugins.search.stable import stabilise


async def _through_api(site: Path, target: Path, glob: str) -> None:
    async with PagefindIndex(config=IndexConfig(output_path=str(target))) as index:
        await index.add_directory(str(site), glob=glob)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def main() -> None:
    """Print the seconds of each way and whether their indexes are the same."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    meetings = sorted(args.site.glob("referater/*/*/index.html"))
    year = meetings[0].parent.name[:4]
    pages = [path.relative_to(args.site).as_posix() for path in meetings if path.parent.name.startswith(year)]
    glob = glob_of(pages)
    ways = {
        "program": lambda target: _pagefind(args.site, target, glob),
        "Python API": lambda target: asyncio.run(_through_api(args.site, target, glob)),
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    made: dict[str, dict[str, bytes]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.runs):
            for name, run in ways.items():
                target = Path(scratch) / name
                shutil.rmtree(target, ignore_errors=True)
                started = time.perf_counter()
                run(target)
                seconds[name].append(time.perf_counter() - started)
                stabilise(target)
                made[name] = _files(target)
    print(f"{len(pages)} meeting pages of {year}")
    for name, found in seconds.items():
        runs = " ".join(f"{value:.2f}" for value in found)
        print(f"{name}: {runs} s (median {statistics.median(found):.2f} s)")
    print("the same files, byte for byte:", made["program"] == made["Python API"])


if __name__ == "__main__":
    main()
