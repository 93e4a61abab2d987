"""Admin plugin: the browser editor at /admin/ (Decap CMS) and the "Rediger" links to it."""

from .plugin import register

__all__ = ["register"]
