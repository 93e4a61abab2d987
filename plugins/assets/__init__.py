"""Assets plugin: the theme's own scripts and stylesheet published without comments and spaces."""

from .plugin import register

__all__ = ["register"]
