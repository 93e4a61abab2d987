"""Write the theme index and one page per theme.

A theme page gathers, newest first, the agenda items tagged with it (``temaer`` in the minutes'
front matter), their decisions, the pages tagged with it, and the datasets those pages embed.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice

from pelican import signals
from pelican.generators import Generator

from plugins.kb.outputs.registers import danish_sort_key
from plugins.kb.sections import section

THEMES_URL = section("temaer").folder


@dataclass(slots=True)
class ThemeContent:
    """What the site holds on one theme."""

    theme: object
    items: list = field(default_factory=list)  # (article, agenda item), newest meeting first
    routine: list = field(default_factory=list)  # the same, of the committees' standing items
    pages: list = field(default_factory=list)
    datasets: list = field(default_factory=list)

    @property
    def decisions(self) -> list:
        """(article, decision) of the theme's agenda items."""
        items = self.items + self.routine
        return [(article, decision) for article, item in items for decision in item.decisions]

    @property
    def reports(self) -> list:
        """(report, its chapters on the theme) for the pages that are chapters of a report, in page order."""
        grouped: dict = {}
        for page in self.pages:
            if getattr(page, "report", None) is not None:
                grouped.setdefault(page.report, []).append(page)
        return list(grouped.items())

    @property
    def other_pages(self) -> list:
        """The pages that are not chapters of a report."""
        return [page for page in self.pages if getattr(page, "report", None) is None]

    @property
    def size(self) -> int:
        """How many things the page lists."""
        return len(self.items) + len(self.routine) + len(self.pages) + len(self.datasets)


def gather(themes: dict, articles: list, pages: list, datasets: dict) -> list[ThemeContent]:
    """Everything on each theme; themes in Danish alphabetical order."""
    gathered = {slug: ThemeContent(theme) for slug, theme in themes.items()}
    for article in sorted(articles, key=lambda a: (a.date, a.category.slug), reverse=True):
        for item in article.meeting.agenda:
            routine = article.committee.is_standing(item.title)
            for slug in item.themes:
                (gathered[slug].routine if routine else gathered[slug].items).append((article, item))
    # A report's chapters in chapter order, the other pages by title.
    for page in sorted(pages, key=lambda p: (getattr(p, "report_chapter", 0), p.title, p.source_path)):
        embedded = [name for _, name in getattr(page, "kb_table_refs", ())]
        for slug in getattr(page, "themes", ()):
            gathered[slug].pages.append(page)
            gathered[slug].datasets += [
                datasets[name] for name in embedded if datasets[name] not in gathered[slug].datasets
            ]
    return sorted(gathered.values(), key=lambda content: danish_sort_key(content.theme.name))


class ThemeGenerator(Generator):
    """Write /temaer/ and /temaer/<slug>/."""

    def generate_output(self, writer) -> None:
        """Write the index and the theme pages."""
        contents = gather(
            self.settings["KB_THEMES"].by_slug,
            self.context.get("articles", []),
            self.context.get("pages", []),
            self.settings["KB_DATASETS"].by_slug,
        )
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file(
            f"{THEMES_URL}index.html",
            self.get_template(section("temaer").template),
            self.context,
            contents=contents,
            **common,
        )
        for content in contents:
            writer.write_file(
                f"{THEMES_URL}{content.theme.slug}/index.html",
                self.get_template(section("temaer").page_template),
                self.context,
                gathered=content,
                **common,
            )


RELATED_LIMIT = 5


def link_related(generators) -> None:
    """Give every page and meeting the content that shares its themes (all_generators_finalized).

    ``related_pages``: pages sharing most themes first; ``related_items``: agenda items of other
    meetings on the same themes, newest first. Both at most RELATED_LIMIT long.
    """
    context = generators[0].context
    pages = context.get("pages", [])
    articles = sorted(
        (a for a in context.get("articles", []) if hasattr(a, "meeting")),
        key=lambda a: (a.date, a.category.slug),
        reverse=True,
    )
    # Every agenda item, newest meeting first; and per theme, the positions of its items in that list.
    ranked = [(article, item) for article in articles for item in article.meeting.agenda]
    ranks_by_theme: dict[str, list[int]] = defaultdict(list)
    for rank, (_, item) in enumerate(ranked):
        for theme in item.themes:
            ranks_by_theme[theme].append(rank)
    for content in [*pages, *articles]:
        meeting = getattr(content, "meeting", None)
        own = (
            set(getattr(content, "themes", ()))
            if meeting is None
            else {t for i in meeting.agenda for t in i.themes}
        )
        # Not the page itself, nor the other chapters of its report: its pager and contents link those.
        report = getattr(content, "report", None)
        shared = [
            (len(own & set(getattr(page, "themes", ()))), page)
            for page in pages
            if page is not content and (report is None or getattr(page, "report", None) is not report)
        ]
        content.related_pages = [
            page
            for count, page in sorted(shared, key=lambda s: (-s[0], s[1].title, s[1].source_path))
            if count
        ][:RELATED_LIMIT]
        content.related_items = list(islice(_items_on(own, content, ranked, ranks_by_theme), RELATED_LIMIT))


def _items_on(themes, content, ranked, ranks_by_theme):
    """The agenda items, in ``ranked`` order, on any of ``themes`` and not in ``content`` itself.

    Merging each theme's sorted ranks lazily stops at the first few matches instead of going through
    every item of every meeting for every page.
    """
    previous = None
    for rank in heapq.merge(*(ranks_by_theme.get(theme, ()) for theme in themes)):
        if rank != previous and ranked[rank][0] is not content:
            yield ranked[rank]
        previous = rank


def get_generators(pelican):
    """Add the theme generator."""
    return ThemeGenerator


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(link_related)
