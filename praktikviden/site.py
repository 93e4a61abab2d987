"""Check, build and preview the site with Pelican: the operations behind the command line."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import jinja2
import jinja2.bccache
from pelican import Pelican
from pelican.settings import read_settings

from plugins.kb.build import Build, ChecksDone, setting
from plugins.kb.metadata.canonical import form_problems
from plugins.kb.problems import ContentError, Problem
from plugins.kb.storage.cache import ContentCache
from plugins.kb.storage.scratch import exchange, new_folder, remove_left_over

ROOT = Path(__file__).resolve().parent.parent
PREVIEW_CONF = "pelicanconf.py"
PUBLISH_CONF = "publishconf.py"
# Where the command line's builds keep parsed content between runs (the publish workflow restores it).
CACHE = ROOT / ".cache" / "indhold"


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


def preview_settings(settings: dict, stop: threading.Event) -> dict:
    """``settings`` for the many builds of the live preview in one process; each stops when ``stop`` is set.

    The content parsed and the templates compiled in one build are kept in memory for the next: an
    edit then costs only the files it touched.
    """
    jinja = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": _KeptBytecode()}
    described = replace(setting(settings, "KB_BUILD"), stop=stop, cache=ContentCache())
    return {**settings, "KB_BUILD": described, "JINJA_ENVIRONMENT": jinja}


def with_cache(settings: dict, folder: Path = CACHE) -> dict:
    """``settings`` with the content cache kept in ``folder`` between builds (the command line's builds)."""
    return {**settings, "KB_BUILD": replace(setting(settings, "KB_BUILD"), cache=ContentCache(folder))}


def check(settings: dict) -> list[Problem]:
    """Read every content file, committee, theme and dataset as a build would; write nothing.

    Pelican runs as for a build, and stops once the validator has checked everything (ChecksDone):
    nothing reaches the output folder. An error Pelican logged while reading (a file it could not
    process, say) is a problem too, even when the validator found none: a check never passes a file
    that was not read.
    """
    described = setting(settings, "KB_BUILD").checking()
    with _logging_errors() as errors:
        try:
            Pelican({**settings, "KB_BUILD": described, "DELETE_OUTPUT_DIRECTORY": False}).run()
        except ContentError as error:
            return error.problems
        except ChecksDone:
            pass
        else:
            raise RuntimeError("Pelican skrev sitet under et tjek.")  # the validator always stops a check
    if errors.records:
        return [_logged_problem(record, Path(settings["PATH"])) for record in errors.records]
    if described.cache is not None:
        described.cache.save(forget_unused=False)
    return []


# How Pelican's generators log a content file they could not read (pelican/generators.py).
_NOT_PROCESSED = "Could not process %s"


def _logged_problem(record: logging.LogRecord, content: Path) -> Problem:
    """The editor's problem for an error logged while reading: the file Pelican names, if it names one."""
    if record.msg == _NOT_PROCESSED and record.args:
        source = (content / str(record.args[0])).relative_to(content.parent).as_posix()
        return Problem(
            source,
            0,
            "filen kunne ikke læses; Pelican meldte en fejl i den (se ovenfor).",
            "ret det, fejlen ovenfor nævner, og kør 'praktikviden check' igen.",
        )
    return Problem(
        "Pelican",
        0,
        f"fejl under læsningen: {record.getMessage()}",
        "ret det, fejlen ovenfor nævner, og kør 'praktikviden check' igen.",
    )


def check_repository(settings: dict, root: Path) -> list[Problem]:
    """What ``praktikviden check`` reports for the repository at ``root``, whose content ``settings`` read.

    Everything :func:`check` finds, and every editor's file not in the one form the browser editor
    writes (plugins/kb/metadata/canonical.py); a file with other problems is left to those first.
    """
    problems = check(settings)
    return problems + form_problems(root, skip={problem.path for problem in problems})


def _save_cache(described: Build) -> None:
    if described.cache is not None:
        described.cache.save()


class _ErrorLog(logging.Handler):
    """Keep the errors logged while it is attached (by Pelican or a plugin)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _logging_errors() -> Iterator[_ErrorLog]:
    """Keep the errors logged while the block runs."""
    kept = _ErrorLog()
    logging.getLogger().addHandler(kept)
    try:
        yield kept
    finally:
        logging.getLogger().removeHandler(kept)


def _run(settings: dict) -> None:
    """Run Pelican; raise BuildFailed if it logged errors."""
    with _logging_errors() as errors:
        Pelican(settings).run()
    if errors.records:
        raise BuildFailed(f"{len(errors.records)} fejl under bygningen (se ovenfor) — intet er udgivet.")


def build(settings: dict) -> Path:
    """Build the site into its output folder atomically; return the folder.

    The site is written to a new folder beside the output folder and swapped in only when the build
    succeeded: bad content or a Pelican error leaves the previous site untouched, never half-built.
    The swap is one step, so a build killed at any moment (SIGKILL) leaves the output folder as it
    was or, once swapped, whole; the next build removes what a killed one left beside it.

    Raises:
        ContentError: the content has problems (every one is listed).
        BuildFailed: Pelican logged errors while building.

    """
    output = Path(settings["OUTPUT_PATH"]).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _recover(output)
    staging = new_folder(output.parent, _staging_prefix(output))
    try:
        _run({**settings, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False})
        _swap(staging, output)
        _save_cache(setting(settings, "KB_BUILD"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


def rebuild_pages(settings: dict, minutes: list[Path]) -> None:
    """Rewrite in place only the pages of these minutes files: the live preview's quick build.

    Everything is read and checked as in a full build, so a problem anywhere still stops it before
    anything is written. Listings, registers, feeds and the search index are left as they were
    (plugins/kb/build.py); a full build brings them up to date.

    Raises:
        ContentError: the content has problems (every one is listed).
        BuildFailed: Pelican logged errors while building.

    """
    described = setting(settings, "KB_BUILD").only_pages_of([str(path) for path in minutes])
    _run({**settings, "KB_BUILD": described, "DELETE_OUTPUT_DIRECTORY": False})
    _save_cache(described)


def _staging_prefix(output: Path) -> str:
    return f".{output.name}-ny-"


def _old(output: Path) -> Path:
    """Where a swap in two renames keeps the old site for a moment (where one step is not possible)."""
    return output.with_name(f".{output.name}-gammel")


def _recover(output: Path) -> None:
    """Tidy what killed builds left beside ``output``; put back the old site if one was killed mid-swap."""
    old = _old(output)
    if old.is_dir() and not output.exists():
        os.replace(old, output)
    shutil.rmtree(old, ignore_errors=True)
    remove_left_over(output.parent, _staging_prefix(output))


def _swap(staging: Path, output: Path) -> None:
    """Put ``staging`` in place of ``output`` in one step, so a reader never sees a mix, nor nothing.

    Linux swaps the two folders' names at once (``exchange``); the old site is then in ``staging``,
    which the caller removes. Elsewhere two renames, and a build killed between them leaves the old
    site beside, which the next build puts back (``_recover``).
    """
    staging.chmod(0o755)  # mkdtemp makes the folder private; the site is public
    if not output.exists():
        os.replace(staging, output)
        return
    if exchange(staging, output):
        return
    old = _old(output)
    shutil.rmtree(old, ignore_errors=True)
    os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)
