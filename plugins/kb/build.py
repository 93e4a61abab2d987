"""What one build does, in one frozen description that every writer of output asks.

Whoever starts a build (``praktikviden/site.py``: a full build, the live preview's quick build, a
check) puts a :class:`Build` under the one setting ``KB_BUILD``; a plain ``pelican content`` gets
``DEFAULTS``. Nothing else in the settings says what to write.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from plugins.kb.model import DANISH_TIME
from plugins.kb.outputs.searchsites import search_sites
from plugins.kb.problems import Problem
from plugins.kb.storage.cache import ContentCache


class BuildSuperseded(Exception):
    """A file changed while the live preview was building: the build stops for a newer one.

    A full build writes into a folder of its own, so stopping leaves the site being shown as it was.
    """


class ChecksDone(Exception):
    """A check has read and checked everything and found nothing wrong; it stops before writing."""


@dataclass(frozen=True, slots=True)
class Build:
    """What this build does.

    Attributes:
        only: the minutes files (resolved paths) whose pages a quick preview build writes, and
            nothing else; None for every page.
        check: read and check everything, then stop before anything is written.
        search: index the written site with Pagefind (only a build that writes everything does).
        stop: set by the live preview's file watcher when a newer change waits; the build stops.
        cache: parsed content kept between builds (in memory, and in a folder if it has one).

    """

    only: frozenset[str] | None = None
    check: bool = False
    search: bool = True
    stop: threading.Event | None = None
    cache: ContentCache | None = None

    @property
    def writes_everything(self) -> bool:
        """Whether this build writes the whole site: listings, registers, feeds, files and search."""
        return self.only is None and not self.check

    @property
    def indexes(self) -> bool:
        """Whether this build writes the search index."""
        return self.search and self.writes_everything

    def writes_page_of(self, source_path: str | None) -> bool:
        """Whether the page of the content file ``source_path`` (None: not a content page) is written."""
        if self.check:
            return False
        if self.only is None:
            return True
        return source_path is not None and os.path.realpath(source_path) in self.only

    def only_pages_of(self, minutes: list[str]) -> Build:
        """This build, writing only the pages of these minutes files (the live preview's quick build)."""
        return replace(self, only=frozenset(os.path.realpath(path) for path in minutes), search=False)

    def checking(self) -> Build:
        """This build as a check: read and check everything, write nothing."""
        return replace(self, check=True, search=False)

    def should_stop(self) -> bool:
        """Whether a newer change waits for this build to stop (always False outside the preview)."""
        return self.stop is not None and self.stop.is_set()


# Every KB_ setting a site may give, with its default.
DEFAULTS = {
    # What this build does (see Build).
    "KB_BUILD": Build(),
    # Below this many minutes files, parsing them in worker processes costs more than it saves.
    "KB_PARALLEL_MIN": 50,
    # The folder of the datasets' CSV files; None: data/ beside the content folder.
    "KB_DATA_PATH": None,
    # At most this many pages in one part of the search index, a year never split (plugins/search/
    # parts.py), and the index split only beyond this many meeting pages: Pagefind needs about
    # 0.9 MB of memory per page it indexes, and an edit indexes its part again (about 1 s per 150
    # meetings; benchmarks/RESULTS.md).
    "KB_SEARCH_PART_PAGES": 200,
    # Other schools' sites whose search indexes the search page searches too, by the name their
    # results are labelled with: {"SOSU Nord": "https://…/pagefind/"} (plugins/kb/outputs/searchsites.py).
    "KB_SEARCH_SITES": {},
    # The browser editor at /admin/ (plugins/admin, docs/redigering.md): the GitHub repository it
    # saves to ('owner/name'), its published branch, the address of the sign-in (OAuth) service,
    # and whether it edits this checkout through decap-server on 127.0.0.1 instead (the preview).
    "KB_CMS_REPO": "",
    "KB_CMS_BRANCH": "main",
    "KB_CMS_AUTH_URL": None,
    "KB_CMS_LOCAL": False,
    "KB_CMS_LOCAL_PORT": 8081,
}
_TYPES = {
    "KB_BUILD": Build,
    "KB_PARALLEL_MIN": int,
    "KB_DATA_PATH": (str, type(None)),
    "KB_SEARCH_PART_PAGES": int,
    "KB_SEARCH_SITES": dict,
    "KB_CMS_REPO": str,
    "KB_CMS_BRANCH": str,
    "KB_CMS_AUTH_URL": (str, type(None)),
    "KB_CMS_LOCAL": bool,
    "KB_CMS_LOCAL_PORT": int,
}
# Made by the plugins while a build reads its content: not for a site to set.
MADE_BY_PLUGINS = (
    "KB_FILES",
    "KB_HISTORY",
    "KB_COMMITTEES",
    "KB_THEMES",
    "KB_REPORTS",
    "KB_ORGANISATIONS",
    "KB_DATASETS",
)


def data_folder(settings: dict) -> Path:
    """The datasets' folder: ``KB_DATA_PATH``, or data/ beside the content folder."""
    return Path(setting(settings, "KB_DATA_PATH") or Path(settings["PATH"]).parent / "data")


def setting(settings: dict, key: str):
    """The value of the KB_ setting ``key``: the site's own, or the default."""
    return settings.get(key, DEFAULTS[key])


def _given_epoch(settings: dict) -> str | None:
    """SOURCE_DATE_EPOCH as given: the setting (the command line's), else the environment's; or None."""
    if "SOURCE_DATE_EPOCH" in settings:
        return str(settings["SOURCE_DATE_EPOCH"]).strip()
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"].strip()
    return None


def _moment_of(epoch: str) -> dt.datetime | None:
    """The time ``epoch`` seconds after 1 January 1970, or None if it is no such time (digits only)."""
    if not (epoch.isascii() and epoch.isdigit()):
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):  # milliseconds, say: after the year 9999
        return None


