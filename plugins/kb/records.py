"""Frozen data classes that are quick to pickle: the parse's results cross processes and the cache.

For a class with ``slots=True``, ``dataclasses`` (Python 3.11) pickles an object's fields through
``fields()``, which it calls again for every object, both ways; at 1,000 minutes that is most of what
handing the parsed meetings from the parse's workers to the build costs (benchmarks/RESULTS.md).
:func:`quick_pickle` gives a class the same state, its fields' values in order, from names it looks
up once.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter


def quick_pickle(cls: type) -> type:
    """Give the frozen, slotted data class ``cls`` a pickled state made from its field names, once."""
    names = tuple(field.name for field in dataclasses.fields(cls))
    values = attrgetter(*names)

    def __getstate__(self) -> tuple:  # noqa: N807 (pickle's name)
        if type(self) is not cls:  # a subclass with fields of its own
            return tuple(getattr(self, field.name) for field in dataclasses.fields(self))
        found = values(self)
        return found if len(names) > 1 else (found,)

    def __setstate__(self, state) -> None:  # noqa: N807 (pickle's name)
        # A list from dataclasses' own __getstate__ is read the same: the fields' values in order.
        own = names if type(self) is cls else tuple(field.name for field in dataclasses.fields(self))
        for name, value in zip(own, state, strict=True):
            object.__setattr__(self, name, value)

    cls.__getstate__ = __getstate__
    cls.__setstate__ = __setstate__
    return cls
