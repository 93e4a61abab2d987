"""The metadata keys editors write, with their type, whether they are required, and help text.

This table is the one place that says which keys exist; parsing, validation messages and the
editor documentation all follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """How a field's value is written and checked."""

    TEXT = "tekst"
    SLUG = "kortnavn"
    DATE = "dato"
    TIMESPAN = "tidsrum"
    PERSON = "person"
    PEOPLE = "personliste"
    TEXT_LIST = "tekstliste"
    PLANNED = "mødeliste"
    ITEM_THEMES = "temaer pr. punkt"
    COLUMNS = "kolonneliste"
    NUMBER = "tal"
    BOOLEAN = "ja/nej"
    FILE = "fil"


class Choices(Enum):
    """Where the allowed values of a field come from: a registry of the content, or a fixed list."""

    COMMITTEES = "udvalg"
    THEMES = "temaer"
    REPORTS = "rapporter"
    PAGE_TYPES = "sidetyper"
    ROLES = "roller"
    CHARTS = "diagramtyper"
    COLUMN_TYPES = "kolonnetyper"


@dataclass(frozen=True, slots=True)
class Field:
    """One metadata key.

    Attributes:
        key: the key as the editor writes it.
        kind: how its value is written and checked.
        required: whether every file must have it.
        help: what it holds, in Danish (messages, docs, the browser editor's hint).
        example: how it is written, as a line of the file.
        label: its name in the browser editor's form; the key with a capital, if not given.
        choices: where its allowed values come from, if they are a closed set.

    """

    key: str
    kind: Kind
    required: bool
    help: str
    example: str
    label: str = ""
    choices: Choices | None = None

    @property
    def title(self) -> str:
        """The field's name in a form: its label, or its key with a capital."""
        return self.label or self.key.replace("_", " ").capitalize()


MEETING_FIELDS: tuple[Field, ...] = (
    Field(
        "udvalg",
        Kind.SLUG,
        True,
        "udvalgets kortnavn (filnavnet i content/udvalg/)",
        "udvalg: luu-pa-amu",
        choices=Choices.COMMITTEES,
    ),
    Field("titel", Kind.TEXT, False, "referatets egen overskrift", "titel: Referat fra møde i LUU PA-AMU"),
    Field("dato", Kind.DATE, True, "mødets dato som ÅÅÅÅ-MM-DD", "dato: 2024-09-16"),
    Field(
        "dato_note",
        Kind.TEXT,
        False,
        "forklaring, hvis kilden mangler en del af datoen",
        "dato_note: Referatet angiver ikke årstal.",
        "Note om datoen",
    ),
    Field("tid", Kind.TIMESPAN, True, "mødets start og slut som T.MM–T.MM", "tid: 9.00–12.00"),
    Field("sted", Kind.TEXT, True, "mødested og lokale", "sted: SOSU MV Holstebro, lokale 0.6A"),
    Field(
        "moedeleder",
        Kind.PERSON,
        True,
        "mødelederens navn og evt. organisation",
        "moedeleder:\n  navn: Bettina Krohn Jensen",
        "Mødeleder",
    ),
    Field(
        "referent",
        Kind.PERSON,
        True,
        "referentens navn og evt. organisation",
        "referent:\n  navn: Nanna Resen Westen",
    ),
    Field(
        "deltagere",
        Kind.PEOPLE,
        True,
        "deltagerne med navn og organisation",
        "deltagere:\n  - navn: Jacob Niebuhr Henriksen\n    organisation: Herning Kommune",
    ),
    Field(
        "tilforordnede",
        Kind.PEOPLE,
        False,
        "tilforordnede med navn og organisation",
        "tilforordnede:\n  - navn: Dorte Engsig\n    organisation: SOSU MV, Herning",
    ),
    Field(
        "afbud",
        Kind.PEOPLE,
        False,
        "afbud med navn og organisation",
        "afbud:\n  - navn: Per Birch\n    organisation: Holstebro Kommune",
    ),
    Field(
        "tema",
        Kind.TEXT,
        False,
        "mødets tema, hvis referatet nævner et",
        "tema: Kvalitet og udvikling",
        "Mødets tema",
    ),
    Field("tags", Kind.TEXT_LIST, False, "emneord", "tags: [frafald, oplæringsvejledning]", "Emneord"),
    Field(
        "temaer",
        Kind.ITEM_THEMES,
        False,
        "sitets temaer pr. dagsordenspunkt: punktets nummer og en liste af temaernes kortnavne",
        "temaer:\n  - punkt: 3\n    temaer: [oplaeringsvejledning]\n  - punkt: 7\n"
        "    temaer: [frafald-og-gennemfoersel, overgange]",
        "Temaer pr. punkt",
    ),
    Field(
        "godkendt",
        Kind.TEXT,
        False,
        "hvor og hvornår referatet er godkendt",
        "godkendt: På mødet 9. december 2024",
    ),
)

