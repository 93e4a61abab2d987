"""The theme's templates as Jinja compiled them, kept in the build's content cache.

Pelican makes a Jinja environment for each generator, and each compiles the templates it renders
anew in every build (about 0.2 s). Jinja's own bytecode cache (``Environment.bytecode_cache``) asks
for a template's compiled code by the template's name and file and a digest of its source; here
that is kept in the content cache, under those and what else shapes the compiled code: Jinja's
version and the environment's options (``JINJA_ENVIRONMENT``). Jinja itself refuses code compiled
by another Python.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from plugins.kb.storage.cache import ContentCache, digest


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache in the build's content cache."""

    def __init__(self, cache: ContentCache, options: dict):
        self._cache = cache
        # A value whose repr names its address (a function) gives a key no later build asks for.
        self._environment = digest(f"jinja2={jinja2.__version__}", repr(sorted(options.items())))

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give ``bucket`` the code kept for it, if any (Jinja compiles the template otherwise)."""
        found = self._cache.get(self._key(bucket))
        if not isinstance(found, bytes):
            return
        try:
            bucket.bytecode_from_string(found)
        except (EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the code Jinja compiled for ``bucket``."""
        self._cache.put(self._key(bucket), bucket.bytecode_to_string())

    def _key(self, bucket: Bucket) -> str:
        return digest("jinja", self._environment, bucket.key, bucket.checksum)
