"""Attachments plugin: the type, size and searchable text of the files minutes link as Bilag."""

from .plugin import register

__all__ = ["register"]
