"""Jinja's compiled templates kept in the content cache (plugins/kb/storage/templates.py)."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from plugins.kb.storage.cache import ContentCache
from plugins.kb.storage.templates import CompiledTemplates

OPTIONS = {"autoescape": True, "trim_blocks": True}


def _render(cache: ContentCache, source: str, monkeypatch, options: dict = OPTIONS) -> tuple[str, int]:
    """Render ``source`` in a new environment; return the page and how often Jinja compiled."""
    compiled = []
    compile_source = Environment.compile

    def counted(self, *args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else None)
        return compile_source(self, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counted)
    environment = Environment(loader=DictLoader({"side.html": source}), **options)
    environment.bytecode_cache = CompiledTemplates(cache, options)
    page = environment.get_template("side.html").render(navn="Ærø & Co")
    return page, len(compiled)


def test_a_template_compiled_once_is_taken_from_the_cache(tmp_path, monkeypatch):
    source = "<p>Hej {{ navn }}</p>"
    assert _render(ContentCache(tmp_path), source, monkeypatch) == ("<p>Hej Ærø &amp; Co</p>", 1)
    assert _render(ContentCache(tmp_path), source, monkeypatch) == ("<p>Hej Ærø &amp; Co</p>", 0)


def test_an_edited_template_or_other_options_compile_again(tmp_path, monkeypatch):
    _render(ContentCache(tmp_path), "<p>Hej {{ navn }}</p>", monkeypatch)
    assert _render(ContentCache(tmp_path), "<p>Goddag {{ navn }}</p>", monkeypatch) == (
        "<p>Goddag Ærø &amp; Co</p>",
        1,
    )
    # Without autoescape the same source compiles to other code: it is not taken from the cache.
    unescaped = {**OPTIONS, "autoescape": False}
    assert _render(ContentCache(tmp_path), "<p>Goddag {{ navn }}</p>", monkeypatch, unescaped) == (
        "<p>Goddag Ærø & Co</p>",
        1,
    )


def test_a_damaged_entry_is_compiled_again(tmp_path, monkeypatch):
    source = "<p>Hej {{ navn }}</p>"
    cache = ContentCache(tmp_path)
    _render(cache, source, monkeypatch)
    monkeypatch.setattr(ContentCache, "get", lambda self, key: b"ikke kode")
    assert _render(ContentCache(tmp_path), source, monkeypatch) == ("<p>Hej Ærø &amp; Co</p>", 1)
