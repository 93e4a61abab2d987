"""Registers plugin: decisions, follow-ups, organisations, calendar with ICS, open data, sitemap."""

from .plugin import register

__all__ = ["register"]
