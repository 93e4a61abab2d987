"""Files plugin: the build reads plain files inside the repository only, each by one name."""

from .plugin import register

__all__ = ["register"]