PERSON_FIELDS: tuple[Field, ...] = (
    Field("navn", Kind.TEXT, True, "personens navn", "navn: Dorte Engsig"),
    Field(
        "organisation",
        Kind.TEXT,
        False,
        "organisationen som referatet skriver den; 'ikke angivet', hvis referatet ikke nævner den",
        "organisation: SOSU MV, Herning",
    ),
    Field("rolle", Kind.TEXT, False, "rolle eller bemærkning fra referatet", "rolle: formand for LUU-PA"),
)

COMMITTEE_FIELDS: tuple[Field, ...] = (
    Field("navn", Kind.TEXT, True, "udvalgets fulde navn", "navn: LUU PA-AMU"),
    Field(
        "beskrivelse",
        Kind.TEXT,
        True,
        "kort beskrivelse af udvalget",
        "beskrivelse: Det lokale uddannelsesudvalg for ...",
    ),
    Field(
        "moededatoer",
        Kind.PLANNED,
        False,
        "planlagte møder med dato, tid og sted",
        "moededatoer:\n  - dato: 2025-03-10\n    tid: 9.00–12.00\n    sted: Holstebro",
        "Planlagte møder",
    ),
    Field(
        "faste_punkter",
        Kind.TEXT_LIST,
        False,
        "de dagsordenspunkter, hvert møde har; et nyt referat starter med dem",
        "faste_punkter:\n  - Godkendelse af dagsorden\n  - Eventuelt",
    ),
    Field(
        "kilde",
        Kind.TEXT,
        False,
        "hvor mødedatoerne og de faste punkter kommer fra",
        "kilde: Datoerne er fra referatet af mødet 16. september 2024.",
    ),
)

ITEM_THEME_FIELDS: tuple[Field, ...] = (
    Field("punkt", Kind.NUMBER, True, "dagsordenspunktets nummer", "punkt: 3"),
    Field(
        "temaer",
        Kind.TEXT_LIST,
        True,
        "temaernes kortnavne (filnavnene i content/temaer/)",
        "temaer: [oplaeringsvejledning]",
        choices=Choices.THEMES,
    ),
)

PLANNED_FIELDS: tuple[Field, ...] = (
    Field("dato", Kind.DATE, True, "mødets dato som ÅÅÅÅ-MM-DD", "dato: 2025-03-10"),
    Field("tid", Kind.TIMESPAN, False, "mødets start og slut som T.MM–T.MM", "tid: 9.00–12.00"),
    Field("sted", Kind.TEXT, False, "mødested", "sted: Holstebro"),
)


PAGE_FIELDS: tuple[Field, ...] = (
    Field("titel", Kind.TEXT, True, "sidens overskrift", "titel: Om Praktikviden"),
    Field("resume", Kind.TEXT, False, "kort beskrivelse til oversigter", "resume: Hvad sitet er.", "Resumé"),
    Field(
        "type",
        Kind.TEXT,
        False,
        "sidens type: side (standard), rapport, pilotprojekt eller guide",
        "type: rapport",
        "Sidetype",
        Choices.PAGE_TYPES,
    ),
    Field(
        "rapport",
        Kind.SLUG,
        False,
        "rapportens kortnavn (mappen i content/rapporter/), hvis siden er et kapitel i en rapport",
        "rapport: oplaeringsvejleder-amu",
        choices=Choices.REPORTS,
    ),
    Field(
        "kapitel",
        Kind.NUMBER,
        False,
        "kapitlets nummer i guiden eller rapporten; kapitlerne vises i nummerorden",
        "kapitel: 2",
    ),
    Field(
        "roller",
        Kind.TEXT_LIST,
        False,
        "hvem et guidekapitel er til (kun for type: guide)",
        "roller: [elev, vejleder]",
        choices=Choices.ROLES,
    ),
    Field(
        "temaer",
        Kind.TEXT_LIST,
        False,
        "sidens temaer (kortnavne)",
        "temaer: [frafald-og-gennemfoersel]",
        choices=Choices.THEMES,
    ),
)

REPORT_FIELDS: tuple[Field, ...] = (
    Field("titel", Kind.TEXT, True, "rapportens titel, som kilden skriver den", "titel: Eftersyn af ..."),
    Field(
        "udgiver",
        Kind.TEXT,
        True,
        "hvem der har skrevet eller udgivet rapporten",
        "udgiver: Nationalt Center for Erhvervspædagogik (NCE) for FEVU",
    ),
    Field("aar", Kind.TEXT, True, "udgivelsesåret, som kilden viser det", "aar: '2023'", "År"),
    Field(
        "kilde_dokument",
        Kind.TEXT,
        True,
        "kildedokumentets nummer, som teksten er overført fra",
        "kilde_dokument: '004'",
        "Kildedokument",
    ),
    Field(
        "kilde",
        Kind.TEXT,
        False,
        "hvordan teksten er overført, og hvad der er rettet",
        "kilde: Teksten er overført ordret fra rapportens PDF.",
    ),
    Field(
        "resume", Kind.TEXT, False, "kort beskrivelse til oversigter", "resume: Eftersynet af ...", "Resumé"
    ),
    Field(
        "temaer",
        Kind.TEXT_LIST,
        False,
        "rapportens temaer (kortnavne)",
        "temaer: [oplaeringsvejledning]",
        choices=Choices.THEMES,
    ),
)

