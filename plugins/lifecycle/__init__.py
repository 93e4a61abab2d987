"""What each build writes, asked of the build's description (plugins/kb/build.py)."""

from .plugin import register

__all__ = ["register"]
