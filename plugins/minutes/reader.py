"""A Markdown reader for Praktikviden content: YAML front matter, minutes parsed into the model."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from markdown import Markdown
from markupsafe import Markup, escape
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime

from plugins.datatable.shortcode import find_table_refs
from plugins.kb.build import BuildSuperseded, setting
from plugins.kb.content.links import find_links
from plugins.kb.content.parse import guide_chapter, parse_meeting, theme_list
from plugins.kb.content.reports import ChapterAnchors, anchor_lines, report_chapter
from plugins.kb.content.sanitize import CHAPTER_ATTRIBUTES, clean
from plugins.kb.metadata.fields import PAGE_FIELDS, PAGE_TYPES
from plugins.kb.metadata.frontmatter import load_yaml, split_front_matter
from plugins.kb.metadata.textfile import read_text
from plugins.kb.metadata.values import check_keys, heading_id, suggest
from plugins.kb.outputs.formatting import format_date
from plugins.kb.problems import Problem, unreadable
from plugins.kb.storage.cache import digest

from .fingerprint import content_fingerprint
from .parallel import ParsedMeeting, ParsePool, worth_splitting

MINUTES_DIR = "referater"
REPORTS_DIR = "rapporter"
GUIDE_URL = "guide/"
# Report chapters get heading ids (for the table of contents, links and search sub-results).
_HEADING_IDS = {"markdown.extensions.toc": {"slugify": heading_id, "toc_depth": "2-4"}}
_ID_ATTRIBUTE = re.compile(r'\bid="([^"]+)"')
# A date that sorts harmlessly for content that failed to parse; the build stops before output.
_PLACEHOLDER_DATE = SafeDatetime(1970, 1, 1)
log = logging.getLogger(__name__)


class ContentReader(MarkdownReader):
    """Read ``.md`` files whose metadata is YAML front matter.

    Files under ``content/referater/`` become meetings (``metadata["meeting"]``); other files are
    plain pages with a ``titel``. Problems are returned in ``metadata["kb_problems"]`` rather than
    raised, because Pelican logs and skips a file whose reader raises: the minutes plugin reports
    all problems together and stops the build.
    """

    file_extensions = ["md"]

    def read(self, source_path: str) -> tuple[str, dict]:
        """Return the rendered body and the metadata of one file; a file that breaks the reader, a problem.

        Pelican logs and skips a file whose reader raises; here it is reported like any other
        problem, so a build or a check never passes a file it could not read.
        """
        try:
            return self._read(source_path)
        except BuildSuperseded:
            raise
        except Exception:  # anything else this file made go wrong is reported with the file
            log.debug("Kunne ikke læse %s", source_path, exc_info=True)
            path = Path(source_path)
            source = path.relative_to(Path(self.settings["PATH"]).parent).as_posix()
            failed = self._failed(source, path.stem, [unreadable(source)])
            return "", {**failed, "kb_links": (), "kb_table_refs": ()}

    def _read(self, source_path: str) -> tuple[str, dict]:
        path = Path(source_path)
        content_root = Path(self.settings["PATH"])
        source = path.relative_to(content_root.parent).as_posix()
        text, problems = read_text(path, source)
        if text is None:
            return "", {**self._failed(source, path.stem, problems), "kb_links": (), "kb_table_refs": ()}
        if path.relative_to(content_root).parts[0] == MINUTES_DIR:
            parsed = self._parsed(source, text)
            body, metadata = self._read_meeting(parsed, source, path.stem)
            links, tables = parsed.links, parsed.tables
        else:
            body, metadata = self._read_page(text, source, path.stem)
            links, tables = find_links(text), find_table_refs(text)
        # Found where the text is at hand, for the link and table checks and the static files.
        metadata.update(kb_links=links, kb_table_refs=tables)
        return body, metadata

    def prefetch(self, paths: list[str]) -> None:
        """Start parsing these minutes files on every core; :meth:`read` then takes the results.

        Pelican reads files one at a time on one core, and parsing the minutes (mostly Markdown) is
        most of a build. Files the cache has are not parsed again; below ``KB_PARALLEL_MIN`` files to
        parse, starting worker processes costs more than it saves, and :meth:`read` parses as before.
        """
        content_root = Path(self.settings["PATH"])
        pending = []
        for path in paths:
            source = Path(path).relative_to(content_root.parent).as_posix()
            text, _ = read_text(Path(path), source)
            # A file that cannot be read is reported by read(), with the line of the bad byte.
            if text is not None and not self._cached("referat", source, text):
                pending.append((source, text))
        if worth_splitting(self.settings, len(pending)):
            self.pool = ParsePool(self, pending)

    def finish(self) -> None:
        """Close the worker processes, if any (every minutes file has been read)."""
        if getattr(self, "pool", None) is not None:
            self.pool.close()
            self.pool = None

    def parse_minutes(self, source: str, text: str) -> ParsedMeeting:
        """Parse one minutes file: the meeting (None if it failed), its problems and its links."""
        committees = self.settings["KB_COMMITTEES"].known
        themes = self.settings["KB_THEMES"].known
        meeting, problems = parse_meeting(text, source, committees, self._render, themes)
        return ParsedMeeting(meeting, problems, find_links(text), find_table_refs(text))

    def _cached(self, kind: str, *parts: str):
        """The cache's entry for this kind of content made from ``parts``, if it has one, else None."""
        cache = setting(self.settings, "KB_BUILD").cache
        return cache.get(self._key(kind, *parts)) if cache is not None else None

    def _key(self, kind: str, *parts: str) -> str:
        if getattr(self, "_fingerprint", None) is None:
            self._fingerprint = content_fingerprint(self.settings)
        return digest(kind, self._fingerprint, *parts)

    def _remembered(self, kind: str, parts: tuple[str, ...], make):
        """``make()``, or what it made for the same ``parts`` before (the build's cache)."""
        cache = setting(self.settings, "KB_BUILD").cache
        if cache is None:
            return make()
        key = self._key(kind, *parts)
        found = cache.get(key)
        if found is None:
            found = make()
            cache.put(key, found)
        return found

    def _parsed(self, source: str, text: str) -> ParsedMeeting:
        def parse() -> ParsedMeeting:
            pool = getattr(self, "pool", None)
            # Parsed by the workers, unless the file was not handed out or has changed since.
            parsed = pool.take(source, text) if pool is not None else None
            return parsed or self.parse_minutes(source, text)

        return self._remembered("referat", (source, text), parse)

    def _render(self, markdown_text: str) -> Markup:
        """Markdown to HTML, sanitised (raw HTML can never inject script) and marked safe for templates.

        One Markdown instance serves every block of every file (reset between conversions): building
        it with its extensions costs more than converting a block.
        """
        if getattr(self, "_markdown", None) is None:
            self._markdown = Markdown(**self.settings["MARKDOWN"])
        return clean(self._markdown, self._markdown.reset().convert(markdown_text))

    def _render_chapter(self, markdown_text: str) -> tuple[Markup, tuple]:
        """A report chapter's HTML with heading ids, and its headings as (level, id, title)."""
        if getattr(self, "_chapter_markdown", None) is None:
            settings = dict(self.settings["MARKDOWN"])
            settings["extension_configs"] = {**settings["extension_configs"], **_HEADING_IDS}
            settings["extensions"] = [*settings.get("extensions", []), *_HEADING_IDS]
            self._chapter_markdown = Markdown(**settings)
        md = self._chapter_markdown
        html = clean(md, md.reset().convert(markdown_text), CHAPTER_ATTRIBUTES)
        return html, tuple(_flatten(md.toc_tokens))

    def _read_meeting(self, parsed: ParsedMeeting, source: str, stem: str) -> tuple[str, dict]:
        committees = self.settings["KB_COMMITTEES"]
        meeting, problems = parsed.meeting, parsed.problems
        committee = meeting and committees.by_slug.get(meeting.committee)
        if committee is None:
            # A broken committee file has already been reported by the minutes plugin.
            return "", self._failed(source, stem, problems)
        metadata = {
            "title": f"{committee.name}, {format_date(meeting.date)}",
            "date": SafeDatetime.combine(meeting.date, meeting.time.start),
            "summary": escape("; ".join(f"{item.number}. {item.title}" for item in meeting.agenda)),
            "category": self.process_metadata("category", committee.slug),
            "slug": meeting.date.isoformat(),
            "template": "meeting",
            "meeting": meeting,
            "committee": committee,
            "kb_problems": [],
        }
        return "", metadata

    def _read_page(self, text: str, source: str, stem: str) -> tuple[str, dict]:
        yaml_text, body, body_line, problems = split_front_matter(text, source)
        doc = None
        if yaml_text is not None:
            doc, problems = load_yaml(yaml_text, source, first_line=2)
        if doc is not None and not problems:
            problems = check_keys(doc, PAGE_FIELDS, (), source, "metadata")
        page_type = doc.data.get("type", "side") if doc is not None else "side"
        themes: tuple[str, ...] = ()
        if not problems:
            themes, problems = theme_list(doc, ("temaer",), source, self.settings["KB_THEMES"].known)
        if not problems and page_type not in PAGE_TYPES:
            problems = [
                Problem(
                    source,
                    doc.line("type"),
                    f"ukendt sidetype '{page_type}'.",
                    f"{suggest(str(page_type), list(PAGE_TYPES))}skriv en af: {', '.join(PAGE_TYPES)}.",
                )
            ]
        chapter, roles = None, ()
        if not problems and page_type == "guide":
            chapter, roles, problems = guide_chapter(doc, source)
        report, report_number = None, None
        in_report_folder = Path(source).parts[1] == REPORTS_DIR
        if not problems and ("rapport" in doc.data or in_report_folder):
            folder = Path(source).parts[2] if in_report_folder else None
            report, report_number, problems = report_chapter(
                doc, source, self.settings["KB_REPORTS"].known, folder
            )
        if problems:
            return "", self._failed(source, stem, problems)
        metadata = {
            "title": doc.data["titel"],
            "slug": stem,
            "kind": PAGE_TYPES[page_type],
            "themes": themes,
            "kb_problems": [],
        }
        if doc.data.get("resume"):
            metadata["summary"] = doc.data["resume"]
        if page_type == "guide":
            slug = _without_number(stem)
            metadata.update(
                slug=slug,
                chapter=chapter,
                roles=roles,
                template="guide_chapter",
                url=f"{GUIDE_URL}{slug}/",
                save_as=f"{GUIDE_URL}{slug}/index.html",
            )
        if report is not None:
            metadata["kb_kapitel_line"] = doc.line("kapitel")
            return self._read_chapter(body, body_line, source, stem, report, report_number, metadata)
        return self._remembered("side", (body,), lambda: self._render(body)), metadata

    def _read_chapter(self, body, body_line, source, stem, report, number, metadata) -> tuple[str, dict]:
        """A chapter of a report: heading ids, its sections, and its address inside the report."""
        html, headings = self._remembered("kapitel", (body,), lambda: self._render_chapter(body))
        parts = Path(source).parts
        if parts[1] == REPORTS_DIR:
            # content/rapporter/<rapport>/03-resume.md → /rapporter/<rapport>/resume/
            slug = _without_number(stem)
            folder = f"{REPORTS_DIR}/{parts[2]}/{slug}/"
            metadata.update(slug=slug, url=folder, save_as=f"{folder}index.html")
        # The chapter's title has the chapter's slug as its id, on its page and in the print version.
        ids = (metadata["slug"], *_ID_ATTRIBUTE.findall(html))
        metadata.update(
            report=self.settings["KB_REPORTS"].by_slug.get(report),
            report_chapter=number,
            headings=headings,
            kb_anchors=ChapterAnchors(
                report,
                number,
                source,
                ids,
                {**anchor_lines(body, body_line), "kapitel": metadata.pop("kb_kapitel_line")},
            ),
            template="report_chapter",
        )
        return html, metadata

    def _failed(self, source: str, stem: str, problems: list) -> dict:
        return {
            "title": source,
            "date": _PLACEHOLDER_DATE,
            "slug": stem,
            "kb_problems": problems,
        }


def _without_number(stem: str) -> str:
    """A guide or report chapter's slug: its file name without the number that orders it.

    "02-foer-praktikken" → "foer-praktikken".
    """
    return re.sub(r"^\d+-", "", stem) or stem


def _flatten(tokens: list) -> list[tuple[int, str, str]]:
    """The toc extension's nested headings as a flat list of (level, id, title)."""
    found = []
    for token in tokens:
        # The extension gives the heading's text already escaped.
        found.append((token["level"], token["id"], Markup(token["name"])))
        found += _flatten(token["children"])
    return found
