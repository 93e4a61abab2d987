"""How long the live preview (``praktikviden serve``) takes to show an edited file.

The preview rebuilds the whole site, search index included, in its running process. This times
``site.build`` there after one minutes file was edited (median of --runs), for the repository's own
content and for generated corpora (benchmarks/generate.py). Usage:

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


def rebuild_seconds(content: Path, output: Path, runs: int) -> float:
    """Build once (the preview's start), then edit one file and rebuild ``runs`` times."""
    settings = site.load_settings(site.PREVIEW_CONF, PATH=str(content), OUTPUT_PATH=str(output))
    site.build(settings)
    edited = sorted((content / "referater").glob("*.md"))[-1]
    times = []
    for run in range(runs):
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nRettelse {run}.\n", encoding="utf-8")
        started = time.perf_counter()
        site.build(settings)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print one table row per corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    print("| content | edit shown after (median) |")
    print("|---|---:|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            if count:
                content, name = generate(count, Path(tmp) / "corpus"), f"{count:,} generated minutes"
            else:
                content, name = Path(tmp) / "content", "the repository's content"
                shutil.copytree(site.ROOT / "content", content)
                shutil.copytree(site.ROOT / "data", Path(tmp) / "data")
            seconds = rebuild_seconds(content, Path(tmp) / "output", args.runs)
        print(f"| {name} | {seconds:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
