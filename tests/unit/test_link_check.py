"""The link check on whole files, as a build runs it: the editor's messages for links that lead nowhere.

A minutes file's anchors come from parsing it (``parse_meeting``), as the build's validator takes
them from the parsed meeting; other files are only names in the content tree.
"""

from __future__ import annotations

import posixpath

import pytest

from plugins.kb.content.links import find_links, link_problems
from plugins.kb.content.parse import parse_meeting
from tests.unit.samples import FRONT, ITEM_1, render

MINUTES = "referater/2024-09-16-luu-test.md"
TWO_ITEMS = FRONT + ITEM_1 + "\n## 2. Eventuelt\n"
PAGE = "---\ntitel: Frafald\n---\n\n"
CHANGE_PATH = "læg filen i content/ eller ret stien; den regnes fra mappen, filen ligger i."


def problems(files: dict[str, str], linking: str) -> list[str]:
    """The messages for the links in ``files[linking]``; ``files`` is all of content/ (path → text)."""

    def anchors(path: str) -> set[str] | None:
        if not path.startswith("referater/"):
            return None
        meeting, found = parse_meeting(files[path], f"content/{path}", {"luu-test"}, render)
        assert found == []
        return meeting.anchors

    found = link_problems(
        find_links(files[linking]), f"content/{linking}", posixpath.dirname(linking), set(files), anchors
    )
    return [str(problem) for problem in found]


