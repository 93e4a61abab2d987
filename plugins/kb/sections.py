"""The site's sections: what each is called, where it is published, and which plugin makes it.

The one table of the site's structure. The main menu (``base.html``), every breadcrumb trail
(``macros/breadcrumbs.html``), the settings of Pelican's own pages (``pelicanconf.py``) and every
generator and the reader take a section's folder and templates from here. Links inside templates
to another section's pages still write its folder out (``/data/<navn>/``); they should come from
``SECTIONS`` too.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the site.

    key: the name templates and code use. title: the Danish name in the main menu. folder: the
    address inside the site, ending in "/" ("" for the front page). parent: the main-menu item a
    page of this section marks as current (itself when it is in the menu, None when no item is).
    made_by: where its pages are made. crumb: the name in a breadcrumb trail, when it differs from
    the title. content: the folder of ``content/`` its pages are read from, if any. template: the
    template of its own page (the index of the section); page_template: that of each page in it.
    """

    key: str
    title: str
    folder: str
    parent: str | None
    made_by: str
    in_menu: bool = False
    crumb: str = ""
    content: str | None = None
    template: str | None = None
    page_template: str | None = None

    @property
    def trail_title(self) -> str:
        """The name in a breadcrumb trail."""
        return self.crumb or self.title

    def save_as(self, *parts: str) -> str:
        """The file of a page in this section: ``save_as("2024")`` → "referater/2024/index.html"."""
        folders = (part.strip("/") for part in (self.folder, *parts))
        return "".join(f"{folder}/" for folder in folders if folder) + "index.html"

    def url(self, *parts: str) -> str:
        """The address of a page in this section: ``url("2024")`` → "referater/2024/"."""
        return self.save_as(*parts).removesuffix("index.html")


SECTIONS: dict[str, Section] = {
    section.key: section
    for section in (
        Section("forside", "Forside", "", None, "Pelican (a direct template)", template="index"),
        Section(
            "referater",
            "Referater",
            "referater/",
            "referater",
            "Pelican: articles, read by plugins/markdown_content",
            in_menu=True,
            content="referater",
            template="archives",
            page_template="meeting",
        ),
        Section(
            "guide",
            "Guide",
            "guide/",
            "guide",
            "plugins/guide; chapters read by plugins/markdown_content",
            in_menu=True,
            crumb="Veje til den gode praktik",
            content="guide",
            template="guide",
            page_template="guide_chapter",
        ),
        Section(
            "rapporter",
            "Rapporter",
            "rapporter/",
            "rapporter",
            "plugins/reports; chapters read by plugins/markdown_content",
            in_menu=True,
            content="rapporter",
            template="reports",
            page_template="report_chapter",
        ),
        Section(
            "beslutninger",
            "Beslutninger",
            "beslutninger/",
            "beslutninger",
            "plugins/registers",
            in_menu=True,
            template="decisions",
        ),
        Section(
            "temaer",
            "Temaer",
            "temaer/",
            "temaer",
            "plugins/themes",
            in_menu=True,
            content="temaer",
            template="themes",
            page_template="theme",
        ),
        Section(
            "kalender",
            "Kalender",
            "kalender/",
            "kalender",
            "plugins/registers",
            in_menu=True,
            template="calendar",
        ),
        Section(
            "udvalg",
            "Udvalg",
            "udvalg/",
            "udvalg",
            "Pelican: categories (committees)",
            in_menu=True,
            content="udvalg",
            template="categories",
            page_template="category",
        ),
        Section(
            "data",
            "Data",
            "data/",
            "data",
            "plugins/datatable",
            in_menu=True,
            template="datasets",
            page_template="dataset",
        ),
        Section(
            "opfoelgning",
            "Opfølgning",
            "opfoelgning/",
            "referater",
            "plugins/registers",
            template="followups",
        ),
        Section(
            "organisationer",
            "Organisationer",
            "organisationer/",
            "udvalg",
            "plugins/registers",
            content="organisationer",
            template="organisations",
            page_template="organisation",
        ),
        Section(
            "soeg",
            "Søg",
            "soeg/",
            None,
            "Pelican (a direct template), index by plugins/search",
            template="soeg",
        ),
        Section(
            "was", "Tilgængelighedserklæring", "was/", None, "Pelican (a direct template)", template="was"
        ),
        # Pages (content/sider/) are published at the top: /om/, /tilgaengelighed/ ….
        Section(
            "sider",
            "Sider",
            "",
            None,
            "Pelican: pages, read by plugins/markdown_content",
            content="sider",
            page_template="page",
        ),
        Section("feeds", "Feeds", "feeds/", None, "Pelican (Atom) and plugins/registers (ICS)"),
        Section("admin", "Redigering", "admin/", None, "plugins/admin", template="admin"),
    )
}


def pelican_templates() -> list[str]:
    """The index pages Pelican writes itself (its ``DIRECT_TEMPLATES``): the sections it makes."""
    made = (each for each in SECTIONS.values() if each.made_by.startswith("Pelican"))
    return [each.template for each in made if each.template]


def section(key: str) -> Section:
    """The section called ``key`` (a KeyError names a section the table does not have)."""
    return SECTIONS[key]
