"""The browser editor's configuration (Decap CMS ``admin/config.yml``), made from the field table.

Every form field comes from plugins/kb/metadata/fields.py and every collection from
plugins/kb/metadata/kinds.py, so a form can neither ask for a key the build refuses nor leave out
one it needs; committees, themes and reports are offered as they are in the repository when the
site is built. Checks a form can make on one field (a date that exists, a time span, a required
value) carry the validator's formats and Danish hints; the whole check runs in CI on every pull
request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plugins.kb.metadata.canonical import SUBFIELDS
from plugins.kb.metadata.fields import Choices, Field, Kind
from plugins.kb.metadata.kinds import (
    CHAPTERS,
    COMMITTEES,
    DATASETS,
    GUIDE,
    MINUTES,
    ORGANISATIONS,
    PAGES,
    REPORTS,
    THEMES,
    ContentKind,
    kind_of,
)
from plugins.kb.model import Committee

# The formats the editor reads and writes files with (theme/admin/cms.js registers them).
MARKDOWN_FORMAT = "praktikviden-markdown"
YAML_FORMAT = "praktikviden-yaml"
# Fields written as a paragraph rather than one line.
_LONG_TEXT = {"beskrivelse", "resume", "kilde", "trukket"}
# A date that exists in the calendar, 1901–2099, written ÅÅÅÅ-MM-DD (what parse_date accepts).
_LEAP = r"(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))-02-29"
_DAY = (
    r"(?:19|20)\d\d-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
)
DATE_PATTERN = rf"^(?:{_DAY}|{_LEAP})$"
TIMESPAN_PATTERN = r"^\d{1,2}[.:]\d{2}\s*[–-]\s*\d{1,2}[.:]\d{2}$"
_DATE_MESSAGE = "Skriv en dato, der findes i kalenderen, som ÅÅÅÅ-MM-DD, fx 2024-09-16."
_TIMESPAN_MESSAGE = "Skriv mødets start og slut som T.MM–T.MM, fx 9.00–12.00."
ADMIN = "admin/"


@dataclass(frozen=True, slots=True)
class Backend:
    """Where the editor saves: a GitHub repository, or the local server on this machine.

    Attributes:
        repo: ``owner/name`` on GitHub.
        branch: the branch that is published.
        auth_url: the address of the OAuth service that signs editors in to GitHub (docs/redigering.md).
        local: edit the files of this checkout through ``decap-server`` on 127.0.0.1 instead.
        local_port: the port decap-server listens on.

    """

    repo: str
    branch: str = "main"
    auth_url: str | None = None
    local: bool = False
    local_port: int = 8081

    @property
    def local_server(self) -> str:
        """The address of decap-server's API on this machine."""
        return f"http://127.0.0.1:{self.local_port}/api/v1"