CASES = {
    "item, page and plain link": (
        {
            MINUTES: TWO_ITEMS,
            "sider/frafald.md": PAGE
            + "Se [udvalgets beslutning]({filename}../referater/2024-09-16-luu-test.md#punkt-7).\n\n"
            "Se også [referatet fra december]({filename}../referater/2024-12-09-luu-test.md).\n\n"
            "Og [om siden](om.md).\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:5: linket '{filename}../referater/2024-09-16-luu-test.md#punkt-7' "
            "peger på '#punkt-7', som ikke findes på siden.\n"
            "    Ret: mente du 'punkt-2'? referatet har punkterne 1–2; skriv fx '#punkt-1'.",
            "content/sider/frafald.md:7: siden '../referater/2024-12-09-luu-test.md' i linket "
            "'{filename}../referater/2024-12-09-luu-test.md' findes ikke "
            "(content/referater/2024-12-09-luu-test.md).\n"
            f"    Ret: mente du '2024-09-16-luu-test.md'? {CHANGE_PATH}",
            "content/sider/frafald.md:9: linket 'om.md' kan ikke følges, når siden er bygget.\n"
            "    Ret: skriv '{filename}om.md': {filename} foran en side eller et referat, {static} foran et "
            "billede eller en fil.",
        ],
    ),
    "own item": (
        {MINUTES: FRONT + ITEM_1 + "\nSe [punkt 3](#punkt-3).\n\n## 2. Eventuelt\n"},
        MINUTES,
        [
            f"content/{MINUTES}:17: linket '#punkt-3' peger på '#punkt-3', som ikke findes på siden.\n"
            "    Ret: mente du 'punkt-2'? referatet har punkterne 1–2; skriv fx '#punkt-1'.",
        ],
    ),
    "image": (
        {
            "billeder/frafald-2024.png": "",
            "sider/frafald.md": PAGE + "![Kurve over frafald]({static}../billeder/frafald.png)\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:5: billedet '../billeder/frafald.png' i linket "
            "'{static}../billeder/frafald.png' findes ikke (content/billeder/frafald.png).\n"
            f"    Ret: mente du 'frafald-2024.png'? {CHANGE_PATH}",
        ],
    ),
    # A Bilag link to a file that is not in content/bilag/<the minutes file's name>/.
    "attachment": (
        {
            "bilag/2024-09-16-luu-test/ansoegertal.csv": "",
            "bilag/2024-09-16-luu-test/frafald.csv": "",
            MINUTES: FRONT
            + "## 1. Status fra skolen\n\n### Bilag\n\n"
            "- [Bilag 1.1 Ansøgertal januar 2024]({static}../bilag/2024-09-16-luu-test/ansoegertal.pdf)\n"
            "- [Bilag 1.2 Frafald pr. hold]({static}/bilag/2024-09-16-luu-tset/frafald.csv)\n",
        },
        MINUTES,
        [
            f"content/{MINUTES}:19: filen '../bilag/2024-09-16-luu-test/ansoegertal.pdf' i linket "
            "'{static}../bilag/2024-09-16-luu-test/ansoegertal.pdf' findes ikke "
            "(content/bilag/2024-09-16-luu-test/ansoegertal.pdf).\n"
            "    Ret: mente du 'ansoegertal.csv'? bilagene til 2024-09-16-luu-test.md ligger i "
            "content/bilag/2024-09-16-luu-test/; læg filen der, eller ret stien.",
            f"content/{MINUTES}:20: filen '/bilag/2024-09-16-luu-tset/frafald.csv' i linket "
            "'{static}/bilag/2024-09-16-luu-tset/frafald.csv' findes ikke "
            "(content/bilag/2024-09-16-luu-tset/frafald.csv).\n"
            "    Ret: mente du 'frafald.csv'? bilagene til 2024-09-16-luu-test.md ligger i "
            "content/bilag/2024-09-16-luu-test/; læg filen der, eller ret stien.",
        ],
    ),
    # A reference-style link or image is checked at its definition ('[kurve]: {static}…').
    "reference definitions": (
        {
            MINUTES: TWO_ITEMS,
            "billeder/frafald-2024.png": "",
            "sider/om.md": "---\ntitel: Om Praktikviden\n---\n",
            "sider/frafald.md": PAGE
            + "Se [udvalgets referat][referat] og [siden om sitet].\n\n![Kurve over frafald][kurve]\n\n"
            "[referat]: {filename}../referater/2024-12-09-luu-test.md\n"
            '[Siden om sitet]: {filename}om.md "Om Praktikviden"\n'
            "[kurve]: <{static}../billeder/frafald.png>\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:9: siden '../referater/2024-12-09-luu-test.md' i linket "
            "'{filename}../referater/2024-12-09-luu-test.md' findes ikke "
            "(content/referater/2024-12-09-luu-test.md).\n"
            f"    Ret: mente du '2024-09-16-luu-test.md'? {CHANGE_PATH}",
            "content/sider/frafald.md:11: billedet '../billeder/frafald.png' i linket "
            "'{static}../billeder/frafald.png' findes ikke (content/billeder/frafald.png).\n"
            f"    Ret: mente du 'frafald-2024.png'? {CHANGE_PATH}",
        ],
    ),
    # The site fetches nothing from other hosts (a link to another site is fine: line 9).
    "image from another site": (
        {
            "sider/frafald.md": PAGE
            + "![Kurve over frafald](https://cdn.example.org/frafald.png)\n\n"
            '<img src="//cdn.example.org/logo.png" alt="Logo">\n\n'
            "Se også [SPS](https://www.spsu.dk/).\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:5: billedet 'https://cdn.example.org/frafald.png' hentes fra et andet "
            "site (cdn.example.org); sitet henter intet fra andre sites.\n"
            "    Ret: hent billedet ned, læg det i content/billeder/ og vis det med {static}, fx "
            "'{static}../billeder/frafald.png'.",
            "content/sider/frafald.md:7: billedet '//cdn.example.org/logo.png' hentes fra et andet site "
            "(cdn.example.org); sitet henter intet fra andre sites.\n"
            "    Ret: hent billedet ned, læg det i content/billeder/ og vis det med {static}, fx "
            "'{static}../billeder/logo.png'.",
        ],
    ),
    "files on a computer": (
        {
            "sider/frafald.md": PAGE
            + "Se [referatet](file:///C:/Users/anne/Dokumenter/referat.pdf) og "
            "[tallene](/home/anne/frafald.xlsx).\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:5: linket 'file:///C:/Users/anne/Dokumenter/referat.pdf' peger på en "
            "fil på en computer, ikke på sitet, og kan ikke følges.\n"
            "    Ret: læg filen i content/bilag/frafald/ og link til den med {static}, fx "
            "'{static}../bilag/frafald/referat.pdf'; en side eller et referat linkes med {filename}.",
            "content/sider/frafald.md:5: linket '/home/anne/frafald.xlsx' peger på en fil på en computer, "
            "ikke på sitet, og kan ikke følges.\n"
            "    Ret: læg filen i content/bilag/frafald/ og link til den med {static}, fx "
            "'{static}../bilag/frafald/frafald.xlsx'; en side eller et referat linkes med {filename}.",
        ],
    ),
    "a file linked as a page": (
        {
            "bilag/frafald/tal.pdf": "",
            "sider/frafald.md": PAGE + "Se [tallene]({filename}../bilag/frafald/tal.pdf#side=2).\n",
        },
        "sider/frafald.md",
        [
            "content/sider/frafald.md:5: linket '{filename}../bilag/frafald/tal.pdf#side=2' bruger "
            "{filename} foran en fil, der ikke er en side eller et referat, så filen kommer ikke med på "
            "sitet.\n"
            "    Ret: skriv '{static}../bilag/frafald/tal.pdf#side=2': {filename} foran en side eller et "
            "referat, {static} foran et billede eller en fil.",
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_links_that_lead_nowhere_are_reported_with_exact_messages(case):
    files, linking, expected = CASES[case]
    assert problems(files, linking) == expected


def test_links_to_an_item_a_page_and_a_file_that_exist_pass():
    files = {
        MINUTES: TWO_ITEMS,
        "bilag/frafald/tal.pdf": "",
        "sider/frafald.md": PAGE
        + "[beslutningen]({filename}../referater/2024-09-16-luu-test.md#punkt-1-beslutning) og "
        "[tallene]({static}../bilag/frafald/tal.pdf) og [SPS](https://www.spsu.dk/).\n",
    }
    files[MINUTES] = files[MINUTES].replace("## 2.", "### Beslutning\n\nGodkendt.\n\n## 2.")
    assert problems(files, "sider/frafald.md") == []
