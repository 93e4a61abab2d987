"""Our full build (search index included) against plain Pelican, alone and followed by Pagefind.

For each corpus size the same generated minutes (benchmarks/generate.py) are built by each, each
build in a fresh process, the three in turn: wall time and processor time (medians of --runs),
peak memory (the build and its child processes, Pagefind included), output size, and the time to
build again in a fresh process after editing one file and after adding one, each with its content
cache from the build before (ours: the folder the publish workflow restores). The corpus is a git
repository and each change is committed, as the publish workflow builds it: a page's "Senest
ændret" is read from git. Usage:

    .venv/bin/python -m benchmarks.build --sizes 100 1000 3000 --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import generate

NAMES = {
    "plain": "plain Pelican, default theme",
    "plain-pagefind": "plain Pelican, then Pagefind",
    "ours": "Praktikviden, with search",
}


def build(kind: str, content: Path, output: Path, cache: bool = False) -> dict:
    """One build in a fresh Python process; returns run_build's figures (seconds, cpu_seconds, peak_mb …)."""
    command = [sys.executable, "-m", "benchmarks.run_build", kind, str(content), str(output)]
    done = subprocess.run(
        command + (["--cache"] if cache else []), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def size_mb(folder: Path) -> float:
    """Bytes of all files under ``folder``, in MB."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1024 / 1024


def edit_one(content: Path) -> None:
    """Append a sentence to one meeting, as an editor fixing a typo would change a file."""
    first = sorted((content / "referater").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nRettet efter mødet.\n", encoding="utf-8")


def add_one(content: Path) -> None:
    """Add the minutes of a meeting a week after the newest, as an editor adds the latest minutes."""
    newest = sorted((content / "referater").glob("*.md"))[-1]
    day = newest.name[:10]
    later = (dt.date.fromisoformat(day) + dt.timedelta(days=7)).isoformat()
    text = newest.read_text(encoding="utf-8").replace(day, later)
    newest.with_name(later + newest.name[10:]).write_text(text, encoding="utf-8")


def commit(corpus: Path, message: str, day: dt.date) -> None:
    """Commit the content and data of ``corpus`` (made a git repository if it is not one) on ``day``."""
    when = f"{day.isoformat()}T12:00:00+01:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for who in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{who}_NAME": "Sekretariatet", f"GIT_{who}_EMAIL": "sekretariat@example.org"}
    git = ["git", "-C", str(corpus)]
    if not (corpus / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True, env=env)
    folders = [name for name in ("content", "data") if (corpus / name).is_dir()]
    subprocess.run([*git, "add", "-A", "--", *folders], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", message], check=True, env=env)


def measure(corpora: dict[str, Path], runs: int) -> dict[str, dict]:
    """Each kind's median time, peak memory and output size over ``runs`` builds, then after changes.

    ``corpora``: each kind's own copy of the minutes. Every step is built by each kind in turn, so
    that the machine's load, which varies over minutes, falls on each alike. One file edited
    (edit_one), then one new meeting (add_one): each build in a fresh process, with the content cache
    of the build before.
    """
    for corpus in corpora.values():
        commit(corpus, "Referaterne", dt.date(2026, 11, 2))
    results: dict[str, list[dict]] = {kind: [] for kind in corpora}
    for _ in range(runs):
        for kind, corpus in corpora.items():
            shutil.rmtree(corpus / "cache", ignore_errors=True)
            shutil.rmtree(corpus / "cache-kb", ignore_errors=True)
            results[kind].append(build(kind, corpus / "content", corpus / "output"))
    figures = {
        kind: {
            "seconds": statistics.median(r["seconds"] for r in found),
            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in found),
            "peak_mb": max(r["peak_mb"] for r in found),
            "output_mb": size_mb(corpora[kind] / "output"),
        }
        for kind, found in results.items()
    }
    for kind, corpus in corpora.items():
        build(kind, corpus / "content", corpus / "output", cache=True)  # fills the content cache
    changes = (
        ("rebuild_seconds", edit_one, "Rettelse", dt.date(2026, 11, 3)),
        ("added_seconds", add_one, "Nyt referat", dt.date(2026, 11, 4)),
    )
    for name, change, message, day in changes:
        for corpus in corpora.values():
            change(corpus / "content")
            commit(corpus, message, day)
        for kind, corpus in corpora.items():
            figures[kind][name] = build(kind, corpus / "content", corpus / "output", cache=True)["seconds"]
    return figures


def main() -> None:
    """Print one table row per corpus size and site."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(
        "| minutes | build | median time | processor time | peak memory | output | one file edited "
        "| one new meeting | ÷ plain | ÷ plain + Pagefind |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpora = {kind: Path(tmp) / kind for kind in ("plain", "plain-pagefind", "ours")}
            for kind, corpus in corpora.items():
                generate(count, corpus, plain=kind != "ours")
            figures = measure(corpora, args.runs)
        plain, plain_pagefind = figures["plain"], figures["plain-pagefind"]
        for kind, name in NAMES.items():
            found = figures[kind]
            ratios = (found["seconds"] / plain["seconds"], found["seconds"] / plain_pagefind["seconds"])
            print(
                f"| {count:,} | {name} | {found['seconds']:.1f} s | {found['cpu_seconds']:.1f} s | "
                f"{found['peak_mb']:.0f} MB | {found['output_mb']:.0f} MB | "
                f"{found['rebuild_seconds']:.1f} s | {found['added_seconds']:.1f} s | "
                f"{ratios[0]:.2f} | {ratios[1]:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
