"""Collect every problem found while reading content, committees, themes and data; stop the build.

Also warn (without stopping) about a line that would become a list number but looks like text.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pelican import signals

from plugins.kb.build import ChecksDone, setting
from plugins.kb.content.links import link_problems
from plugins.kb.content.reports import report_problems
from plugins.kb.outputs.formatting import format_date
from plugins.kb.problems import ContentError, Problem, unreadable

# Settings that hold a registry with a ``problems`` list, filled on ``initialized``.
REGISTRIES = ("KB_FILES", "KB_COMMITTEES", "KB_THEMES", "KB_REPORTS", "KB_ORGANISATIONS", "KB_DATASETS")
_CONTENT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")
log = logging.getLogger(__name__)


def all_problems(generators) -> list[Problem]:
    """Return every problem in the registries, the content files, their links and the meetings."""
    settings = generators[0].settings
    problems = [p for key in REGISTRIES if key in settings for p in settings[key].problems]
    readable = []
    for content in _contents(generators):
        found = getattr(content, "kb_problems", [])
        problems += found
        if not found:
            readable.append(content)
    problems += _unprocessed(generators[0].context, Path(settings["PATH"]))
    problems += _broken_links(readable, generators[0].context, Path(settings["PATH"]))
    problems += _duplicate_meetings(readable, Path(settings["PATH"]))
    problems += report_problems(c.kb_anchors for c in readable if hasattr(c, "kb_anchors"))
    return problems


def stop_on_problems(generators) -> None:
    """Raise one ContentError listing all problems, sorted by file and line; end a check here.

    all_generators_finalized runs after every file is read and before anything is written, so a
    failing build publishes nothing and the editor sees every problem at once. A check (see
    plugins/kb/build.py) that finds none stops here too, with ChecksDone.
    """
    problems = all_problems(generators)
    if problems:
        raise ContentError(problems)
    if setting(generators[0].settings, "KB_BUILD").check:
        raise ChecksDone


def _contents(generators):
    for generator in generators:
        for name in _CONTENT_LISTS:
            yield from getattr(generator, name, [])


def _unprocessed(context, content_root: Path) -> list[Problem]:
    """Files Pelican could not process: it logs them and goes on; here they stop the build."""
    failed = {
        path
        for kind in ("generated_content", "static_content")
        for path, found in context[kind].items()
        if found is None
    }
    return [unreadable(f"{content_root.name}/{path}") for path in sorted(failed)]


def _source(content, content_root: Path) -> str:
    return Path(content.source_path).relative_to(content_root.parent).as_posix()


def _broken_links(contents, context, content_root: Path) -> list[Problem]:
    """Links (``{filename}``, ``{static}``, ``#punkt-N``) that point at nothing."""
    # Every file under content/ by its composed (NFC) name, as links are resolved; a link or a pipe
    # is there (reported as what it is, not as missing) but never read.
    tree, prefix = context["KB_FILES"], f"{content_root.name}/"
    files = {name.removeprefix(prefix) for name in [*tree.files, *tree.refused] if name.startswith(prefix)}
    by_path = context["generated_content"]

    def anchors(path: str) -> set[str] | None:
        content = by_path.get(path)
        meeting = getattr(content, "meeting", None)
        if meeting is not None:
            return meeting.anchors
        chapter = getattr(content, "kb_anchors", None)
        return set(chapter.ids) if chapter is not None else None

    problems = []
    for content in contents:
        folder = Path(content.source_path).parent.relative_to(content_root).as_posix()
        problems += link_problems(content.kb_links, _source(content, content_root), folder, files, anchors)
    return problems


def _duplicate_meetings(contents, content_root: Path) -> list[Problem]:
    """A second minutes file for the same committee and day."""
    first: dict[tuple[str, object], str] = {}
    problems = []
    for content in sorted(contents, key=lambda c: c.source_path):
        meeting = getattr(content, "meeting", None)
        if meeting is None:
            continue
        key = (meeting.committee, meeting.date)
        source = _source(content, content_root)
        if key not in first:
            first[key] = source
            continue
        text = Path(content.source_path).read_text(encoding="utf-8")
        line = next((n for n, row in enumerate(text.splitlines(), 1) if re.match(r"dato\s*:", row)), 0)
        problems.append(
            Problem(
                source,
                line,
                f"udvalget '{meeting.committee}' har allerede et referat fra "
                f"{format_date(meeting.date)} i {first[key]}.",
                "slet den ene fil, eller ret 'dato', hvis det er et andet møde.",
            )
        )
    return problems


def warn_list_numbers(content) -> None:
    """Log a line that would become a list number but looks like text (content_object_init: per file).

    A warning, not a problem: the page is built as the file is written, and a check still passes.
    A file with problems is left to those first. The reader found them (``kb_warnings``): a minutes
    file's with its parse, kept in the content cache.
    """
    if getattr(content, "kb_problems", None):
        return
    for warning in getattr(content, "kb_warnings", ()):
        log.warning("%s", warning)


def register() -> None:
    """Connect the receivers."""
    signals.content_object_init.connect(warn_list_numbers)
    signals.all_generators_finalized.connect(stop_on_problems)
