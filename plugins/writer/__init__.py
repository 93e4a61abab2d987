"""Writer plugin: Pelican's writer, writing the meeting pages on every core."""

from .plugin import register

__all__ = ["register"]
