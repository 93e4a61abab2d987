"""The Pelican reader of ``content/*.md``: each file handed to the domain core's parser for its kind."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from markupsafe import escape
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from plugins.kb.build import BuildSuperseded
from plugins.kb.content.links import find_links
from plugins.kb.content.listnumbers import file_warnings
from plugins.kb.content.pages import parse_page
from plugins.kb.content.parse import parse_meeting
from plugins.kb.content.reports import ChapterAnchors, anchor_lines
from plugins.kb.content.tablerefs import find_table_refs
from plugins.kb.metadata.textfile import read_text
from plugins.kb.model import GuideChapter, ReportChapter
from plugins.kb.outputs.formatting import format_date
from plugins.kb.outputs.registers import follow_ups
from plugins.kb.problems import unreadable
from plugins.kb.sections import section

from .parallel import ParsedMeeting
from .render import Renderer

_ID_ATTRIBUTE = re.compile(r'\bid="([^"]+)"')
# A date that sorts harmlessly for content that failed to parse; the build stops before output.
_PLACEHOLDER_DATE = SafeDatetime(1970, 1, 1)


class ContentReader(MarkdownReader):
    """Minutes (``content/referater/``, parse_meeting) and pages, guide and report chapters (parse_page).

    Problems go in ``metadata["kb_problems"]``, never raised: Pelican would log and skip the file.
    """

    file_extensions = ["md"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        self.renderer = Renderer(settings)  # the Markdown and the cache it renders with
        self.pool = None  # minutes parsed on every core (plugin.py: prefetch_minutes)
        self.texts: dict[str, str] = {}  # the minutes' texts by source, as prefetch_minutes read them

    def read(self, source_path: str) -> tuple[str, dict]:
        """Return the rendered body and the metadata of one file; a file that breaks the reader, a problem."""
        path = Path(source_path)
        source = path.relative_to(Path(self.settings["PATH"]).parent).as_posix()
        try:
            return self._read(path, source)
        except BuildSuperseded:
            raise
        except Exception:  # anything else this file made go wrong is reported with the file
            logging.getLogger(__name__).debug("Kunne ikke læse %s", source_path, exc_info=True)
            return "", _failed(source, path.stem, [unreadable(source)])

    def _read(self, path: Path, source: str) -> tuple[str, dict]:
        text = self.texts.pop(source, None)  # minutes prefetch_minutes read: read once in a build
        if text is None:
            text, problems = read_text(path, source)
            if text is None:
                return "", _failed(source, path.stem, problems)
        if path.relative_to(self.settings["PATH"]).parts[0] == section("referater").content:
            parsed = self.renderer.remembered("referat", (source, text), lambda: self._parse(source, text))
            body, metadata = self._meeting(parsed, source, path.stem)
            links, tables, warnings = parsed.links, parsed.tables, parsed.warnings
        else:
            body, metadata = self._page(text, source, path.stem)
            links, tables, warnings = find_links(text), find_table_refs(text), file_warnings(text, source)
        # Found where the text is at hand, for the link and table checks, the static files and the
        # list-number warnings (plugins/validator); and what the file's pages are made from
        # (plugins/kb/storage/pageinputs.py).
        metadata.update(kb_links=links, kb_table_refs=tables, kb_warnings=warnings)
        metadata["kb_digest"] = self.renderer.key("fil", source, text)
        return body, metadata

    def parse_minutes(self, source: str, text: str) -> ParsedMeeting:
        """Parse one minutes file: the meeting (None if it failed), its problems and its links."""
        committees = self.settings["KB_COMMITTEES"].known
        themes = self.settings["KB_THEMES"].known
        meeting, problems = parse_meeting(text, source, committees, self.renderer.body, themes)
        found = tuple(follow_ups(meeting)) if meeting is not None else ()
        warnings = tuple(file_warnings(text, source))
        return ParsedMeeting(meeting, problems, find_links(text), find_table_refs(text), found, warnings)

    def _parse(self, source: str, text: str) -> ParsedMeeting:
        # Parsed by the workers, unless the file was not handed out or has changed since.
        parsed = self.pool.take(source, text) if self.pool is not None else None
        return parsed or self.parse_minutes(source, text)

    def _meeting(self, parsed: ParsedMeeting, source: str, stem: str) -> tuple[str, dict]:
        meeting = parsed.meeting
        committee = meeting and self.settings["KB_COMMITTEES"].by_slug.get(meeting.committee)
        if committee is None:  # or a broken committee file, which the validator reports
            return "", _failed(source, stem, parsed.problems)
        return "", {
            "title": f"{committee.name}, {format_date(meeting.date)}",
            "date": SafeDatetime.combine(meeting.date, meeting.time.start),
            "summary": escape("; ".join(f"{item.number}. {item.title}" for item in meeting.agenda)),
            "category": self.process_metadata("category", committee.slug),
            "slug": meeting.date.isoformat(),
            "template": section("referater").page_template,
            "meeting": meeting,
            "committee": committee,
            "follow_ups": parsed.follow_ups,
            "kb_problems": [],
        }

    def _page(self, text: str, source: str, stem: str) -> tuple[str, dict]:
        known = self.settings["KB_THEMES"].known, self.settings["KB_REPORTS"].known
        page, problems = parse_page(text, source, *known)
        if page is None:
            return "", _failed(source, stem, problems)
        metadata = {
            "title": page.title,
            "slug": page.slug,
            "kind": page.kind,
            "themes": page.themes,
            "kb_problems": [],
        }
        if page.summary:
            metadata["summary"] = page.summary
        if isinstance(page, GuideChapter):
            guide = section("guide")
            metadata.update(chapter=page.number, roles=page.roles, template=guide.page_template)
            metadata.update(url=guide.url(page.slug), save_as=guide.save_as(page.slug))
        if isinstance(page, ReportChapter):
            return self._chapter(page, source, metadata)
        return self.renderer.remembered("side", (page.body,), lambda: self.renderer.body(page.body)), metadata

    def _chapter(self, page: ReportChapter, source: str, metadata: dict) -> tuple[str, dict]:
        """A chapter of a report: heading ids, its sections, and its address inside the report."""
        render = self.renderer
        html, headings = render.remembered("kapitel", (page.body,), lambda: render.chapter(page.body))
        if page.folder is not None:
            # content/rapporter/<rapport>/03-resume.md → /rapporter/<rapport>/resume/
            reports = section("rapporter")
            metadata.update(
                url=reports.url(page.folder, page.slug), save_as=reports.save_as(page.folder, page.slug)
            )
        # The chapter's title has the chapter's slug as its id, on its page and in the print version.
        ids = (page.slug, *_ID_ATTRIBUTE.findall(html))
        lines = {**anchor_lines(page.body, page.body_line), "kapitel": page.number_line}
        metadata.update(
            report=self.settings["KB_REPORTS"].by_slug.get(page.report),
            report_chapter=page.number,
            headings=headings,
            kb_anchors=ChapterAnchors(page.report, page.number, source, ids, lines),
            template=section("rapporter").page_template,
        )
        return html, metadata


def _failed(source: str, stem: str, problems: list) -> dict:
    """The metadata of a file that failed: its problems, and what Pelican needs to go on reading."""
    found = {"title": source, "date": _PLACEHOLDER_DATE, "slug": stem, "kb_problems": problems}
    return {**found, "kb_links": (), "kb_table_refs": ()}
