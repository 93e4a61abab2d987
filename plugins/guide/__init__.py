"""Guide plugin: the chapters of "Veje til den gode praktik" in order, per role and for print."""

from .plugin import register

__all__ = ["register"]
