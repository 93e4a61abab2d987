"""Files as Windows programs save them: BOM and CRLF from Notepad and Word, CSV from Danish Excel.

Each file is written by the test from text, so what it holds is plain to see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plugins.kb.problems import ContentError
from praktikviden import site
from tests.conftest import FIXTURES, build, site_settings

BOM = b"\xef\xbb\xbf"

SCHEMA = """titel: Elever pr. kommune
kilde: Testkilde
trukket: januar 2024
kolonner:
  - navn: Kommune
    type: tekst
  - navn: Elever
    type: heltal
  - navn: Andel
    type: procent
"""
PLAIN_CSV = "Kommune,Elever,Andel\nHerning,8303,82\nÆrø,1250,12.5\n"
# "CSV (semikolonsepareret)" from Danish Excel: semicolons, numbers as shown, Windows-1252, CRLF.
EXCEL_CSV = "Kommune;Elever;Andel\r\nHerning;8.303;82 %\r\nÆrø;1.250;12,5 %\r\n".encode("cp1252")
# "CSV UTF-8 (kommasepareret)" from Danish Excel: the same with a byte-order mark.
EXCEL_UTF8_CSV = BOM + "Kommune;Elever;Andel\r\nHerning;8.303;82%\r\nÆrø;1.250;12,5%\r\n".encode()
PAGE = """---
titel: Tal om elever
temaer: [frafald]
---

Elever i kommunerne.

[tabel: elever]
"""


def make_site(root: Path, csv: bytes, windows: bool) -> Path:
    """A meeting, a report, a page with a table; Markdown and YAML with BOM and CRLF if ``windows``."""
    content = root / "content"
    shutil.copytree(FIXTURES / "report" / "content", content)
    shutil.copytree(FIXTURES / "meeting_with_two_decisions" / "content" / "referater", content / "referater")
    shutil.copytree(FIXTURES / "common", content, dirs_exist_ok=True)
    (content / "sider" / "tal.md").write_text(PAGE, encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "elever.yml").write_text(SCHEMA, encoding="utf-8")
    (root / "data" / "elever.csv").write_bytes(csv)
    if windows:
        for path in [*content.rglob("*.md"), *content.rglob("*.yml"), root / "data" / "elever.yml"]:
            text = path.read_text(encoding="utf-8")
            path.write_bytes(BOM + text.replace("\n", "\r\n").encode("utf-8"))
    return content


def pages(output: Path) -> dict[str, bytes]:
    return {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in output.rglob("*")
        if path.is_file() and path.suffix in (".html", ".csv", ".ics", ".xml", ".json")
    }


@pytest.fixture(scope="module", autouse=True)
def fixed_now():
    """The calendar files' time stamps come from SOURCE_DATE_EPOCH, so two builds compare equal."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        yield


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("plain")
    return build(make_site(root, PLAIN_CSV.encode(), windows=False), root / "build")


@pytest.mark.parametrize(
    "csv", [PLAIN_CSV.encode(), EXCEL_CSV, EXCEL_UTF8_CSV], ids=["plain", "excel", "excel-utf8"]
)
def test_windows_files_build_the_same_site_as_their_plain_twins(plain_site, tmp_path, csv):
    output = build(make_site(tmp_path, csv, windows=True), tmp_path / "build")
    assert pages(output) == pages(plain_site)
    table = (output / "tal" / "index.html").read_text(encoding="utf-8")
    assert "8.303" in table and "12,5\u00a0%" in table and "Ærø" in table
    # Readers download plain UTF-8 with commas, whatever Excel saved.
    assert (output / "data" / "elever" / "elever.csv").read_bytes() == PLAIN_CSV.encode()


def write(root: Path, files: dict[str, bytes]) -> dict:
    content = root / "src" / "content"
    shutil.copytree(FIXTURES / "common", content)
    for name, data in files.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site_settings(content, root / "site")


