"""How long the live preview (``praktikviden serve``) takes to show an edited file.

When a minutes file is saved, the preview rewrites just that meeting's page (``site.rebuild_pages``,
the minutes it parsed before kept in memory), and once the editor pauses it builds everything,
search index included (``site.build``). This times both in one process, as the preview runs them,
after one minutes file was edited (median of --runs), for the repository's own content and for
generated corpora (benchmarks/generate.py). With ``--browser`` it measures what an editor sees: the
preview itself (``praktikviden serve``) runs, Debian's Chromium shows the meeting, and the time is
from saving the file until the saved text is on the screen (the page reloads itself). Usage:

    .venv/bin/python -m benchmarks.preview --sizes 0 100 1000 --runs 3
    .venv/bin/python -m benchmarks.preview --sizes 1000 --runs 5 --browser
    .venv/bin/python -m benchmarks.preview --sizes 1000 --runs 5 --browser --pause 3

Size 0 is the repository's own content.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from benchmarks.generate import generate
from praktikviden import cli, site
from tests.chromium import CHROMIUM, CHROMIUM_ARGS


def rebuild_seconds(content: Path, output: Path, runs: int) -> tuple[float, float]:
    """Build once (the preview's start), then edit one file and rebuild ``runs`` times.

    Returns the median seconds until the edited page is written, and until the full build after it
    is done.
    """
    settings = site.preview_settings(
        site.load_settings(site.PREVIEW_CONF, PATH=str(content), OUTPUT_PATH=str(output)), threading.Event()
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


def _state(output: Path) -> int | None:
    try:
        return json.loads((output / "livereload.json").read_text(encoding="utf-8"))["build"]
    except (OSError, ValueError):
        return None


def _wait(condition, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the preview did not rebuild in time")
        time.sleep(0.02)


def browser_seconds(content: Path, output: Path, runs: int, browser, pause: float | None) -> float:
    """Median seconds from saving a minutes file until Chromium shows the saved text.

    Between two saves the editor waits ``pause`` seconds after the text showed, or, if None, until
    the full build that follows a pause has finished.
    """
    settings = site.load_settings(
        site.PREVIEW_CONF, PATH=str(content), OUTPUT_PATH=str(output), LIVE_RELOAD=True
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stop = threading.Event()
    server = threading.Thread(target=cli.preview, args=(settings, port, stop), daemon=True)
    server.start()
    _wait(lambda: _state(output) is not None)
    edited = sorted((content / "referater").glob("*.md"))[-1]  # "2000-01-03-luu-pa-amu.md"
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/referater/{edited.stem[11:]}/{edited.stem[:10]}/")
    times = []
    try:
        for run in range(runs):
            marker, before = f"Målepunkt {run} i referatet.", _state(output)
            started = time.perf_counter()
            edited.write_text(edited.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            _wait(lambda: _shows(page, marker))  # noqa: B023 - used before the next run
            times.append(time.perf_counter() - started)
            if pause is not None:
                time.sleep(pause)
                continue
            # The quick build, then the full one once the editor pauses: let both finish.
            _wait(lambda: _state(output) != before)  # noqa: B023
            quick = _state(output)
            _wait(lambda: _state(output) != quick)  # noqa: B023
    finally:
        stop.set()
        page.close()
        server.join(timeout=120)
    return statistics.median(times)


def _shows(page, text: str) -> bool:
    try:
        return text in page.inner_text("body", timeout=1000)
    except PlaywrightError:  # the page is reloading
        return False


def _content(count: int, tmp: Path) -> tuple[Path, str]:
    """A generated corpus of ``count`` minutes, or for 0 a copy of the repository's content."""
    if count:
        return generate(count, tmp / "corpus"), f"{count:,} generated minutes"
    content = tmp / "content"
    shutil.copytree(site.ROOT / "content", content)
    shutil.copytree(site.ROOT / "data", tmp / "data")
    return content, "the repository's content"


def main() -> None:
    """Print one table row per corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="time save → text on screen in Chromium")
    parser.add_argument(
        "--pause", type=float, help="with --browser: seconds between seeing an edit and the next save"
    )
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if args.browser:
        print("| content | saved text on the screen after (median) |")
        print("|---|---:|")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for count in args.sizes:
                with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(sys.stderr):
                    content, name = _content(count, Path(tmp))
                    seconds = browser_seconds(content, Path(tmp) / "output", args.runs, browser, args.pause)
                print(f"| {name} | {seconds:.1f} s |", flush=True)
            browser.close()
        return
    print("| content | edited page shown after | everything, search included, after |")
    print("|---|---:|---:|")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            content, name = _content(count, Path(tmp))
            quick, full = rebuild_seconds(content, Path(tmp) / "output", args.runs)
        print(f"| {name} | {quick:.1f} s | {full:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
