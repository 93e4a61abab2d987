# Settings for local preview. publishconf.py adds what only the published site needs.

from plugins.kb.sections import SECTIONS, pelican_templates, section

SITENAME = "Praktikviden"
# Minutes have no personal author; feeds name the site.
AUTHOR = "Praktikviden"
SITESUBTITLE = "Viden om praktik og oplæring på SOSU- og PA-uddannelserne"
SITEURL = ""
# The published address, for what must be absolute: sitemap.xml and the links in the Atom feeds.
SITE_ADDRESS = "http://localhost:8000"
# Feed entries link to the preview; publishconf.py sets the published address.
FEED_DOMAIN = SITE_ADDRESS
# The official accessibility statement made in the state's WAS-Tool; the footer links it and /was/
# redirects to it.
ACCESSIBILITY_STATEMENT_URL = "https://www.was.digst.dk/praktikviden-dk"
RELATIVE_URLS = True
# The site's sections, for the main menu and the breadcrumb trails (theme/templates/base.html).
SECTIONS = SECTIONS

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
# Escape every value a template prints unless it is marked as HTML (Markup, or |safe for Pelican's
# own rendered content): a "<" in a name or a column heading must never become markup.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}
TIMEZONE = "Europe/Copenhagen"
DEFAULT_LANG = "da"

PLUGIN_PATHS = ["."]
# No plugin imports another (what they share is in plugins/kb/), but the order matters where they
# answer the same signal: lifecycle checks the settings first; the file tree (files) is scanned before
# the committees, themes, reports (markdown_content) and datasets are read (initialized); the
# validator stops the build after the meetings are linked (all_generators_finalized); generators
# write in this order (get_generators); search is last: on finalized it indexes the written site.
PLUGINS = [
    "plugins.lifecycle",
    "plugins.files",
    "plugins.formatting",
    "plugins.markdown_content",
    "plugins.datatable",
    "plugins.validator",
    "plugins.attachments",
    "plugins.registers",
    "plugins.themes",
    "plugins.guide",
    "plugins.reports",
    "plugins.admin",
    "plugins.search",
    "plugins.assets",
]

ARTICLE_PATHS = ["referater"]
PAGE_PATHS = ["sider", "guide", "rapporter"]
STATIC_PATHS = []
READERS = {"html": None}
# Dates come from front matter only, never from file names.
FILENAME_METADATA = ""

MARKDOWN = {
    "extension_configs": {
        # Footnotes (reports): the link back from a footnote is named in Danish.
        "markdown.extensions.extra": {"footnotes": {"BACKLINK_TITLE": "Tilbage til fodnote %d i teksten"}},
        "markdown.extensions.sane_lists": {},
        # Minutes are records: a line break the referent made stays a line break on the page.
        "markdown.extensions.nl2br": {},
        # A line that starts with a date ("10. marts kl. 9-12") stays text, never a list number.
        "plugins.formatting.datelines": {},
        # Plain text skips the raw-HTML parser, block tests and inline patterns that cannot match it
        # (the same HTML, sooner).
        "plugins.formatting.plaintext": {},
    },
    "output_format": "html5",
}

# Minutes are Pelican articles; their category is the committee. Every folder is the section's
# (plugins/kb/sections.py).
ARTICLE_URL = section("referater").url("{category}", "{slug}")
ARTICLE_SAVE_AS = section("referater").save_as("{category}", "{slug}")
ARCHIVES_URL = section("referater").url()
ARCHIVES_SAVE_AS = section("referater").save_as()
CATEGORY_URL = section("udvalg").url("{slug}")
CATEGORY_SAVE_AS = section("udvalg").save_as("{slug}")
CATEGORIES_URL = section("udvalg").url()
CATEGORIES_SAVE_AS = section("udvalg").save_as()
PAGE_URL = section("sider").url("{slug}")
PAGE_SAVE_AS = section("sider").save_as("{slug}")
NEWEST_FIRST_ARCHIVES = True
# The minutes of each year on a page of their own (period_archives.html); /referater/ shows the newest.
YEAR_ARCHIVE_URL = section("referater").url("{date:%Y}")
YEAR_ARCHIVE_SAVE_AS = section("referater").save_as("{date:%Y}")
# A committee's page lists its newest 100 minutes; the rest follow on /udvalg/<udvalg>/side-2/ ….
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": 100, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/side-{number}/", "{base_name}/side-{number}/index.html"),
)


def _newest_first(article):
    """Newest meeting first; meetings on the same day by file name, so every build lists them alike."""
    return (-article.date.timestamp(), article.source_path)


# Pelican finds the files as a set, in an order that changes from run to run: sort fully.
ARTICLE_ORDER_BY = _newest_first
# One language only: two committees meeting on the same day share a slug (the date) but are not translations.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
# The front page, the lists of minutes and committees, the search page and the accessibility statement.
DIRECT_TEMPLATES = pelican_templates()
SOEG_SAVE_AS = section("soeg").save_as()
WAS_SAVE_AS = section("was").save_as()
SEARCH_URL = section("soeg").url()
DEFAULT_PAGINATION = False

# Pages this site does not have.
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# Atom feeds of new minutes, for all committees and per committee, from Pelican's own feed writer.
FEED_ALL_ATOM = f"{section('feeds').folder}referater.atom.xml"
CATEGORY_FEED_ATOM = f"{section('feeds').folder}{{slug}}.atom.xml"
FEED_MAX_ITEMS = 50
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# The browser editor at /admin/ edits this checkout through decap-server on 127.0.0.1 (./run cms);
# publishconf.py points it at the GitHub repository instead.
KB_CMS_LOCAL = True

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
