"""Validator plugin: stops the build, before anything is written, on any content problem."""

from .plugin import register

__all__ = ["register"]
