"""Pelican glue for the browser editor: /admin/ with Decap CMS, its configuration, and "Rediger" links.

Decap CMS comes from npm (package.json, installed by ./run) and is copied into the site, so the
editor loads nothing from another host; its configuration is made by plugins/kb/outputs/cms.py from the
field table and the committees, themes and reports being built.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from pelican import signals
from pelican.generators import Generator

from plugins.kb.build import setting
from plugins.kb.metadata.fields import GUIDE_ROLES, PAGE_TYPES, ChartKind, Choices, ColumnType
from plugins.kb.outputs.cms import ADMIN, Backend, cms_config, edit_address
from plugins.kb.problems import ContentError, Problem
from plugins.kb.sections import section

ROOT = Path(__file__).resolve().parent.parent.parent
THEME_ADMIN = ROOT / "theme" / "admin"
NODE_MODULES = ROOT / "node_modules"
# The parts of the npm packages the editor loads: Decap's bundle with its chunks and WebAssembly,
# and js-yaml's browser module (for the site's own file format, theme/admin/metadata.js).
DECAP = NODE_MODULES / "decap-cms" / "dist"
JS_YAML = NODE_MODULES / "js-yaml" / "dist" / "browser" / "js-yaml.esm.min.mjs"
# What /admin/ may load and contact (docs/redigering.md): the editor's own files; GitHub's API and
# avatars and the sign-in service when it saves to GitHub; the local server when it edits this
# checkout. Decap compiles its configuration schema at run time ('unsafe-eval'), styles its
# components inline ('unsafe-inline' for styles) and reads an uploaded file back from its blob: URL.
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: {images}; connect-src 'self' blob: {connect}; font-src 'self' data:; "
    "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


class AdminGenerator(Generator):
    """Write /admin/: the editor's page, its configuration and its scripts."""

    def generate_output(self, writer) -> None:
        """Write /admin/ (only when this build writes everything: plugins/kb/build.py)."""
        if not setting(self.settings, "KB_BUILD").writes_everything:
            return
        missing = [path for path in (DECAP / "decap-cms.js", JS_YAML) if not path.is_file()]
        if missing:
            raise ContentError(
                [
                    Problem(
                        "package.json",
                        0,
                        "redigeringen i browseren (Decap CMS) er ikke installeret.",
                        "kør './run build' eller './run serve', som installerer den, eller 'npm ci'.",
                    )
                ]
            )
        backend = backend_of(self.settings)
        config = cms_config(
            backend,
            self.settings.get("SITE_ADDRESS", ""),
            self.settings["KB_COMMITTEES"].by_slug.values(),
            {slug: report.title for slug, report in self.settings["KB_REPORTS"].by_slug.items()},
            vocabularies(self.settings),
        )
        target = Path(self.output_path) / ADMIN
        writer.write_file(
            f"{ADMIN}index.html",
            self.get_template(section("admin").template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            csp=content_security_policy(backend),
        )
        (target / "config.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )
        for source in sorted(THEME_ADMIN.glob("*.js")):
            _place(source, target / source.name)
        _place(JS_YAML, target / "vendor" / "js-yaml.mjs")
        for source in sorted(DECAP.iterdir()):
            if source.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
                _place(source, target / "decap" / source.name)


def backend_of(settings: dict) -> Backend:
    """Where the editor saves, from the KB_CMS_ settings (pelicanconf.py, publishconf.py)."""
    return Backend(
        repo=setting(settings, "KB_CMS_REPO"),
        branch=setting(settings, "KB_CMS_BRANCH"),
        auth_url=setting(settings, "KB_CMS_AUTH_URL"),
        local=setting(settings, "KB_CMS_LOCAL"),
        local_port=setting(settings, "KB_CMS_LOCAL_PORT"),
    )


def vocabularies(settings: dict) -> dict[Choices, list[tuple[str, str]]]:
    """The allowed values of every closed field, with the names an editor knows them by."""

    def named(registry) -> list[tuple[str, str]]:
        found = settings[registry].by_slug
        return sorted(((slug, getattr(entry, "name", None) or entry.title) for slug, entry in found.items()))

    return {
        Choices.COMMITTEES: named("KB_COMMITTEES"),
        Choices.THEMES: named("KB_THEMES"),
        Choices.REPORTS: named("KB_REPORTS"),
        Choices.PAGE_TYPES: list(PAGE_TYPES.items()),
        Choices.ROLES: list(GUIDE_ROLES.items()),
        Choices.CHARTS: [(kind.value, kind.value) for kind in ChartKind],
        Choices.COLUMN_TYPES: [(kind.value, kind.value) for kind in ColumnType],
    }


def content_security_policy(backend: Backend) -> str:
    """The editor page's policy: only what its backend needs."""
    if backend.local:
        server = backend.local_server.removesuffix("/api/v1")
        return _CSP.format(images="", connect=server).replace("  ", " ")
    connect = " ".join(filter(None, ["https://api.github.com", backend.auth_url]))
    return _CSP.format(images="https://avatars.githubusercontent.com", connect=connect)


def _place(source: Path, target: Path) -> None:
    """Put ``source`` at ``target``: a hard link where the file system allows it, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # the live preview writes into the site it wrote before
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def add_edit_address(generator) -> None:
    """Let templates link a page to its entry in the editor (generator_init: the Jinja environment exists)."""
    repository = Path(generator.settings["PATH"]).parent

    def source_file(content) -> str:
        """A content file's path from the repository's root, as the editor's collections name it."""
        return Path(content.source_path).relative_to(repository).as_posix()

    generator.env.globals.update(edit_address=edit_address, source_file=source_file)
    generator.env.filters["source_file"] = source_file  # for a list: pages|map("source_file")


def get_generators(pelican):
    """Add the admin generator."""
    return AdminGenerator


def register() -> None:
    """Connect the receivers."""
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_edit_address)
