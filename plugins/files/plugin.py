"""Pelican glue for the content tree: no links out of the repository, one name for each file, its history."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from plugins.kb.build import data_folder
from plugins.kb.storage.asked import asked
from plugins.kb.storage.history import read_history
from plugins.kb.storage.paths import FileTree, nfc, scan


def scan_files(pelican) -> None:
    """Walk content/ and data/ once per build (initialized: before any file is read).

    The problems (links, pipes, clashing names) are reported with the others by the validator,
    which stops the build before anything is written; readers open files without following links
    (plugins/kb/storage/paths.py), so nothing outside the repository is read in the meantime.
    """
    settings = pelican.settings
    content = Path(settings["PATH"]).resolve()
    tree = scan(content.parent, (content.name,))
    data = data_folder(settings).resolve()
    if data.is_dir() or data.is_symlink():
        found = scan(data.parent, (data.name,))
        tree.files |= found.files
        tree.problems += found.problems
        tree.refused |= found.refused
    settings["KB_FILES"] = tree
    settings["KB_HISTORY"] = read_history(content.parent)


def add_history(generator) -> None:
    """Let templates say when a page's files last changed (generator_init: the Jinja environment exists).

    ``last_changed("content/udvalg/luu-pa-amu.yml", …)``: the newest day of those files, or None;
    ``site_changed()``: the day the site's content last changed. A kept page is made anew when one of
    its answers changes (plugins/kb/storage/asked.py), not with every commit.
    """
    history = generator.settings["KB_HISTORY"]
    generator.env.globals.update(
        last_changed=asked("last_changed", history.last_changed),
        site_changed=asked("site_changed", lambda: history.newest),
    )


def publish_by_disk_name(generator) -> None:
    """Give Pelican the name on disk of every file a page links with ``{static}`` or ``{attach}``.

    article_ and page_generator_finalized: every link has been collected and the static generator,
    which copies them, has not run. An editor types "æ" composed (NFC) and macOS may have saved the
    file's name decomposed (NFD): the same name to both, two names to Linux.
    """
    tree: FileTree = generator.settings["KB_FILES"]
    content = Path(generator.settings["PATH"]).resolve()
    prefix = f"{content.name}/"
    links = generator.context["static_links"]
    for link in list(links):
        found = tree.on_disk(prefix + link)
        if found is not None and found != prefix + link:
            links.discard(link)
            links.add(found.removeprefix(prefix))


def find_content_as_nfc(generator) -> None:
    """Find a page or minutes file whose name is decomposed on disk (NFD) by its composed name too.

    article_ and page_generator_finalized: the files are read and no page is written, so the links
    resolved later (Pelican's in a page's body, the ``intrasite`` filter in minutes) find it by the
    name an editor types, as the validator does. Two files whose names differ only so are refused
    (paths.py: clashing names) before anything is written.
    """
    found = generator.context["generated_content"]
    for path, content in list(found.items()):
        if nfc(path) != path:
            found.setdefault(nfc(path), content)


def publish_as_nfc(generator) -> None:
    """Publish a file whose name is decomposed on disk (NFD) under its composed name, as links write it.

    static_generator_finalized: every file to publish is known and no page has been written, so
    links resolved later (Pelican's and the ``intrasite`` filter) find it by the composed name.
    """
    static = generator.context["static_content"]
    for path, found in list(static.items()):
        if found is not None and nfc(path) != path:
            found.override_save_as = nfc(found.save_as)
            found.override_url = nfc(found.url)
            static.setdefault(nfc(path), found)


def register() -> None:
    """Connect the receivers."""
    signals.initialized.connect(scan_files)
    signals.generator_init.connect(add_history)
    signals.article_generator_finalized.connect(publish_by_disk_name)
    signals.page_generator_finalized.connect(publish_by_disk_name)
    signals.article_generator_finalized.connect(find_content_as_nfc)
    signals.page_generator_finalized.connect(find_content_as_nfc)
    signals.static_generator_finalized.connect(publish_as_nfc)
