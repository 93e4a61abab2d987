"""Text a spreadsheet would run as a formula (CSV injection, OWASP), refused in a dataset.

Readers open the downloaded CSV file in Excel or LibreOffice, which run a cell starting with '=',
'+', '-' or '@' (also after a tab, a carriage return or spaces) as a formula: '=HYPERLINK(…)' becomes
a link, and worse. A dataset holds numbers and names, so such a text cell or header is refused rather
than published. Numbers are not text: '-3' in a column of type heltal is read as the number -3.
"""

from __future__ import annotations

from collections.abc import Iterable

from plugins.kb.problems import Problem

FORMULA_SIGNS = ("=", "+", "-", "@")
FORMULA_START = (*FORMULA_SIGNS, "\t", "\r")
_NAMES = {"\t": "et tabulatortegn", "\r": "et linjeskift (CR)"}
_SHOWN = 40  # characters of the cell quoted in the message


def formula_start(text: str) -> str | None:
    """Return the character that makes a spreadsheet read ``text`` as a formula, or None."""
    if text.startswith(("\t", "\r")):
        return text[0]
    first = text.lstrip()[:1]
    return first if first in FORMULA_SIGNS else None


def check_header(header: Iterable[str], source: str, schema_source: str) -> list[Problem]:
    """Report each header cell a spreadsheet would read as a formula (line 1 of the CSV file)."""
    problems = []
    for position, name in enumerate(header, start=1):
        if sign := formula_start(name):
            problems.append(
                Problem(
                    source,
                    1,
                    f"overskriften {_quote(name)} begynder med {_name(sign)}, så et regneark læser den "
                    "som en formel.",
                    f"slet {_name(sign)} først i overskriften, både i CSV-filen og under 'kolonner' "
                    f"i {schema_source}.",
                    column=position,
                )
            )
    return problems


def check_cells(
    texts: Iterable[str], column: str, position: int, source: str, schema_source: str
) -> list[Problem]:
    """Report each cell of a text column a spreadsheet would read as a formula (the header is line 1).

    Args:
        texts: the cells as read from the file, not stripped.
        column: the column's name.
        position: the column's 1-based position in the file.
        source: the CSV file, for messages.
        schema_source: the schema file, named in the fix for a column of numbers typed as text.
    """
    problems = []
    for index, text in enumerate(texts):
        if sign := formula_start(text):
            problems.append(
                Problem(
                    source,
                    index + 2,
                    f"{_quote(text)} i kolonnen '{column}' begynder med {_name(sign)}, så et regneark "
                    "læser feltet som en formel.",
                    f"en tabel rummer tal og navne, ikke formler: slet {_name(sign)} først i feltet. Er "
                    f"kolonnen tal (fx -3), så giv den typen heltal, decimal eller procent i "
                    f"{schema_source}; et tal, der ikke kendes, skrives som et tomt felt.",
                    column=position,
                )
            )
    return problems


def _name(sign: str) -> str:
    return _NAMES.get(sign, f"'{sign}'")


def _quote(text: str) -> str:
    shown = text.strip()
    return f"'{shown[:_SHOWN]}…'" if len(shown) > _SHOWN else f"'{shown}'"
