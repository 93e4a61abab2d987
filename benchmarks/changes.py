"""One edit and one new meeting, each committed, built by the code of several commits side by side.

As the publish workflow builds a push: the generated minutes are a git repository (a page's "Senest
ændret" comes from git), each change is a commit of its own on a later day, each build has that
day's midnight as ``SOURCE_DATE_EPOCH`` (publish.yml), and each build is a fresh process with the
content cache of the build before. Each commit's code is checked out (``git archive``) into a folder
of its own with its own copy of the minutes; the builds of one step run one after the other, so
that the machine's load falls on each alike. The same commit given twice measures the noise. Usage:

    .venv/bin/python -m benchmarks.changes 0fb8580 HEAD --minutes 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.build import add_one, commit, edit_one
from benchmarks.generate import generate
from benchmarks.search_index import ROOT, checkout

FIRST_DAY = dt.date(2026, 11, 2)


def build(tree: Path, corpus: Path, day: dt.date) -> float:
    """One build of ``corpus`` by the code in ``tree`` on ``day`` with its content cache, a new process."""
    folders = [str(corpus / "content"), str(corpus / "output")]
    command = [sys.executable, "-m", "benchmarks.run_build", "ours", *folders, "--cache"]
    midnight = dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(midnight))}
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{tree.name}: {done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def main() -> None:
    """Print one table row per commit: the cold build, then each round's edit and new meeting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="+")
    parser.add_argument("--minutes", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    names = [
        subprocess.run(
            ["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        for rev in args.revisions
    ]
    steps = [("cold", None)]
    for number in range(1, args.rounds + 1):
        steps += [(f"edit {number}", edit_one), (f"new meeting {number}", add_one)]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate(args.minutes, work / "generated")
        trees, corpora = [], []
        for number, name in enumerate(names):
            trees.append(checkout(name, work / f"code-{number}"))
            corpora.append(shutil.copytree(work / "generated", work / f"minutes-{number}"))
        rows: list[list[float]] = [[] for _ in names]
        for offset, (_step, change) in enumerate(steps):
            day = FIRST_DAY + dt.timedelta(days=offset)
            for corpus in corpora:
                if change is not None:
                    change(corpus / "content")
                commit(corpus, "Ændring" if change else "Referaterne", day)
            for number, (tree, corpus) in enumerate(zip(trees, corpora, strict=True)):
                rows[number].append(build(tree, corpus, day))
    print(f"{args.minutes} minutes in git, each change a commit; seconds")
    print("| code | " + " | ".join(step for step, _ in steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for name, seconds in zip(names, rows, strict=True):
        print(f"| {name} | " + " | ".join(f"{s:.1f}" for s in seconds) + " |")


if __name__ == "__main__":
    main()
