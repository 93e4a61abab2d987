"""Run one build in this process and print its wall time and peak memory as JSON (used by build.py).

python -m benchmarks.run_build ours|plain CONTENT OUTPUT [--cache] [--without PLUGIN]

``--without plugins.writer`` builds ours without that plugin, to measure what one plugin gives.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


def settings(kind: str, content: str, output: str, cache: bool) -> dict:
    """Our publish settings, or Pelican's defaults with its own theme."""
    override = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": str(Path(output).parent / "cache")}
    if kind == "ours":
        override["KB_DATA_PATH"] = str(ROOT / "data")
        return read_settings(str(ROOT / "publishconf.py"), override=override)
    override.update(CACHE_CONTENT=cache, LOAD_CONTENT_CACHE=cache)
    return read_settings(None, override=override)


def main() -> None:
    """Build and report."""
    kind, content, output = sys.argv[1:4]
    cache = "--cache" in sys.argv
    chosen = settings(kind, content, output, cache)
    if "--without" in sys.argv:
        left_out = sys.argv[sys.argv.index("--without") + 1]
        chosen["PLUGINS"] = [plugin for plugin in chosen["PLUGINS"] if plugin != left_out]
    started = time.perf_counter()
    Pelican(chosen).run()
    seconds = time.perf_counter() - started
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
