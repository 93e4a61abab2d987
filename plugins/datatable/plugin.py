"""Pelican glue for datasets: load data/, embed ``[tabel: navn]``, write catalogue and dataset pages."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from pelican import signals
from pelican.generators import Generator

from plugins.kb.build import data_folder, setting
from plugins.kb.content.links import ROOT_MARKER
from plugins.kb.content.tablerefs import check_table_refs
from plugins.kb.outputs.filters import FILTERS
from plugins.kb.problems import Problem
from plugins.kb.sections import section
from plugins.kb.storage.cache import ContentCache, digest
from plugins.kb.storage.fingerprint import CODE_VERSION

from .chart import build_chart
from .limits import MAX_CSV_BYTES
from .shortcode import TableExtension
from .table import Table, load_table

DATA_URL = section("data").folder


@dataclass(slots=True)
class Datasets:
    """The datasets read from data/ and the problems found in them."""

    by_slug: dict[str, Table] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # names of datasets with problems: not unknown


def load_datasets(pelican) -> None:
    """Read every dataset once and teach Markdown the shortcode (initialized: before any reader)."""
    settings = pelican.settings
    folder = data_folder(settings)
    root = folder.parent
    datasets = Datasets()
    for csv_path in sorted(folder.glob("*.csv")):
        schema = csv_path.with_suffix(".yml")
        if not schema.exists():
            datasets.problems.append(
                Problem(
                    csv_path.relative_to(root).as_posix(),
                    0,
                    "tabellen har ingen skemafil.",
                    f"opret {schema.relative_to(root).as_posix()} med titel, kilde, trukket og kolonner.",
                )
            )
            continue
        table, problems = _load(csv_path, schema, root, setting(settings, "KB_BUILD").cache)
        datasets.problems += problems
        if table:
            datasets.by_slug[table.slug] = table
        else:
            datasets.refused.add(csv_path.stem)
    settings["KB_DATASETS"] = datasets
    renderer = _renderer(settings)
    # One shortcode extension, this build's: the live preview reads the settings again for each build.
    others = [
        found for found in settings["MARKDOWN"].get("extensions", []) if not isinstance(found, TableExtension)
    ]
    extension = TableExtension(render=lambda name: _embed(renderer, datasets, settings, name))
    settings["MARKDOWN"]["extensions"] = [*others, extension]


def _load(csv_path: Path, schema: Path, root: Path, cache: ContentCache | None):
    """load_table, kept in the build's content cache under the two files' names and bytes and the code.

    A dataset read before is not read with pandas again (nor pandas imported: about 0.4 s of a
    build). Only two plain files, reached through no link, of a size load_table reads, are kept:
    anything else is left to load_table, which says what is wrong.
    """
    plain = all(
        stat.S_ISREG(path.lstat().st_mode) and path.resolve() == path.absolute()
        for path in (csv_path, schema)
    )
    if cache is None or not plain or csv_path.lstat().st_size > MAX_CSV_BYTES:
        return load_table(csv_path, schema, root)
    names = (str(csv_path.absolute()), str(schema.absolute()), str(root.absolute()))
    key = digest("tabel", CODE_VERSION, *names, csv_path.read_bytes(), schema.read_bytes())
    return cache.remembered(key, lambda: load_table(csv_path, schema, root), _is_loaded)


def _is_loaded(found) -> bool:
    """Whether a cache entry is what load_table returns: (table or None, problems)."""
    return isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], list)


def check_refs(content) -> None:
    """Report unknown dataset names with file and line (content_object_init: source is known)."""
    refs = getattr(content, "kb_table_refs", None)  # found by the reader (plugins/markdown_content/reader.py)
    if not refs:
        return
    settings = content.settings
    source = Path(content.source_path).relative_to(Path(settings["PATH"]).parent).as_posix()
    datasets = settings["KB_DATASETS"]
    problems = check_table_refs(refs, source, datasets.by_slug.keys() | datasets.refused)
    if problems:
        content.kb_problems = [*getattr(content, "kb_problems", []), *problems]


class DatasetGenerator(Generator):
    """Write the data catalogue, one page per dataset, and each CSV for download."""

    def generate_output(self, writer) -> None:
        """Write pages and the CSV files (byte for byte when saved as UTF-8 with commas)."""
        datasets = self.settings["KB_DATASETS"].by_slug
        tables = sorted(datasets.values(), key=lambda table: table.title)
        writer.write_file(
            f"{DATA_URL}index.html",
            self.get_template(section("data").template),
            self.context,
            tables=tables,
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        for table in tables:
            writer.write_file(
                f"{DATA_URL}{table.slug}/index.html",
                self.get_template(section("data").page_template),
                self.context,
                table=table,
                chart=build_chart(table),
                relative_urls=self.settings["RELATIVE_URLS"],
            )
            if not setting(self.settings, "KB_BUILD").writes_everything:
                continue
            target = Path(self.output_path) / DATA_URL / table.slug / table.csv_path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(table.published_csv)


def get_generators(pelican):
    """Add the dataset generator."""
    return DatasetGenerator


def _renderer(settings: dict):
    env = Environment(
        loader=FileSystemLoader(str(Path(settings["THEME"]) / "templates")),
        autoescape=True,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTERS)
    return env.get_template("partials/data_table_embed.html")


def _embed(template, datasets: Datasets, settings: dict, name: str) -> str | None:
    table = datasets.by_slug.get(name)
    if table is None:
        return None
    return template.render(table=table, chart=build_chart(table), SITEURL=ROOT_MARKER, embedded=True)


def register() -> None:
    """Connect the receivers."""
    signals.initialized.connect(load_datasets)
    signals.content_object_init.connect(check_refs)
    signals.get_generators.connect(get_generators)
