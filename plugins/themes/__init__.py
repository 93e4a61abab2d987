"""Themes plugin: one page per theme gathering agenda items, decisions, reports and datasets."""

from .plugin import register

__all__ = ["register"]
