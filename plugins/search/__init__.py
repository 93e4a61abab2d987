"""Search plugin: Pagefind's index of the built site, and the search terms the templates add."""

from .plugin import register

__all__ = ["register"]
