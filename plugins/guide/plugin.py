"""Write the guide's index, one view per role and the print version, and link the chapters in order.

Chapters are pages of ``type: guide`` in ``content/guide/`` with ``kapitel`` and ``roller``.
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.kb.metadata.fields import GUIDE_ROLES
from plugins.kb.sections import section

GUIDE_URL = section("guide").folder


def chapters(pages: list) -> list:
    """The guide's chapters in chapter order."""
    return sorted((page for page in pages if getattr(page, "chapter", None)), key=lambda page: page.chapter)


def link_chapters(generators) -> None:
    """Give each chapter its previous and next chapter (all_generators_finalized)."""
    ordered = chapters(generators[0].context.get("pages", []))
    for before, after in zip(ordered, ordered[1:], strict=False):
        before.next_chapter, after.previous_chapter = after, before


class GuideGenerator(Generator):
    """Write /guide/, /guide/rolle/<rolle>/ and /guide/print/."""

    def generate_output(self, writer) -> None:
        """Write the guide's overview pages."""
        ordered = chapters(self.context.get("pages", []))
        if not ordered:
            return
        common = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "roles": GUIDE_ROLES,
        }
        writer.write_file(
            f"{GUIDE_URL}index.html",
            self.get_template(section("guide").template),
            self.context,
            chapters=ordered,
            role=None,
            **common,
        )
        for role in GUIDE_ROLES:
            writer.write_file(
                f"{GUIDE_URL}rolle/{role}/index.html",
                self.get_template(section("guide").template),
                self.context,
                chapters=[chapter for chapter in ordered if role in chapter.roles],
                role=role,
                **common,
            )
        writer.write_file(
            f"{GUIDE_URL}print/index.html",
            self.get_template("guide_print"),
            self.context,
            chapters=ordered,
            **common,
        )


def add_globals(generator) -> None:
    """Let every template name the guide's roles (generator_init)."""
    generator.env.globals["guide_roles"] = GUIDE_ROLES


def get_generators(pelican):
    """Add the guide generator."""
    return GuideGenerator


def register() -> None:
    """Connect the receivers."""
    signals.generator_init.connect(add_globals)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(link_chapters)