def build_moment(settings: dict) -> dt.datetime:
    """The build's reference time: SOURCE_DATE_EPOCH (the commit's time) when set, else now.

    It dates the ICS events' DTSTAMP and decides which planned meetings are upcoming, so that two
    builds of one commit are identical. settings_problems has refused one that is no time.
    """
    epoch = _given_epoch(settings)
    return (_moment_of(epoch) if epoch else None) or dt.datetime.now(dt.UTC)


def build_day(settings: dict) -> dt.date:
    """The day of the build's reference time in Denmark: from it a planned meeting is ahead."""
    return danish_day(build_moment(settings))


def danish_day(moment: dt.datetime) -> dt.date:
    """The day ``moment`` falls on in Denmark, not in UTC (still yesterday's just after midnight)."""
    return moment.astimezone(DANISH_TIME).date()


def settings_problems(settings: dict, source: str = "pelicanconf.py") -> list[Problem]:
    """Unknown or mistyped KB_ settings, and a SOURCE_DATE_EPOCH that is not seconds (on initialized)."""
    problems = []
    epoch = _given_epoch(settings)
    if epoch is not None and _moment_of(epoch) is None:
        problems.append(
            Problem(
                "SOURCE_DATE_EPOCH",
                0,
                f"byggets tid skal være et helt antal sekunder siden 1. januar 1970, ikke '{epoch}'.",
                "skriv fx SOURCE_DATE_EPOCH=1732000000, eller lad være med at sætte den.",
            )
        )
    for key in sorted(k for k in settings if k.startswith("KB_") and k not in MADE_BY_PLUGINS):
        if key not in DEFAULTS:
            known = ", ".join(DEFAULTS)
            problems.append(Problem(source, 0, f"ukendt indstilling '{key}'.", f"brug en af: {known}."))
        elif not isinstance(settings[key], _TYPES[key]):
            problems.append(
                Problem(source, 0, f"indstillingen '{key}' har forkert type.", f"se DEFAULTS i {__name__}.")
            )
        elif key == "KB_SEARCH_SITES":
            problems += search_sites(settings[key], source)[1]
    return problems