def cms_config(
    backend: Backend,
    site_url: str,
    committees: Iterable[Committee],
    reports: Mapping[str, str],
    vocabularies: Mapping[Choices, list[tuple[str, str]]],
) -> dict[str, Any]:
    """The whole configuration as plain data, for ``admin/config.yml``.

    Args:
        backend: where entries are saved.
        site_url: the published site's address (links from the editor to the pages).
        committees: the committees in the repository; each gets its own list of minutes, whose new
            entries start with its standing agenda items.
        reports: each report's slug and title; each gets a list of its chapters.
        vocabularies: the allowed values and their labels for every kind of choice.

    """
    committees = sorted(committees, key=lambda committee: committee.slug)
    config: dict[str, Any] = {
        "locale": "da",
        "backend": _backend(backend),
        "publish_mode": "simple" if backend.local else "editorial_workflow",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": "content/bilag",
        "public_folder": "{static}/bilag",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            *(_minutes(committee, vocabularies) for committee in committees),
            _folder(PAGES, vocabularies, "Side"),
            _folder(GUIDE, vocabularies, "Kapitel", fixed={"type": "guide"}),
            *(_chapters(slug, title, vocabularies) for slug, title in sorted(reports.items())),
            _reports(reports, vocabularies),
            _folder(COMMITTEES, vocabularies, "Udvalg", slug="{{navn}}"),
            _folder(THEMES, vocabularies, "Tema", slug="{{navn}}"),
            _folder(ORGANISATIONS, vocabularies, "Organisation", slug="{{navn}}"),
            _folder(DATASETS, vocabularies, "Tabel"),
            _import_requests(vocabularies),
        ],
    }
    if backend.local:
        config["local_backend"] = {"url": backend.local_server, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config


def collection_of(relative: str, committee: str | None = None) -> str | None:
    """The collection a file (from the repository's root) is edited in; minutes need their committee."""
    kind = kind_of(relative)
    if kind is MINUTES:
        return f"referater-{committee}" if committee else None
    if kind is CHAPTERS:
        return f"rapport-{relative.split('/')[2]}"
    return kind.key if kind is not None else None


def edit_address(relative: str, committee: str | None = None) -> str | None:
    """The editor's address of a file's entry (``admin/#/collections/…/entries/…``), from the site root."""
    collection = collection_of(relative, committee)
    if collection is None:
        return None
    parts = relative.split("/")
    entry = parts[2] if collection == REPORTS.key else parts[-1].rsplit(".", 1)[0]
    return f"{ADMIN}#/collections/{collection}/entries/{entry}"


def _backend(backend: Backend) -> dict[str, Any]:
    found: dict[str, Any] = {"name": "github", "repo": backend.repo, "branch": backend.branch}
    if backend.auth_url:
        found["base_url"] = backend.auth_url
    # Labels of the pull requests the editorial workflow opens, in Danish.
    found["cms_label_prefix"] = "redigering/"
    return found


def _minutes(committee: Committee, vocabularies) -> dict[str, Any]:
    """One committee's minutes; a new one starts with the committee's standing agenda items."""
    standing = committee.standing_items or ("Godkendelse af dagsorden", "Eventuelt")
    agenda = "".join(f"## {number}. {title}\n\n" for number, title in enumerate(standing, start=1))
    collection = _folder(
        MINUTES,
        vocabularies,
        "Referat",
        slug="{{dato}}-{{udvalg}}",
        identifier="dato",
        body=agenda,
        defaults={"udvalg": committee.slug},
    )
    collection.update(
        name=f"referater-{committee.slug}",
        label=f"Referater: {committee.name}",
        filter={"field": "udvalg", "value": committee.slug},
        summary="{{dato}}: {{titel}}",
        sortable_fields=["dato"],
        preview_path=f"referater/{committee.slug}/{{{{dato}}}}/",
    )
    return collection


def _chapters(slug: str, title: str, vocabularies) -> dict[str, Any]:
    collection = _folder(
        CHAPTERS,
        vocabularies,
        "Kapitel",
        folder=f"content/rapporter/{slug}",
        fixed={"type": "rapport", "rapport": slug},
    )
    collection.update(name=f"rapport-{slug}", label=f"Rapport: {title}")
    return collection


def _reports(reports: Mapping[str, str], vocabularies) -> dict[str, Any]:
    """Each report's description (``rapport.yml``), one entry per report."""
    return {
        "name": REPORTS.key,
        "label": REPORTS.label,
        "label_singular": "Rapport",
        "format": YAML_FORMAT,
        "extension": "yml",
        "files": [
            {
                "name": slug,
                "label": title,
                "file": f"content/rapporter/{slug}/rapport.yml",
                "fields": [_field(field, vocabularies) for field in REPORTS.fields],
            }
            for slug, title in sorted(reports.items())
        ],
    }


def _import_requests(vocabularies) -> dict[str, Any]:
    """An uploaded PDF or Word file of old minutes, which CI imports (praktikviden/importrequests.py)."""
    return {
        "name": "import",
        "label": "Importér referat (PDF eller Word)",
        "label_singular": "Import",
        "description": "Upload et gammelt referat som PDF- eller Word-fil. Når du gemmer, laver "
        "systemet et udkast til referatet og en liste over de steder, du skal tjekke.",
        "folder": "import",
        "extension": "yml",
        "format": YAML_FORMAT,
        "create": True,
        "slug": "{{year}}-{{month}}-{{day}}-{{hour}}{{minute}}-{{udvalg}}",
        "identifier_field": "udvalg",
        "summary": "{{udvalg}} {{dato}}",
        "media_folder": "/import/filer",
        "public_folder": "/import/filer",
        "fields": [
            _select(
                "udvalg", "Udvalg", "udvalgets kortnavn", vocabularies[Choices.COMMITTEES], required=True
            ),
            {
                "name": "fil",
                "label": "Referatet (PDF eller Word)",
                "widget": "file",
                "hint": "den fil, referatet står i: .pdf eller .docx",
                "choose_url": False,
            },
            {
                "name": "dato",
                "label": "Dato",
                "widget": "string",
                "required": False,
                "hint": "mødets dato som ÅÅÅÅ-MM-DD, hvis referatet ikke nævner den med årstal",
                "pattern": [DATE_PATTERN, _DATE_MESSAGE],
            },
            {
                "name": "bilag",
                "label": "Bilag",
                "widget": "list",
                "required": False,
                "field": {"name": "fil", "label": "Bilag", "widget": "file", "choose_url": False},
            },
        ],
    }


def _folder(
    kind: ContentKind,
    vocabularies,
    singular: str,
    *,
    folder: str | None = None,
    slug: str = "{{slug}}",
    identifier: str | None = None,
    body: str | None = None,
    fixed: Mapping[str, str] | None = None,
    defaults: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A folder collection of ``kind``, in the folder of its files (``folder``: one of several)."""
    fixed, defaults = fixed or {}, defaults or {}
    fields = []
    for field in kind.fields:
        if field.key in fixed:
            fields.append(
                {"name": field.key, "label": field.title, "widget": "hidden", "default": fixed[field.key]}
            )
            continue
        fields.append(_field(field, vocabularies, defaults.get(field.key)))
    if kind.markdown:
        text = {"name": "body", "label": "Tekst", "widget": "markdown", "modes": ["raw"], "required": False}
        text["hint"] = "Skriv i Markdown, som vejledningen viser: '## 3. Punktets titel', '### Beslutning' …"
        if body is not None:
            text["default"] = body
        fields.append(text)
    return {
        "name": kind.key,
        "label": kind.label,
        "label_singular": singular,
        "folder": folder or kind.pattern.rsplit("/", 1)[0],
        "extension": "md" if kind.markdown else "yml",
        "format": MARKDOWN_FORMAT if kind.markdown else YAML_FORMAT,
        "create": True,
        "slug": slug,
        "identifier_field": identifier or next(f.key for f in kind.fields if f.required),
        "fields": fields,
    }


def _field(field: Field, vocabularies, default: str | None = None) -> dict[str, Any]:
    """One form field for one field of the table."""
    if field.choices is not None:
        found = _select(field.key, field.title, field.help, vocabularies[field.choices], field.required)
        if field.kind is Kind.TEXT_LIST:
            found["multiple"] = True
    elif field.kind in SUBFIELDS:
        found = _group(field, vocabularies)
    else:
        found = {"name": field.key, "label": field.title, "widget": _WIDGETS.get(field.kind, "string")}
        found.update(required=field.required, hint=field.help)
        if field.kind is Kind.TEXT and field.key in _LONG_TEXT:
            found["widget"] = "text"
        if field.kind is Kind.DATE:
            found["pattern"] = [DATE_PATTERN, _DATE_MESSAGE]
        if field.kind is Kind.TIMESPAN:
            found["pattern"] = [TIMESPAN_PATTERN, _TIMESPAN_MESSAGE]
        if field.kind is Kind.NUMBER:
            found.update(value_type="int", min=1)
        if field.kind is Kind.TEXT_LIST:
            found["field"] = {"name": field.key, "label": field.title, "widget": "string"}
        if field.kind is Kind.BOOLEAN:
            found["default"] = False
        if field.kind is Kind.FILE:
            # A dataset's CSV file, uploaded into data/ beside its schema and named by its file name.
            found.update(media_folder="/data", public_folder="", choose_url=False)
    if default is not None:
        found["default"] = default
    return found


_WIDGETS = {Kind.NUMBER: "number", Kind.BOOLEAN: "boolean", Kind.TEXT_LIST: "list", Kind.FILE: "file"}


def _select(
    key: str, label: str, hint: str, options: list[tuple[str, str]], required: bool
) -> dict[str, Any]:
    return {
        "name": key,
        "label": label,
        "widget": "select",
        "required": required,
        "hint": hint,
        "options": [{"value": value, "label": shown} for value, shown in options],
    }


def _group(field: Field, vocabularies) -> dict[str, Any]:
    """A person, a list of people, planned meetings, columns or themes per item: fields in a group."""
    subfields = [_field(sub, vocabularies) for sub in SUBFIELDS[field.kind]]
    if field.kind is Kind.PERSON:
        return {
            "name": field.key,
            "label": field.title,
            "widget": "object",
            "required": field.required,
            "hint": field.help,
            "fields": subfields,
        }
    summary = "{{fields.navn}}" if field.kind in (Kind.PEOPLE, Kind.COLUMNS) else None
    summary = {Kind.PLANNED: "{{fields.dato}}", Kind.ITEM_THEMES: "Punkt {{fields.punkt}}"}.get(
        field.kind, summary
    )
    return {
        "name": field.key,
        "label": field.title,
        "widget": "list",
        "required": field.required,
        "hint": field.help,
        "summary": summary,
        "fields": subfields,
    }
