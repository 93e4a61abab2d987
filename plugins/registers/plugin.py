"""Write the registers drawn from the parsed minutes.

Pages: the decision register (all and per committee), follow-ups, organisations and the meeting
calendar. Files: one ICS feed per committee and one for all, the JSON export of all meetings with its
schema, and sitemap.xml. Atom feeds come from Pelican's own feed writer (see pelicanconf.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals
from pelican.generators import Generator

from plugins.kb.build import build_day, build_moment, danish_day, setting
from plugins.kb.content.registries import written_names
from plugins.kb.outputs.export import export_text, meeting_order, meeting_record, record_text
from plugins.kb.outputs.ical import calendar
from plugins.kb.outputs.registers import (
    YEAR_PAGES,
    danish_sort_key,
    organisations,
    year_counts,
    year_pages,
)
from plugins.kb.sections import section
from plugins.kb.storage.asked import asked
from plugins.kb.storage.cache import digest
from plugins.lifecycle.fork import Forked, worth_forking
from plugins.lifecycle.plugin import BuildWriter

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA = ROOT / "schemas" / "moeder.schema.json"
DECISIONS_URL = section("beslutninger").folder
FOLLOW_UPS_URL = section("opfoelgning").folder
ORGANISATIONS_URL = section("organisationer").folder
CALENDAR_URL = section("kalender").folder
EXPORT_URL = f"{section('data').folder}moeder.json"


def add_build_date(generator) -> None:
    """Give the templates ``build_date()``, the day from which a planned meeting is ahead (build_day).

    Asked, not handed: a kept page is made anew when the day changes only if it asked for it.
    """
    day = build_day(generator.settings)
    generator.env.globals["build_date"] = asked("build_date", lambda: day)


class RegisterGenerator(Generator):
    """Write the register pages and files from the meetings the articles generator read.

    In a large build a forked copy of the build writes them (plugins/lifecycle/fork.py), started when
    Pelican asks for its writer, once everything is read, while the build writes the meeting pages;
    this generator's turn to write takes what the copy gives back.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._copy: Forked | None = None
        signals.get_writer.connect(self._start_copy)

    def _start_copy(self, pelican) -> None:
        """Start the copy that writes the registers, if worth it (get_writer: before any page is written)."""
        if pelican.settings is not self.settings:
            return  # another build's signal
        build = setting(self.settings, "KB_BUILD")
        if not build.writes_everything or (build.cache is not None and build.cache.folder is None):
            return  # an in-memory cache would keep the copy's entries in the copy
        articles = self.context.get("articles", [])
        # A file linked with {attach} is published beside the page that shows it first, which the
        # build and the copy would each decide for themselves.
        if any(getattr(article, "kb_attaches", False) for article in articles):
            return
        if worth_forking(self.settings, len(articles)):
            try:
                self._copy = Forked(lambda: self._write_in_copy(pelican))
            except OSError as error:  # no process to be had: the build writes them itself
                log.info("Registrene skrives i selve bygningen (%s).", error)

    def _write_in_copy(self, pelican) -> tuple[dict, frozenset, frozenset]:
        """In the copy: write the registers; their year pages, the cache entries used, the files written."""
        cache = setting(self.settings, "KB_BUILD").cache
        before = cache.used() if cache else frozenset()
        writer = BuildWriter(pelican.output_path, settings=pelican.settings)
        self._write_registers(writer)
        used = cache.used() - before if cache else frozenset()
        return self.context.get(YEAR_PAGES, {}), used, writer.written()

    def _write(self, path: str, template: str, **context) -> None:
        self.writer.write_file(
            path,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            **context,
        )

    def generate_output(self, writer) -> None:
        """Write every register, or take what the copy that wrote them gives back.

        Only when this build writes everything: plugins/kb/build.py.
        """
        build = setting(self.settings, "KB_BUILD")
        if not build.writes_everything:
            return
        if self._copy is None:
            self._write_registers(writer)
            return
        copy, self._copy = self._copy, None
        year_pages, used, written = copy.result()
        self.context.setdefault(YEAR_PAGES, {}).update(year_pages)
        if build.cache is not None:
            build.cache.note_used(used)
        writer.add_written(written)

    def _write_registers(self, writer) -> None:
        self.writer = writer
        articles = self.context.get("articles", [])
        meetings = sorted(articles, key=lambda article: (article.date, article.category.slug), reverse=True)
        committees = self.settings["KB_COMMITTEES"].by_slug
        moment = build_moment(self.settings)
        self._decisions(meetings, committees)
        self._split_by_year(
            FOLLOW_UPS_URL,
            section("opfoelgning").template,
            [(article, list(article.follow_ups)) for article in meetings if article.follow_ups],
        )
        self._organisations(meetings)
        self._calendar(committees, moment)
        self._export(meetings)

    def _decisions(self, meetings: list, committees: dict) -> None:
        """The register of all decisions, one per committee and one per theme, each split by year.

        No JavaScript: each choice is a page. Each register's first page has its newest decisions and
        links to every year (plugins/kb/outputs/registers.py: year_pages).
        """
        with_decisions = [article for article in meetings if article.meeting.decisions]
        # Every committee with minutes gets its page (its committee page links to it), even without decisions.
        committee_choices = [
            committees[slug] for slug in sorted({article.category.slug for article in meetings})
        ]
        themes = self.settings["KB_THEMES"].by_slug
        decided = {slug for a in with_decisions for d in a.meeting.decisions for slug in d.themes}
        theme_choices = sorted(
            (themes[slug] for slug in decided), key=lambda theme: danish_sort_key(theme.name)
        )
        views = [(DECISIONS_URL, None, None, with_decisions)]
        views += [
            (
                f"{DECISIONS_URL}{committee.slug}/",
                committee,
                None,
                [a for a in with_decisions if a.category.slug == committee.slug],
            )
            for committee in committee_choices
        ]
        views += [
            (f"{DECISIONS_URL}tema/{theme.slug}/", None, theme, with_decisions) for theme in theme_choices
        ]
        for folder, committee, theme, shown in views:
            entries = [
                (article, decision)
                for article in shown
                for decision in article.meeting.decisions
                if theme is None or theme.slug in decision.themes
            ]
            self._split_by_year(
                folder,
                section("beslutninger").template,
                entries,
                meeting_count=len({id(article) for article, _ in entries}),
                committee_choices=committee_choices,
                theme_choices=theme_choices,
                chosen_committee=committee,
                chosen_theme=theme,
            )

    def _split_by_year(self, folder: str, template: str, entries: list, **context) -> None:
        """Write a register of (article, …) entries, newest first, as pages by year (year_pages)."""
        years = year_counts(entries, _year)
        by_year = self.context.setdefault(YEAR_PAGES, {})
        for register_page in year_pages(entries, _year):
            path = f"{folder}{register_page.folder}index.html"
            if register_page.year is not None:
                by_year[path] = register_page.year
            self._write(
                path,
                template,
                entries=register_page.entries,
                register_page=register_page,
                register_folder=folder,
                years=years,
                total=len(entries),
                **context,
            )

    def _organisations(self, meetings: list) -> None:
        """The index of organisations, and one page per organisation with its meetings by year."""
        names = written_names(self.settings["KB_ORGANISATIONS"])
        found = organisations(meetings, key=lambda article: article.meeting, names=names)
        place = {id(article): index for index, article in enumerate(meetings)}  # newest first
        self._write(f"{ORGANISATIONS_URL}index.html", section("organisationer").template, organisations=found)
        for organisation in found:
            entries = sorted(
                [(article, True) for article in organisation.attended]
                + [(article, False) for article in organisation.absent],
                key=lambda entry: place[id(entry[0])],
            )
            self._split_by_year(
                f"{ORGANISATIONS_URL}{organisation.slug}/",
                section("organisationer").page_template,
                entries,
                # Each page shows its own meetings (entries): one meeting edited makes anew the pages
                # that show it, not every year of every organisation that attended it.
                organisation=replace(organisation, attended=[], absent=[]),
            )

    def _calendar(self, committees: dict, moment: dt.datetime) -> None:
        today = danish_day(moment)  # the day of the feeds' time stamp
        planned = sorted(
            ((meeting, committee) for committee in committees.values() for meeting in committee.planned),
            key=lambda entry: (entry[0].date, entry[1].slug),
        )
        self._write(
            f"{CALENDAR_URL}index.html",
            section("kalender").template,
            upcoming=[entry for entry in planned if entry[0].date >= today],
            past=[entry for entry in reversed(planned) if entry[0].date < today],
            calendar_committees=sorted(committees.values(), key=lambda committee: committee.name),
        )
        folder = Path(self.output_path) / CALENDAR_URL
        folder.mkdir(parents=True, exist_ok=True)
        everyone = sorted(committees.values(), key=lambda committee: committee.slug)
        (folder / "alle.ics").write_bytes(calendar("Praktikviden: alle udvalg", everyone, moment))
        for committee in everyone:
            (folder / f"{committee.slug}.ics").write_bytes(
                calendar(f"Praktikviden: {committee.name}", [committee], moment)
            )

    def _export(self, meetings: list) -> None:
        cache = setting(self.settings, "KB_BUILD").cache
        ordered = sorted(meetings, key=lambda article: meeting_order(article.meeting, article.committee))
        records = (_record_text(article, cache) for article in ordered)  # made as they are written
        target = Path(self.output_path) / EXPORT_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(export_text(records))
        shutil.copyfile(SCHEMA, target.with_name(SCHEMA.name))


