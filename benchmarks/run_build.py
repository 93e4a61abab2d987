"""Run one build in this process and print its wall time and peak memory as JSON (used by build.py).

python -m benchmarks.run_build ours|plain|plain-pagefind CONTENT OUTPUT [--cache] [--without PLUGIN]
    [--gc-off]

``ours`` is publishconf.py with every plugin and the search index; ``--cache`` keeps its content
cache in ``cache-kb/`` beside OUTPUT, as ``praktikviden build`` keeps it in ``.cache/``. ``plain`` is
Pelican with its defaults (``--cache``: its own content cache); ``plain-pagefind`` is the same,
followed by Pagefind's program on its output (``pagefind --site``). ``--without PLUGIN`` builds ours
without that plugin, to measure what one plugin gives. ``--gc-off`` builds with Python's garbage
collector off, to measure what it costs.

Every build starts with no OUTPUT folder, as in the publish workflow's fresh checkout, and with the
writes of what ran before on the disk (``fresh_output``): deleting an earlier build's output is no
part of a build, and writes still pending would fall on this build's time.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from pagefind.service import get_executable
from pelican import Pelican
from pelican.settings import read_settings

from plugins.kb.build import Build
from plugins.kb.storage.cache import ContentCache

ROOT = Path(__file__).resolve().parent.parent


def settings(kind: str, content: str, output: str, cache: bool) -> dict:
    """Our publish settings, or Pelican's defaults with its own theme."""
    override = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": str(Path(output).parent / "cache")}
    if kind == "ours":
        override["KB_DATA_PATH"] = str(ROOT / "data")
        if cache:
            override["KB_BUILD"] = replace(Build(), cache=ContentCache(Path(output).parent / "cache-kb"))
        return read_settings(str(ROOT / "publishconf.py"), override=override)
    override.update(CACHE_CONTENT=cache, LOAD_CONTENT_CACHE=cache)
    return read_settings(None, override=override)


def pagefind(output: str) -> None:
    """Index a written site with Pagefind's program, as its documentation says (``pagefind --site``)."""
    command = [str(get_executable()), "--site", output, "--output-path", str(Path(output) / "pagefind")]
    subprocess.run(command, check=True, capture_output=True)


def fresh_output(output: str) -> None:
    """Remove ``output`` and wait until the disk has every write made so far (``sync``)."""
    shutil.rmtree(output, ignore_errors=True)
    os.sync()


def cpu_seconds() -> float:
    """Processor time of this process and its finished children (Pagefind, the parse's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    """Build and report."""
    kind, content, output = sys.argv[1:4]
    cache = "--cache" in sys.argv
    chosen = settings(kind.removesuffix("-pagefind"), content, output, cache)
    if "--without" in sys.argv:
        left_out = sys.argv[sys.argv.index("--without") + 1]
        chosen["PLUGINS"] = [plugin for plugin in chosen["PLUGINS"] if plugin != left_out]
    if "--gc-off" in sys.argv:
        gc.disable()
    fresh_output(output)
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    Pelican(chosen).run()
    if kind == "plain-pagefind":
        pagefind(output)
    described = chosen.get("KB_BUILD")
    if described is not None and described.cache is not None:
        described.cache.save()
    seconds = time.perf_counter() - started
    own_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The largest child process: Pagefind, or a worker that parses minutes.
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds() - cpu_before,
                "peak_mb": max(own_kb, children_kb) / 1024,
                "build_peak_mb": own_kb / 1024,
                "child_peak_mb": children_kb / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
