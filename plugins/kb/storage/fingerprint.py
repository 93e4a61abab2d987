"""Everything parsed content depends on besides its own text: part of the content cache's keys."""

from __future__ import annotations

from pathlib import Path

from plugins.kb.build import data_folder
from plugins.kb.storage.cache import digest, fingerprint

ROOT = Path(__file__).resolve().parents[3]
# The code running in this process, read once when it is imported (Python does not load it again):
# the plugins and the pinned dependencies.
CODE_VERSION = fingerprint(
    {
        path.relative_to(ROOT).as_posix(): path
        for path in [*ROOT.glob("plugins/**/*.py"), ROOT / "pyproject.toml"]
    }
)
# What a text is parsed against besides the code: the templates tables are embedded with, and the
# committees, themes and reports (the slugs it may name).
_THEME = "templates/**/*.html"
_REGISTRIES = ("udvalg/*.yml", "temaer/*.yml", "rapporter/*/rapport.yml")


def content_fingerprint(settings: dict) -> str:
    """A digest of the code, the templates, the registries, the datasets and the Markdown settings.

    Datasets count whole: a minutes file that embeds a table carries the table's HTML.
    """
    content_root = Path(settings["PATH"])
    files = {
        f"tema:{path.relative_to(settings['THEME'])}": path for path in Path(settings["THEME"]).glob(_THEME)
    }
    for pattern in _REGISTRIES:
        files |= {f"indhold:{path.relative_to(content_root)}": path for path in content_root.glob(pattern)}
    files |= {f"data:{path.name}": path for path in data_folder(settings).glob("*") if path.is_file()}
    markdown = settings["MARKDOWN"]
    return fingerprint(
        files,
        CODE_VERSION,
        repr(sorted(markdown.get("extension_configs", {}).items())),
        markdown.get("output_format", ""),
    )


def attachment_key(source: str, data: bytes) -> str:
    """The cache key of an attachment's description: its file, its bytes and the code."""
    return digest("bilag", CODE_VERSION, source, data)