def _record_text(article, cache) -> str:
    """The meeting's record in the JSON export, as text, kept in the build's cache with its inputs."""

    def make() -> str:
        return record_text(meeting_record(article.meeting, article.committee, article.url))

    if cache is None:
        return make()
    return cache.remembered(digest("eksport", article.kb_digest, article.url), make, _is_text)


def _is_text(found) -> bool:
    return isinstance(found, str)


def _year(entry) -> int:
    """The year of a register entry (article, decision)."""
    return entry[0].meeting.date.year


def get_generators(pelican):
    """Add the register generator."""
    return RegisterGenerator


def write_sitemap(pelican) -> None:
    """List every HTML page of the written site in sitemap.xml (finalized: all pages exist)."""
    if not setting(pelican.settings, "KB_BUILD").writes_everything:
        return
    address = pelican.settings.get("SITE_ADDRESS", "").rstrip("/")
    output = Path(pelican.output_path)
    pages = sorted(
        path.relative_to(output).as_posix()
        for path in output.rglob("*.html")
        # Not pages for readers: the theme's files, the search index, a redirect, the editor.
        if path.relative_to(output).parts[0] not in ("theme", "pagefind", "was", "admin")
    )
    urls = [f"{address}/{page.removesuffix('index.html')}" for page in pages]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *(f"  <url><loc>{escape(url)}</loc></url>" for url in urls),
        "</urlset>",
    ]
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_build_date)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_sitemap)
