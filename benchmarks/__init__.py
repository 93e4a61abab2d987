"""Benchmarks: scripts that time and measure builds; not part of the test suite."""
