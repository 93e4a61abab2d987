"""Pelican glue for the content: its reader, the committees, themes and reports, meeting neighbours."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.contents import Article

from plugins.kb.content.links import static_targets
from plugins.kb.content.registries import read_registries
from plugins.kb.metadata.textfile import read_text
from plugins.kb.sections import section
from plugins.kb.storage.cache import digest

from .intrasite import intrasite, link_targets
from .parallel import ParsePool, worth_splitting
from .reader import ContentReader


def load_registries(pelican) -> None:
    """Read the committee, theme, report and organisation files (initialized: before any reader)."""
    found = read_registries(Path(pelican.settings["PATH"]))
    pelican.settings["KB_COMMITTEES"] = found.committees
    pelican.settings["KB_THEMES"] = found.themes
    pelican.settings["KB_REPORTS"] = found.reports
    pelican.settings["KB_ORGANISATIONS"] = found.organisations


def add_reader(readers) -> None:
    """Use our front-matter reader for .md files (readers_init: the reader table exists)."""
    readers.reader_classes["md"] = ContentReader


def prefetch_minutes(generator) -> None:
    """Start parsing the minutes on every core (article_generator_init: before any is read).

    Pelican reads files one at a time on one core, and parsing the minutes (mostly Markdown) is most
    of a build. Files the cache has are not parsed again; below ``KB_PARALLEL_MIN`` files to parse,
    starting worker processes costs more than it saves, and the reader parses each as it reads it.
    Each text read here is handed to the reader, which then need not read its file again.
    """
    reader = generator.readers.readers.get("md")
    if not isinstance(reader, ContentReader):
        return
    settings = generator.settings
    files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    pending = []
    for name in sorted(files):
        if not name.endswith(".md") or Path(name).parts[0] != section("referater").content:
            continue
        path = Path(generator.path, name)
        source = path.relative_to(Path(settings["PATH"]).parent).as_posix()
        text, _ = read_text(path, source)
        # A file that cannot be read is reported by the reader, with the line of the bad byte.
        if text is None:
            continue
        reader.texts[source] = text
        if not reader.renderer.cached("referat", source, text):
            pending.append((source, text))
    if worth_splitting(settings, len(pending)):
        reader.pool = ParsePool(reader, pending)


def close_pool(generator) -> None:
    """Close the reader's worker processes (article_generator_finalized: every minutes file is read)."""
    reader = generator.readers.readers.get("md")
    if isinstance(reader, ContentReader):
        reader.texts.clear()  # of files Pelican did not read after all
    if getattr(reader, "pool", None) is not None:
        reader.pool.close()
        reader.pool = None


def fix_address(content) -> None:
    """Keep a meeting's address as Pelican made it (content_object_init: made from its settings).

    Pelican works ``url`` and ``save_as`` out of ARTICLE_URL anew each time they are read, and the
    pages and registers read a meeting's address many times (about 0.6 s of a build of 1,000
    minutes); its own override attributes keep the same answer.
    """
    if isinstance(content, Article):
        content.override_url, content.override_save_as = content.url, content.save_as


def link_meetings(generators) -> None:
    """Expose committees to templates and link each meeting to its neighbours in the committee.

    all_generators_finalized: every meeting has been read, nothing has been written yet.
    """
    context = generators[0].context
    context["committees"] = context["KB_COMMITTEES"].by_slug
    context["themes"] = context["KB_THEMES"].by_slug
    context["reports"] = context["KB_REPORTS"].by_slug
    by_committee: dict[str, list] = {}
    for article in sorted(context.get("articles", []), key=lambda a: a.date):
        by_committee.setdefault(article.category.slug, []).append(article)
    # Which planned meetings were held with minutes here: (committee, day) → the minutes.
    context["minutes_by_day"] = {
        (article.category.slug, article.meeting.date): article
        for meetings in by_committee.values()
        for article in meetings
        if getattr(article, "meeting", None) is not None
    }
    for meetings in by_committee.values():
        for before, after in zip(meetings, meetings[1:], strict=False):
            before.next_meeting, after.previous_meeting = after, before


def describe_links(generators) -> None:
    """Count where each file's links lead in its digest (all_generators_finalized: every file is read).

    A page kept in the content cache is not rendered, so the addresses its links resolve to when it
    is (intrasite.py) count among what it is made from: a linked meeting's new date, a linked page
    renamed, a linked file published by another page. A link with ``{attach}`` publishes the file
    beside the page that shows it, as that page is rendered: a file with one is never kept
    (``kb_attaches``, plugins/lifecycle).
    """
    context = generators[0].context
    # Each file once: one decomposed on disk is also found by its composed name (plugins/files).
    for content in {id(found): found for found in context.get("generated_content", {}).values()}.values():
        targets = link_targets(context, content)
        if targets and getattr(content, "kb_digest", None):
            content.kb_digest = digest(content.kb_digest, *(f"{link}={url}" for _, link, url in targets))
            content.kb_attaches = any(what == "attach" for what, _, _ in targets)


def add_filters(generator) -> None:
    """Add the ``intrasite`` filter (generator_init: the Jinja environment exists)."""
    generator.env.filters["intrasite"] = intrasite


def add_static_links(generator) -> None:
    """Publish the images and files that minutes link with ``{static}``.

    Pelican finds these in a page's body; a meeting's body is its blocks, so they are added here
    (article_generator_finalized: before the static generator collects its files).
    """
    content_root = Path(generator.settings["PATH"])
    for article in generator.articles + generator.drafts:
        if getattr(article, "meeting", None) is not None:
            folder = Path(article.source_path).parent.relative_to(content_root).as_posix()
            generator.context["static_links"] |= static_targets(article.kb_links, folder)


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(add_static_links)
    signals.article_generator_finalized.connect(close_pool)
    signals.initialized.connect(load_registries)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prefetch_minutes)
    signals.content_object_init.connect(fix_address)
    signals.all_generators_finalized.connect(link_meetings)
    signals.all_generators_finalized.connect(describe_links)
