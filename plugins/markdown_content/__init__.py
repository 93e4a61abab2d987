"""Reads the Markdown files of content/ (minutes, pages, guide and report chapters) with the domain core."""

from .plugin import register

__all__ = ["register"]
