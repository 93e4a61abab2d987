"""Data-table plugin: CSV datasets in data/ embedded in Markdown, catalogue and dataset pages."""

from .plugin import register

__all__ = ["register"]
