"""The browser editor's configuration is the field table: every field in a form, and nothing else."""

from __future__ import annotations

import dataclasses
import re

import pytest

from plugins.kb.metadata.canonical import SUBFIELDS
from plugins.kb.metadata.fields import Choices, Field, Kind
from plugins.kb.metadata.kinds import CONTENT_KINDS, MINUTES
from plugins.kb.model import Committee
from plugins.kb.outputs import cms
from plugins.kb.outputs.cms import DATE_PATTERN, TIMESPAN_PATTERN, Backend, cms_config, edit_address

COMMITTEES = [
    Committee("luu-test", "LUU Test", "Et udvalg.", (), ("Godkendelse af dagsorden", "Eventuelt")),
    Committee("luu-ny", "LUU Ny", "Et nyt udvalg.", (), ()),
]
VOCABULARIES = {
    Choices.COMMITTEES: [("luu-ny", "LUU Ny"), ("luu-test", "LUU Test")],
    Choices.THEMES: [("frafald", "Frafald")],
    Choices.REPORTS: [("eksempel", "Eksempelrapport")],
    Choices.PAGE_TYPES: [("side", "Side"), ("guide", "Guide")],
    Choices.ROLES: [("elev", "Elev")],
    Choices.CHARTS: [("linje", "linje")],
    Choices.COLUMN_TYPES: [("tekst", "tekst")],
}


GITHUB = Backend("skole/praktikviden", auth_url="https://login.example.dk")


def config(backend=GITHUB):
    return cms_config(
        backend, "https://praktikviden.dk", COMMITTEES, {"eksempel": "Eksempelrapport"}, VOCABULARIES
    )


def collection(found, name):
    return next(c for c in found["collections"] if c["name"] == name)


def form_fields(entry):
    """A collection's (or a file's) form as {key path: form field}, nested ones as 'parent.child'."""
    found = {}

    def walk(fields, prefix=""):
        for field in fields:
            found[prefix + field["name"]] = field
            walk(field.get("fields", []), f"{prefix}{field['name']}.")

    walk(entry["fields"])
    return found


def table_fields(fields, prefix=""):
    found = {}
    for field in fields:
        found[prefix + field.key] = field
        if field.kind in SUBFIELDS:
            found |= table_fields(SUBFIELDS[field.kind], f"{prefix}{field.key}.")
    return found


@pytest.mark.parametrize("kind", CONTENT_KINDS, ids=lambda kind: kind.key)
def test_every_field_of_the_table_is_in_the_form_and_nothing_else(kind):
    found = config()
    named = [c for c in found["collections"] if c["name"] == kind.key or c["name"].startswith(f"{kind.key}-")]
    entries = [c for c in named if "fields" in c]
    entries += [f for c in found["collections"] for f in c.get("files", []) if c["name"] == kind.key]
    if kind.key == "rapportkapitler":
        entries = [collection(found, "rapport-eksempel")]
    assert entries
    for entry in entries:
        form = {key: value for key, value in form_fields(entry).items() if key != "body"}
        table = table_fields(kind.fields)
        assert set(form) == set(table)
        for key, field in table.items():
            shown = form[key]
            assert shown["label"] == field.title
            if shown["widget"] != "hidden":
                assert shown["required"] is field.required, key
                assert shown["hint"] == field.help


@pytest.mark.parametrize(
    ("kind", "widget"),
    [(Kind.DATE, "string"), (Kind.TIMESPAN, "string"), (Kind.NUMBER, "number"), (Kind.BOOLEAN, "boolean")],
)
def test_each_kind_gets_its_widget_and_the_validators_format(kind, widget):
    form = form_fields(collection(config(), "referater-luu-test")) | form_fields(
        collection(config(), "sider")
    )
    form |= form_fields(collection(config(), "data"))
    shown = [form[key] for key, field in table_fields([*MINUTES.fields]).items() if field.kind is kind]
    shown = shown or [
        f for f in form.values() if f.get("widget") == widget and f["name"] in ("kapitel", "total_raekke")
    ]
    assert shown and all(f["widget"] == widget for f in shown)
    if kind is Kind.DATE:
        assert all(f["pattern"][0] == DATE_PATTERN for f in shown)
    if kind is Kind.TIMESPAN:
        assert all(f["pattern"][0] == TIMESPAN_PATTERN for f in shown)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2024-09-16", True),
        ("2024-02-29", True),
        ("2000-02-29", True),
        ("2023-02-29", False),
        ("1900-02-29", False),
        ("2024-02-30", False),
        ("2024-04-31", False),
        ("2024-13-01", False),
        ("16-09-2024", False),
        ("2024-9-16", False),
    ],
)
def test_the_form_accepts_exactly_the_dates_of_the_calendar(text, valid):
    assert bool(re.fullmatch(DATE_PATTERN, text)) is valid


