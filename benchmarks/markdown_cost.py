"""What a minutes file's parse costs, and how much of it is Python-Markdown with which extensions.

The parse renders each block of a meeting on its own (about 37 conversions per file). This script
times, in one process, on the same generated minutes (benchmarks/generate.py), one after the other
--runs times: the whole parse (``ContentReader.parse_minutes``' work: parse_meeting, follow-ups,
list-number warnings, links, table references), the same blocks converted with the site's Markdown
settings (with the extensions Pelican's reader adds), with them but without the plain-text shortcut,
with no extensions at all, and each file's body converted whole in one conversion, as
plain Pelican does; and the parsed meeting with its follow-ups pickled and unpickled, as a worker
hands it to the build and the content cache keeps it. Milliseconds per file, medians. Usage:

    .venv/bin/python -m benchmarks.markdown_cost --minutes 200 --runs 3
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from markdown import Markdown
from pelican.settings import read_settings

from benchmarks.generate import ROOT, generate
from plugins.kb.content.links import find_links
from plugins.kb.content.listnumbers import file_warnings
from plugins.kb.content.parse import parse_meeting
from plugins.kb.content.tablerefs import find_table_refs
from plugins.kb.metadata.frontmatter import split_front_matter
from plugins.kb.outputs.registers import follow_ups
from plugins.markdown_content.reader import ContentReader

# The extension that spares plain text the work Markdown does for markup (plugins/formatting/plaintext.py).
SHORTCUT = "plugins.formatting.plaintext"


def _per_file(work: Callable[[], None], files: int, runs: int) -> float:
    """Median milliseconds per file of ``work`` over ``runs`` (after one run to warm up)."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000 / files)
    return statistics.median(times)


def main() -> None:
    """Print one table row per way of converting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    with tempfile.TemporaryDirectory() as tmp:
        content = generate(args.minutes, Path(tmp))
        files = {
            path.relative_to(content.parent).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted((content / "referater").glob("*.md"))
        }
        committees = {path.stem for path in (content / "udvalg").glob("*.yml")}
    # The reader completes the Markdown settings with their extensions, as in a build.
    renderer = ContentReader(settings).renderer
    blocks: list[str] = []
    parsed: list[tuple] = []  # (meeting, follow-ups) per file, as a worker hands them back

    def parse(render: Callable[[str], str]) -> None:
        parsed.clear()
        for source, text in files.items():
            meeting, problems = parse_meeting(text, source, committees, render)
            assert meeting is not None, problems
            parsed.append((meeting, tuple(follow_ups(meeting))))
            tuple(file_warnings(text, source))
            find_links(text)
            find_table_refs(text)

    parse(lambda markdown: blocks.append(markdown) or renderer.body(markdown))
    pickled = [pickle.dumps(one, pickle.HIGHEST_PROTOCOL) for one in parsed]
    bodies = [split_front_matter(text, source)[1] for source, text in files.items()]
    ours, bare = Markdown(**settings["MARKDOWN"]), Markdown(output_format="html5")
    extensions = [name for name in settings["MARKDOWN"]["extensions"] if name != SHORTCUT]
    unshortened = Markdown(**{**settings["MARKDOWN"], "extensions": extensions})
    rows = {
        "the whole parse (site's Markdown settings)": lambda: parse(renderer.body),
        "its blocks converted, site's Markdown settings": lambda: [ours.reset().convert(b) for b in blocks],
        "its blocks converted, site's settings without the plain-text shortcut": lambda: [
            unshortened.reset().convert(b) for b in blocks
        ],
        "its blocks converted, no Markdown extensions": lambda: [bare.reset().convert(b) for b in blocks],
        "each body converted whole, site's settings": lambda: [ours.reset().convert(b) for b in bodies],
        "the parsed meeting pickled (a worker's answer)": lambda: [
            pickle.dumps(one, pickle.HIGHEST_PROTOCOL) for one in parsed
        ],
        "the parsed meeting unpickled (the build's side)": lambda: [pickle.loads(data) for data in pickled],
    }
    print(f"{len(files)} generated minutes, {len(blocks) / len(files):.0f} blocks per file; ms per file")
    print("| what | ms per file |\n|---|---:|")
    for name, work in rows.items():
        print(f"| {name} | {_per_file(work, len(files), args.runs):.2f} |", flush=True)


if __name__ == "__main__":
    main()
