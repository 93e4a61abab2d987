"""What a written page was made from, as one digest: the content cache's key for the page's bytes.

A page's template is handed values: minutes and pages, registries' entries, numbers and text. Each
value is written out in full, except content read from a file (anything with ``kb_digest``, which
the reader gives every file: a digest of its text and of everything it was parsed against), which
the caller describes, with what the plugins linked it to. A value of any other kind cannot be
described: the page is then rendered as always.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
from collections.abc import Callable

from markupsafe import Markup

from plugins.kb.storage.cache import digest


class Undescribed(Exception):
    """A value this module cannot write out: the page it goes into is not taken from the cache."""


_PLAIN = (str, int, float, bool, type(None), datetime.date, datetime.time, datetime.timedelta)


class PageInputs:
    """Digests of what the pages of one build are made from.

    ``content`` describes an object that has ``kb_digest``. Data classes are described once each (the
    same decisions and registries go into many pages); each one described is kept alive with its
    digest, so that no other object takes its ``id`` during the build.
    """

    def __init__(self, content: Callable[[object], str]):
        self._content = content
        self._described: dict[int, tuple[object, str]] = {}

    def digest(self, values: dict) -> str:
        """A digest of ``values`` (a template's arguments by name).

        Raises:
            Undescribed: a value is of a kind not written out.

        """
        parts: list[str] = []
        self._describe(values, parts)
        return digest(*parts)

    def _describe(self, value, parts: list[str]) -> None:
        """Write ``value`` out onto ``parts`` (appended to one list: pages hand many thousands)."""
        if isinstance(value, Markup):
            parts.append(f"Markup:{value}")
        elif isinstance(value, enum.Enum):
            parts.append(f"{type(value).__qualname__}.{value.name}")
        elif isinstance(value, _PLAIN):
            parts.append(f"{type(value).__name__}:{value!r}")
        elif hasattr(value, "kb_digest"):
            parts.append(f"indhold:{self._content(value)}")
        elif isinstance(value, dict):
            parts.append(f"dict:{len(value)}")
            for key in sorted(value, key=repr):
                self._describe(key, parts)
                self._describe(value[key], parts)
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            parts.append(f"{type(value).__name__}:{len(value)}")
            for item in items:
                self._describe(item, parts)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            parts.append(self._dataclass(value))
        elif type(value).__name__ in ("Category", "Tag", "Author"):  # Pelican's: a name and its slug
            parts.append(f"{type(value).__name__}:{value.name!r}:{value.slug!r}")
        else:
            raise Undescribed(type(value).__qualname__)

    def _dataclass(self, value) -> str:
        kept = self._described.get(id(value))
        if kept is not None:
            return kept[1]
        parts = [f"{type(value).__module__}.{type(value).__qualname__}"]
        for name in _field_names(type(value)):
            self._describe(getattr(value, name), parts)
        described = digest(*parts)
        self._described[id(value)] = (value, described)
        return described


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(found.name for found in dataclasses.fields(cls))


def content_digest(content, linked: tuple[str, ...]) -> str:
    """A digest of a content file's ``kb_digest`` and of the content the plugins linked it to.

    ``linked`` names the attributes that link it (its neighbours, related items, attachments); what
    they hold counts with the linked content's own ``kb_digest``.
    """
    inputs = PageInputs(lambda other: other.kb_digest)
    parts = [content.kb_digest]
    for name in linked:
        parts += [name, inputs.digest({name: getattr(content, name, None)})]
    return digest(*parts)