MINUTES = (
    "---\nudvalg: luu-test\ndato: 2024-09-16\ntid: 9.00–12.00\nsted: Holstebro\n"
    "moedeleder:\n  navn: Bo Bæk\nreferent:\n  navn: Eva Holm\n"
    "deltagere:\n  - navn: Mads Pahuus\n    organisation: Herning Kommune\n---\n\n"
    "## 1. Godkendelse af dagsorden\n\nGodkendt af udvalget.\n"
)
NOT_UTF8_HINT = (
    "    Ret: gem filen som UTF-8: i Notesblok vælg Filer › Gem som og Kodning: UTF-8; i Word vælg Gem "
    "som › Almindelig tekst og kodningen Unicode (UTF-8)."
)
BAD = {
    "minutes_in_windows_1252": (
        {"content/referater/2024-09-16-luu-test.md": MINUTES.encode("cp1252")},
        [
            "content/referater/2024-09-16-luu-test.md:4: filen er ikke gemt som UTF-8: tegnet efter "
            "'tid: 9.00' (byte 0x96) kan ikke læses.\n" + NOT_UTF8_HINT,
        ],
    ),
    "committee_in_windows_1252": (
        {"content/udvalg/luu-test.yml": "navn: LUU test\nbeskrivelse: Udvalg på Ærø.\n".encode("cp1252")},
        [
            "content/udvalg/luu-test.yml:2: filen er ikke gemt som UTF-8: tegnet efter 'beskrivelse: "
            "Udvalg p' (byte 0xe5) kan ikke læses.\n" + NOT_UTF8_HINT,
        ],
    ),
    "excel_decimal_point": (
        {
            "data/elever.yml": SCHEMA.encode(),
            "data/elever.csv": "Kommune;Elever;Andel\r\nHerning;8.303;12.5\r\n".encode("cp1252"),
        },
        [
            "data/elever.csv:2:3: '12.5' i kolonnen 'Andel' er ikke et tal (procent).\n"
            "    Ret: filen har semikolon mellem felterne, som Excel gemmer den: skriv tal med komma som "
            "decimaltegn og evt. punktum mellem tusinder (8.303, 12,5), eller lad feltet stå tomt, hvis "
            "tallet ikke kendes.",
        ],
    ),
    "excel_extra_separator": (
        {
            "data/elever.yml": SCHEMA.encode(),
            "data/elever.csv": "Kommune;Elever;Andel\r\nHerning;8.303;82 %;\r\n".encode("cp1252"),
        },
        [
            "data/elever.csv:2: rækken har 4 felter, men overskriften har 3.\n"
            "    Ret: tjek, at hvert felt er adskilt af ét semikolon, at der ikke står et semikolon for "
            "meget sidst i linjen, og at tekst med semikolon i står i anførselstegn.",
        ],
    ),
    "csv_mostly_utf8": (
        {
            "data/elever.yml": SCHEMA.encode(),
            "data/elever.csv": "Kommune,Elever,Andel\nÆrø,1,2\n".encode() + "Højer,3,4\n".encode("cp1252"),
        },
        [
            "data/elever.csv:3: filen er ikke gemt som UTF-8: tegnet efter 'H' (byte 0xf8) kan ikke "
            "læses.\n" + NOT_UTF8_HINT,
        ],
    ),
    "csv_empty": (
        {"data/elever.yml": SCHEMA.encode(), "data/elever.csv": BOM + b"\r\n"},
        [
            "data/elever.csv: CSV-filen er tom.\n"
            "    Ret: skriv kolonnernes overskrifter i første linje og tallene under.",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_files_that_cannot_be_read_are_refused_with_the_line_and_how_to_save_them(case, tmp_path):
    files, expected = BAD[case]
    settings = write(tmp_path, files)
    assert [str(problem) for problem in site.check(settings)] == expected
    with pytest.raises(ContentError):
        site.build(settings)
    assert not (tmp_path / "site" / "output").exists(), "nothing is published"
