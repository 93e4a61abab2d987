"""The search index made after the pages (one index after the other) against overlapping the writing.

Before commit 11b06be plugins/search indexed the meeting pages' parts in a thread of its own while
Pelican wrote the other pages. This builds the same generated minutes with the code of two commits,
each checked out (``git archive``) into a folder of its own, in alternating fresh processes
(``benchmarks.run_build ours``, with the search index): wall time and peak memory of the whole
build, median of ``--runs``. Usage:

    .venv/bin/python -m benchmarks.search_index --before a01577a --after HEAD --minutes 1000 --runs 3
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def checkout(revision: str, target: Path) -> Path:
    """The files of ``revision`` in ``target`` (no .git)."""
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    # The browser editor's bundle, which the build copies into the site, is installed here only.
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def build(tree: Path, content: Path, output: Path) -> dict:
    """One full build with the search index by the code in ``tree``, in a fresh process."""
    command = [sys.executable, "-m", "benchmarks.run_build", "ours", str(content), str(output)]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{tree.name}: {done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print one table row per revision."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--minutes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        content = generate(args.minutes, work / "corpus")
        trees = {
            name: checkout(rev, work / name) for name, rev in (("before", args.before), ("after", args.after))
        }
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():
                runs[name].append(build(tree, content, work / f"output-{name}"))
        parts = len(json.loads((work / "output-after" / "pagefind" / "dele.json").read_text()))
    print(f"{args.minutes} minutes, {parts} parts of the index besides the pages, {args.runs} runs each")
    print("| code | median time | times | peak memory |")
    print("|---|---:|---|---:|")
    for name, rev in (("before", args.before), ("after", args.after)):
        seconds = [run["seconds"] for run in runs[name]]
        times = ", ".join(f"{s:.1f}" for s in seconds)
        peak = max(run["peak_mb"] for run in runs[name])
        print(f"| {name} ({rev}) | {statistics.median(seconds):.1f} s | {times} | {peak:.0f} MB |")


if __name__ == "__main__":
    main()
