"""A dataset in data/ checked against its schema: the editor's messages, word for word."""

from __future__ import annotations

import pytest

from plugins.datatable.limits import MAX_CSV_BYTES, MAX_ROWS
from plugins.datatable.table import load_table

SCHEMA = """\
titel: Andele
kilde: Testkilde
trukket: ikke oplyst
kolonner:
  - navn: Gruppe
    type: tekst
  - navn: Andel
    type: procent
  - navn: Gennemsnit
    type: decimal
"""
GROW = (
    "læg kun de tal i data/, som siderne handler om, fx summeret pr. år eller pr. skole, eller del "
    "tabellen i flere filer, fx én pr. år."
)
FORMULA_FIX = (
    "en tabel rummer tal og navne, ikke formler: slet {sign} først i feltet. Er kolonnen tal (fx -3), "
    "så giv den typen heltal, decimal eller procent i data/andele.yml; et tal, der ikke kendes, "
    "skrives som et tomt felt."
)


def messages(tmp_path, csv: str, schema: str = SCHEMA) -> list[str]:
    """The problems of ``data/andele.csv`` holding ``csv``, beside ``data/andele.yml``."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "andele.csv").write_text(csv, encoding="utf-8")
    (tmp_path / "data" / "andele.yml").write_text(schema, encoding="utf-8")
    table, problems = load_table(tmp_path / "data" / "andele.csv", tmp_path / "data" / "andele.yml", tmp_path)
    assert table is None, "a dataset with problems gives no table"
    return [str(problem) for problem in problems]


def schools(count: int, name: str = "Skole") -> str:
    """A CSV of ``count`` groups and a totals row."""
    rows = "".join(f"{name} {number},{number},1.5\n" for number in range(1, count + 1))
    return f"Gruppe,Andel,Gennemsnit\n{rows}I alt,{count},1.5\n"


CASES = {
    "not a number": (
        "Gruppe,Andel,Gennemsnit\nElever,82,1.5\nLærere,82 %,2\n",
        [
            "data/andele.csv:3:2: '82 %' i kolonnen 'Andel' er ikke et tal (procent).\n    Ret: skriv "
            "tallet uden tusindtalspunktum og med punktum som decimaltegn (8303, 1.5), eller lad feltet "
            "stå tomt, hvis tallet ikke kendes.",
        ],
    ),
    "columns missing and unknown": (
        "Gruppe,Andl\nElever,82\n",
        [
            "data/andele.csv:1: kolonnen 'Andel' fra skemaet mangler i CSV-filen.\n    Ret: tilføj "
            "kolonnen i første linje af CSV-filen, eller fjern den fra data/andele.yml.",
            "data/andele.csv:1: kolonnen 'Gennemsnit' fra skemaet mangler i CSV-filen.\n    Ret: "
            "tilføj kolonnen i første linje af CSV-filen, eller fjern den fra data/andele.yml.",
            "data/andele.csv:1:2: kolonnen 'Andl' står ikke i skemaet.\n    Ret: mente du 'Andel'? "
            "Tilføj den under 'kolonner' i data/andele.yml (linje 4), eller ret overskriften.",
        ],
    ),
    "formula cells": (
        'Gruppe,Andel,Gennemsnit\nElever,82,-2.5\n"=HYPERLINK(""https://example.com"",""Klik"")",10,1\n'
        "@SUM(1+1),-3,\n",
        [
            "data/andele.csv:3:1: '=HYPERLINK(\"https://example.com\",\"Klik\")' i kolonnen 'Gruppe' "
            "begynder med '=', så et regneark læser feltet som en formel.\n    Ret: "
            + FORMULA_FIX.format(sign="'='"),
            "data/andele.csv:4:1: '@SUM(1+1)' i kolonnen 'Gruppe' begynder med '@', så et regneark "
            "læser feltet som en formel.\n    Ret: " + FORMULA_FIX.format(sign="'@'"),
        ],
    ),
    "too many rows": (
        schools(MAX_ROWS),  # and the totals row
        [
            f"data/andele.csv:{MAX_ROWS + 2}: CSV-filen har 10.001 rækker under overskriften; en tabel "
            f"må højst have 10.000.\n    Ret: {GROW}",
        ],
    ),
    "too large a file": (
        schools(MAX_ROWS // 2, name="Skole med et meget langt navn" + "n" * 400),
        [
            "data/andele.csv: CSV-filen fylder 2,1\u00a0MB; en tabel må højst fylde 2\u00a0MB.\n"
            f"    Ret: {GROW}"
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_datasets_are_refused_with_exact_messages(tmp_path, case):
    csv, expected = CASES[case]
    assert messages(tmp_path, csv) == expected


def test_the_large_file_case_is_over_the_limit_and_the_long_one_is_not():
    assert len(CASES["too large a file"][0].encode()) > MAX_CSV_BYTES
    assert len(CASES["too many rows"][0].encode()) <= MAX_CSV_BYTES
