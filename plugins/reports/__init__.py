"""Reports plugin: each report's chapters in order, its front page with the contents, its print version."""

from .plugin import register

__all__ = ["register"]
