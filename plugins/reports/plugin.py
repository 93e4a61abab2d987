"""Write the report index, each report's front page and print version, and link its chapters in order.

A report is ``content/rapporter/<slug>/rapport.yml``; its chapters are pages with ``rapport: <slug>``
and ``kapitel`` (read by ``plugins/minutes/reader.py``, which gives them heading ids).
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.kb.sections import section

REPORTS_URL = section("rapporter").folder


def chapters_by_report(pages: list) -> dict[str, list]:
    """Each report's chapters in chapter order, by report slug."""
    found: dict[str, list] = {}
    for page in sorted(pages, key=lambda p: (getattr(p, "report_chapter", 0), p.source_path)):
        report = getattr(page, "report", None)
        if report is not None:
            found.setdefault(report.slug, []).append(page)
    return found


def link_chapters(generators) -> None:
    """Give each chapter its previous and next chapter in its report (all_generators_finalized)."""
    for ordered in chapters_by_report(generators[0].context.get("pages", [])).values():
        for before, after in zip(ordered, ordered[1:], strict=False):
            before.next_chapter, after.previous_chapter = after, before


class ReportGenerator(Generator):
    """Write /rapporter/, /rapporter/<slug>/ and /rapporter/<slug>/print/."""

    def generate_output(self, writer) -> None:
        """Write the report pages."""
        reports = self.settings["KB_REPORTS"].by_slug
        chapters = chapters_by_report(self.context.get("pages", []))
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        listed = [(reports[slug], chapters.get(slug, [])) for slug in sorted(reports)]
        writer.write_file(
            f"{REPORTS_URL}index.html",
            self.get_template(section("rapporter").template),
            self.context,
            reports=listed,
            **common,
        )
        for report, ordered in listed:
            for name, template in (("index.html", "report"), ("print/index.html", "report_print")):
                writer.write_file(
                    f"{REPORTS_URL}{report.slug}/{name}",
                    self.get_template(template),
                    self.context,
                    report=report,
                    chapters=ordered,
                    **common,
                )


def get_generators(pelican):
    """Add the report generator."""
    return ReportGenerator


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(link_chapters)
