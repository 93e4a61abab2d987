"""Debian's Chromium for the benchmarks, launched as the browser tests launch it (tests/chromium.py)."""

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]
