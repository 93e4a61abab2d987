"""Minutes plugin: reads Markdown with YAML front matter into the meeting model."""

from .plugin import register

__all__ = ["register"]