def test_committees_and_themes_are_offered_exactly_as_they_are():
    form = form_fields(collection(config(), "referater-luu-test"))
    assert [o["value"] for o in form["udvalg"]["options"]] == ["luu-ny", "luu-test"]
    assert [o["value"] for o in form["temaer.temaer"]["options"]] == ["frafald"]
    assert form["temaer.temaer"]["multiple"] is True


def test_a_committee_added_gets_its_minutes_with_its_standing_agenda():
    found = config()
    names = [c["name"] for c in found["collections"] if c["name"].startswith("referater-")]
    assert names == ["referater-luu-ny", "referater-luu-test"]
    test = collection(found, "referater-luu-test")
    assert test["filter"] == {"field": "udvalg", "value": "luu-test"}
    assert form_fields(test)["udvalg"]["default"] == "luu-test"
    assert form_fields(test)["body"]["default"] == "## 1. Godkendelse af dagsorden\n\n## 2. Eventuelt\n\n"
    assert form_fields(collection(found, "referater-luu-ny"))["body"]["default"].startswith(
        "## 1. Godkendelse"
    )


def test_a_field_added_to_the_table_appears_in_the_form(monkeypatch):
    extra = Field("ordstyrer", Kind.TEXT, False, "hvem der styrede ordet", "ordstyrer: Anne", "Ordstyrer")
    monkeypatch.setattr(cms, "MINUTES", dataclasses.replace(MINUTES, fields=(*MINUTES.fields, extra)))
    form = form_fields(collection(config(), "referater-luu-test"))
    assert form["ordstyrer"] == {
        "name": "ordstyrer",
        "label": "Ordstyrer",
        "widget": "string",
        "required": False,
        "hint": "hvem der styrede ordet",
    }


def test_the_body_is_edited_as_markdown_text_only():
    for entry in config()["collections"]:
        body = form_fields(entry).get("body") if "fields" in entry else None
        if body is not None:
            assert body["widget"] == "markdown" and body["modes"] == ["raw"]


def test_github_with_pull_requests_when_published_and_the_local_server_in_the_preview():
    published = config()
    assert published["backend"] == {
        "name": "github",
        "repo": "skole/praktikviden",
        "branch": "main",
        "base_url": "https://login.example.dk",
        "cms_label_prefix": "redigering/",
    }
    assert published["publish_mode"] == "editorial_workflow" and "local_backend" not in published
    assert published["locale"] == "da"
    local = config(Backend("", local=True, local_port=9123))
    assert local["local_backend"]["url"] == "http://127.0.0.1:9123/api/v1"


@pytest.mark.parametrize(
    ("path", "committee", "address"),
    [
        (
            "content/referater/2024-09-16-luu-test.md",
            "luu-test",
            "collections/referater-luu-test/entries/2024-09-16-luu-test",
        ),
        ("content/sider/om.md", None, "collections/sider/entries/om"),
        ("content/guide/02-foer-praktikken.md", None, "collections/guide/entries/02-foer-praktikken"),
        ("content/rapporter/eksempel/01-start.md", None, "collections/rapport-eksempel/entries/01-start"),
        ("content/rapporter/eksempel/rapport.yml", None, "collections/rapporter/entries/eksempel"),
        ("content/udvalg/luu-test.yml", None, "collections/udvalg/entries/luu-test"),
        ("content/temaer/frafald.yml", None, "collections/temaer/entries/frafald"),
        ("data/amu.yml", None, "collections/data/entries/amu"),
        ("content/bilag/x/plan.pdf", None, None),
    ],
)
def test_every_content_page_knows_its_entry(path, committee, address):
    assert edit_address(path, committee) == (f"admin/#/{address}" if address else None)


def test_a_datasets_csv_file_is_uploaded_into_data_beside_its_schema():
    shown = form_fields(collection(config(), "data"))["csv"]
    assert (shown["widget"], shown["media_folder"], shown["public_folder"]) == ("file", "/data", "")
    assert collection(config(), "data")["create"] is True
