"""Preview plugin: quick rebuilds that write only the pages of the minutes that changed."""

from .plugin import register

__all__ = ["register"]
