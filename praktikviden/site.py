"""Check, build and preview the site with Pelican: the operations behind the command line."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import jinja2
import jinja2.bccache
from pelican import Pelican
from pelican.settings import read_settings

from plugins.kb.problems import Problem
from plugins.validator.plugin import all_problems

ROOT = Path(__file__).resolve().parent.parent
PREVIEW_CONF = "pelicanconf.py"
PUBLISH_CONF = "publishconf.py"


class BuildFailed(Exception):
    """Pelican itself reported errors (logged as they happened); nothing was published."""

    exitcode = 1


def load_settings(conf: str = PREVIEW_CONF, **overrides) -> dict:
    """Read a Pelican settings file of this repository, with ``overrides`` applied."""
    return read_settings(str(ROOT / conf), override=overrides)


class _KeptBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory between builds of one process (Jinja checks the source)."""

    def __init__(self):
        self._kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give the bucket the compiled template, if kept."""
        if bucket.key in self._kept:
            bucket.bytecode_from_string(self._kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the compiled template."""
        self._kept[bucket.key] = bucket.bytecode_to_string()


def preview_settings(settings: dict) -> dict:
    """``settings`` for the many builds of the live preview in one process.

    The minutes parsed and the templates compiled in one build are kept for the next: an edit then
    costs only the files it touched.
    """
    jinja = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": _KeptBytecode()}
    return {**settings, "KB_KEEP_PARSED": True, "JINJA_ENVIRONMENT": jinja}


def check(settings: dict) -> list[Problem]:
    """Read every content file, committee, theme and dataset as a build would; write nothing.

    This is the first half of ``Pelican.run``: the generators build their context, then the
    validator's checks run on it. Nothing reaches the output folder.
    """
    pelican = Pelican(settings)
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={})
    context["localsiteurl"] = settings["SITEURL"]
    generators = [
        cls(
            context=context,
            settings=settings,
            path=pelican.path,
            theme=pelican.theme,
            output_path=pelican.output_path,
        )
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
    return sorted(all_problems(generators), key=Problem.sort_key)


class _ErrorCounter(logging.Handler):
    """Count the errors Pelican logs while it builds."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _run(settings: dict) -> None:
    """Run Pelican; raise BuildFailed if it logged errors."""
    counter = _ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        Pelican(settings).run()
    finally:
        logging.getLogger().removeHandler(counter)
    if counter.count:
        raise BuildFailed(f"{counter.count} fejl under bygningen (se ovenfor) — intet er udgivet.")


def build(settings: dict) -> Path:
    """Build the site into its output folder atomically; return the folder.

    The site is written to a new folder beside the output folder and swapped in only when the build
    succeeded: bad content or a Pelican error leaves the previous site untouched, never half-built.

    Raises:
        ContentError: the content has problems (every one is listed).
        BuildFailed: Pelican logged errors while building.

    """
    output = Path(settings["OUTPUT_PATH"]).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-ny-", dir=output.parent))
    try:
        _run({**settings, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False})
        _swap(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


def rebuild_pages(settings: dict, minutes: list[Path]) -> None:
    """Rewrite in place only the pages of these minutes files: the live preview's quick build.

    Everything is read and checked as in a full build, so a problem anywhere still stops it before
    anything is written. Listings, registers, feeds and the search index are left as they were
    (plugins/preview); a full build brings them up to date.

    Raises:
        ContentError: the content has problems (every one is listed).
        BuildFailed: Pelican logged errors while building.

    """
    _run(
        {
            **settings,
            "KB_WRITE_ONLY": [str(path) for path in minutes],
            "SEARCH_INDEX": False,
            "DELETE_OUTPUT_DIRECTORY": False,
        }
    )


def _swap(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames, so a reader never sees a mix."""
    staging.chmod(0o755)  # mkdtemp makes the folder private; the site is public
    old = output.with_name(f".{output.name}-gammel")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)