THEME_FIELDS: tuple[Field, ...] = (
    Field("navn", Kind.TEXT, True, "temaets navn", "navn: Frafald og gennemførsel"),
    Field(
        "beskrivelse",
        Kind.TEXT,
        True,
        "en eller to sætninger om, hvad temaet dækker",
        "beskrivelse: Hvorfor elever falder fra, og hvad der hjælper dem igennem.",
    ),
)

# One organisation the minutes name, with every way they write its name
# (content/organisationer/<slug>.yml). The minutes keep their own spelling; the registers gather.
ORGANISATION_FIELDS: tuple[Field, ...] = (
    Field("navn", Kind.TEXT, True, "organisationens navn, som sitet skal vise det", "navn: SOSU MV, Herning"),
    Field(
        "skrives_ogsaa",
        Kind.TEXT_LIST,
        False,
        "de andre navne, referaterne skriver organisationen med",
        "skrives_ogsaa:\n  - SOSUMV, Herning\n  - Social & SundhedsSkolen, Herning",
        "Skrives også",
    ),
)

# A page's ``type`` and how search results name it.
PAGE_TYPES: dict[str, str] = {
    "side": "Side",
    "rapport": "Rapport",
    "pilotprojekt": "Pilotprojekt",
    "guide": "Guide",
}

# The roles a guide chapter speaks to, and how the site names them.
GUIDE_ROLES: dict[str, str] = {
    "elev": "Elev",
    "vejleder": "Praktikvejleder",
    "leder": "Leder og arbejdsgiver",
    "skole": "Skole",
}

# The vocabularies of dataset schemas (data/*.yml).


class ColumnType(Enum):
    """Column types a schema may declare; values are what editors write."""

    TEXT = "tekst"
    INTEGER = "heltal"
    DECIMAL = "decimal"
    PERCENT = "procent"

    @property
    def numeric(self) -> bool:
        """Whether cells of this type are numbers."""
        return self is not ColumnType.TEXT


class ChartKind(Enum):
    """Chart kinds for time series."""

    LINE = "linje"
    BAR = "soejle"


DATASET_FIELDS: tuple[Field, ...] = (
    Field("titel", Kind.TEXT, True, "tabellens titel", "titel: Deltagere pr. AMU-modul 2017–2022"),
    Field(
        "beskrivelse", Kind.TEXT, False, "en eller to sætninger om tabellen", "beskrivelse: Antal deltagere."
    ),
    Field("kilde", Kind.TEXT, True, "hvor tallene kommer fra", "kilde: NCE for FEVU, bilag 2.1"),
    Field(
        "kilde_dokument",
        Kind.TEXT,
        False,
        "kildedokumentets nummer",
        "kilde_dokument: '004'",
        "Kildedokument",
    ),
    Field(
        "trukket",
        Kind.TEXT,
        True,
        "hvornår tallene er trukket, som kilden skriver det",
        "trukket: januar 2023",
    ),
    Field(
        "kolonner",
        Kind.COLUMNS,
        True,
        "kolonnerne med navn, type og evt. enhed",
        "kolonner:\n  - navn: '2017'\n    type: heltal",
    ),
    Field(
        "csv",
        Kind.FILE,
        False,
        "CSV-filen med tallene; den hedder som skemaet (fx amu-deltagere.csv) og sættes, når filen "
        "uploades i browseren",
        "csv: amu-deltagere.csv",
        "CSV-fil",
    ),
    Field(
        "total_raekke",
        Kind.BOOLEAN,
        False,
        "'true', hvis sidste række er en total",
        "total_raekke: true",
        "Totalrække",
    ),
    Field("noter", Kind.TEXT_LIST, False, "fodnoter og bemærkninger", "noter:\n  - 1) Tal fra 2019."),
    Field(
        "diagram",
        Kind.TEXT,
        False,
        "'linje' eller 'soejle' for et diagram over årene",
        "diagram: linje",
        choices=Choices.CHARTS,
    ),
)

COLUMN_FIELDS: tuple[Field, ...] = (
    Field("navn", Kind.TEXT, True, "kolonnens overskrift præcis som i CSV-filen", "navn: '2017'"),
    Field(
        "type",
        Kind.TEXT,
        True,
        "tekst, heltal, decimal eller procent",
        "type: heltal",
        choices=Choices.COLUMN_TYPES,
    ),
    Field("enhed", Kind.TEXT, False, "enhed, fx deltagere", "enhed: deltagere"),
)
