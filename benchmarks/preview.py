"""How long the live preview (``praktikviden serve``) takes to show an edited file.

When a minutes file is saved, the preview rewrites just that meeting's page (``site.rebuild_pages``,
the minutes it parsed before kept in memory), and once the editor pauses it builds everything,
search index included (``site.build``). This times both in one process, as the preview runs them,
after one minutes file was edited (median of --runs), for the repository's own content and for
generated corpora (benchmarks/generate.py). Usage:

    .venv/bin/python -m benchmarks.preview --sizes 0 100 1000 --runs 3

Size 0 is the repository's own content.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from praktikviden import site


def rebuild_seconds(content: Path, output: Path, runs: int) -> tuple[float, float]:
    """Build once (the preview's start), then edit one file and rebuild ``runs`` times.

    Returns the median seconds until the edited page is written, and until the full build after it
    is done.
    """
    settings = site.load_settings(
        site.PREVIEW_CONF, PATH=str(content), OUTPUT_PATH=str(output), KB_KEEP_PARSED=True
    )
    site.build(settings)
    edited = sorted((content / "referater").glob("*.md"))[-1]
    quick, full = [], []
    for run in range(runs):
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nRettelse {run}.\n", encoding="utf-8")
        started = time.perf_counter()
        site.rebuild_pages(settings, [edited])
        quick.append(time.perf_counter() - started)
        started = time.perf_counter()
        site.build(settings)
        full.append(time.perf_counter() - started)
    return statistics.median(quick), statistics.median(full)


def main() -> None:
    """Print one table row per corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    print("| content | edited page shown after | everything, search included, after |")
    print("|---|---:|---:|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            if count:
                content, name = generate(count, Path(tmp) / "corpus"), f"{count:,} generated minutes"
            else:
                content, name = Path(tmp) / "content", "the repository's content"
                shutil.copytree(site.ROOT / "content", content)
                shutil.copytree(site.ROOT / "data", Path(tmp) / "data")
            quick, full = rebuild_seconds(content, Path(tmp) / "output", args.runs)
        print(f"| {name} | {quick:.1f} s | {full:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
