"""Formatting plugin: Danish date and time filters for the theme's templates."""

from .plugin import register

__all__ = ["register"]
