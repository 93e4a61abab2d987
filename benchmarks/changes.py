"""One edit and one new meeting, each committed, built by the code of several commits side by side.

As the publish workflow builds a push: the generated minutes are a git repository (a page's "Senest
ændret" comes from git), each change is a commit of its own on a later day, and each build is a
fresh process with the content cache of the build before. Each commit's code is checked out
(``git archive``) into a folder of its own with its own copy of the minutes; the builds of one step
run one after the other, so that the machine's load falls on each alike. Usage:

    .venv/bin/python -m benchmarks.changes 0fb8580 HEAD --minutes 1000 --rounds 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.build import add_one, commit, edit_one
from benchmarks.generate import generate
from benchmarks.search_index import checkout


def build(tree: Path, corpus: Path) -> float:
    """One build of ``corpus`` by the code in ``tree`` with its content cache, in a fresh process."""
    folders = [str(corpus / "content"), str(corpus / "output")]
    command = [sys.executable, "-m", "benchmarks.run_build", "ours", *folders, "--cache"]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True)
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
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate(args.minutes, work / "generated")
        trees, corpora = {}, {}
        for number, revision in enumerate(args.revisions):
            trees[revision] = checkout(revision, work / f"code-{number}")
            corpora[revision] = work / f"minutes-{number}"
            shutil.copytree(work / "generated", corpora[revision])
            commit(corpora[revision], "Referaterne", dt.date(2026, 11, 2))
        rows: dict[str, list[float]] = {revision: [] for revision in args.revisions}
        steps = [("cold", None)]
        for number in range(1, args.rounds + 1):
            steps += [(f"edit {number}", edit_one), (f"new meeting {number}", add_one)]
        for day, (_name, change) in enumerate(steps):
            for revision in args.revisions:
                if change is not None:
                    change(corpora[revision] / "content")
                    commit(corpora[revision], "Ændring", dt.date(2026, 11, 3) + dt.timedelta(days=day))
            for revision in args.revisions:
                rows[revision].append(build(trees[revision], corpora[revision]))
    print(f"{args.minutes} minutes in git, each change a commit; seconds")
    print("| code | " + " | ".join(name for name, _ in steps) + " |")
    print("|---|" + "---:|" * len(steps))
    for revision, seconds in rows.items():
        print(f"| {revision} | " + " | ".join(f"{s:.1f}" for s in seconds) + " |")


if __name__ == "__main__":
    main()
