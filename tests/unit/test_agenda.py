from pathlib import Path

import pytest

from plugins.kb.content.agenda import parse_agenda
from plugins.kb.model import BlockKind


def render(markdown_text: str) -> str:
    """A stand-in renderer that keeps the Markdown visible, so tests see what went where."""
    return markdown_text.strip()


BODY = """\
Mødet indledes med en præsentationsrunde.

## 1. Godkendelse af dagsorden

### Beslutning

Dagsordenen blev godkendt.

## 2. Hvordan kan vi kvalificere praktikvejlederne (30 min)

Indledende tekst uden label.

### Resumé, oplæg v/ Anne-Mette

Faste praktiksteder indkaldes.

### Orientering/Drøftelse

Der ses en stigning.

- Bilag 1: Rapport om behovet for velfærdsuddannede i Region Midt
- Bilag 2: Ny aftale omkring dimensionering 2020-2021

## Mødedatoer 2019

- Den 22. februar kl. 9.00 – 12.30
"""


@pytest.fixture
def agenda():
    result, problems = parse_agenda(BODY, 20, "f.md", render)
    assert problems == []
    return result


def test_intro_and_items(agenda):
    assert agenda.intro_html == "Mødet indledes med en præsentationsrunde."
    assert [(item.number, item.title) for item in agenda.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Hvordan kan vi kvalificere praktikvejlederne (30 min)"),
    ]
    assert [item.anchor for item in agenda.items] == ["punkt-1", "punkt-2"]


def test_blocks_keep_label_qualifier_and_order(agenda):
    blocks = agenda.items[1].blocks
    assert [block.labels for block in blocks] == [
        (),
        (BlockKind.RESUME,),
        (BlockKind.ORIENTERING, BlockKind.DROEFTELSE),
    ]
    assert blocks[1].heading == "Resumé, oplæg v/ Anne-Mette"
    assert blocks[2].heading == "Orientering/Drøftelse"
    assert [block.anchor for block in blocks] == ["", "punkt-2-resume", "punkt-2-orientering"]


def test_decisions_come_from_beslutning_blocks(agenda):
    decisions = [decision for item in agenda.items for decision in item.decisions]
    assert [(d.item_number, d.anchor, d.html) for d in decisions] == [
        (1, "punkt-1-beslutning", "Dagsordenen blev godkendt.")
    ]


def test_attachments_are_found_in_any_block(agenda):
    assert [(a.number, a.title) for a in agenda.items[1].attachments] == [
        ("1", "Rapport om behovet for velfærdsuddannede i Region Midt"),
        ("2", "Ny aftale omkring dimensionering 2020-2021"),
    ]


def test_unnumbered_section_after_the_agenda(agenda):
    assert [(s.title, s.anchor) for s in agenda.appendix] == [("Mødedatoer 2019", "moededatoer-2019")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Bilag 3.1 Invitation til udviklingseftermiddag_22.10.24",
            ("3.1", "Invitation til udviklingseftermiddag_22.10.24"),
        ),
        ("- Bilag 8.2 Minihåndbog - Rammer og regler", ("8.2", "Minihåndbog - Rammer og regler")),
        ("Der er sendt en invitation. – bilag 5: Program til temadag", ("5", "Program til temadag")),
        ("Veje til den gode praktik er vedhæftet som bilag 6.0.", None),
        ("Arbejdspapir … Bilag vedlægges", None),
    ],
)
def test_attachment_lines(line, expected):
    agenda, _ = parse_agenda(f"## 1. Punkt\n\n{line}\n", 1, "f.md", render)
    found = [(a.number, a.title) for a in agenda.items[0].attachments]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("## 1 Godkendelse\n", "overskriften '## 1 Godkendelse' er ikke et gyldigt dagsordenspunkt."),
        ("## 1. A\n\n## 1. B\n", "dagsordenspunkt 1 står, hvor punkt 2 forventes."),
        ("## 2. A\n", "dagsordenspunkt 2 står, hvor punkt 1 forventes."),
        ("### Beslutning\n\nx\n\n## 1. A\n", "blokken '### Beslutning' står før første dagsordenspunkt."),
        ("## 1. A\n\n## Noter\n\n## 2. B\n", "afsnittet '## Noter' står mellem dagsordenspunkterne."),
        ("Kun tekst.\n", "referatet har ingen dagsordenspunkter."),
        ("## 1. A\n\n### Konklusion\n", "'### Konklusion' er ikke en kendt blok i et dagsordenspunkt."),
    ],
)
def test_agenda_problems(body, message):
    _, problems = parse_agenda(body, 10, "f.md", render)
    assert [p.message for p in problems] == [message]


def test_problem_lines_are_file_lines():
    _, problems = parse_agenda("\n## 1. A\n\n### Beslutnig\n", 10, "f.md", render)
    assert [p.line for p in problems] == [13]


def test_headings_inside_fenced_code_are_text():
    agenda, problems = parse_agenda("## 1. A\n\n```\n## 9. not an item\n```\n", 1, "f.md", render)
    assert problems == []
    assert len(agenda.items) == 1


def test_seed_minutes_in_content_parse_without_problems():
    # Guards the real records against format drift; exact counts are asserted in tests/site.
    for path in sorted(Path("content/referater").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        _, problems = parse_agenda(body, 1, str(path), render)
        assert problems == [], path


MINUTES = "content/referater/2024-09-16-luu-test.md"
PDF = "bilag/2024-09-16-luu-test/ansoegertal.pdf"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"- [Bilag 3.1 Ansøgertal januar 2024]({{static}}../{PDF})", ("3.1", "Ansøgertal januar 2024", PDF)),
        (f"- [Bilag 3.1 Ansøgertal]({{static}}/{PDF})", ("3.1", "Ansøgertal", PDF)),
        (f"- Bilag 3.1: [Ansøgertal]({{static}}../{PDF})", ("3.1", "Ansøgertal", PDF)),
        (f"[Ansøgertal januar 2024]({{static}}../{PDF})", (None, "Ansøgertal januar 2024", PDF)),
        ("- [Ansøg%C3%A6]({static}../bilag/x/s%C3%A6t.pdf)", (None, "Ansøg%C3%A6", "bilag/x/sæt.pdf")),
        ("- Bilag 3.2 Program", ("3.2", "Program", None)),
        ("- [Ansøgertal](https://example.org/tal.pdf)", None),
    ],
)
def test_attachment_lines_in_a_bilag_block_may_link_files(line, expected):
    agenda, problems = parse_agenda(f"## 1. Status\n\n### Bilag\n\n{line}\n", 1, MINUTES, render)
    assert problems == []
    found = [(a.number, a.title, a.path) for a in agenda.items[0].attachments]
    assert found == ([expected] if expected else [])


def test_an_unnumbered_link_outside_a_bilag_block_is_just_a_link():
    body = f"## 1. Status\n\n### Orientering\n\n- [Ansøgertal]({{static}}../{PDF})\n"
    agenda, _ = parse_agenda(body, 1, MINUTES, render)
    assert agenda.items[0].attachments == ()


def test_a_bilag_block_with_files_keeps_its_text_and_lists_in_order():
    body = (
        "## 1. Status\n\n### Bilag\n\nSendt ud før mødet:\n\n"
        f"- [Bilag 3.1 Ansøgertal]({{static}}../{PDF})\n"
        f"- [Bilag 3.2 Frafald]({{static}}../bilag/2024-09-16-luu-test/frafald.xlsx)\n"
        "- Bilag 3.3 Program\n\n*Pause*\n"
    )
    agenda, _ = parse_agenda(body, 1, MINUTES, render)
    item = agenda.items[0]
    parts = item.blocks[0].parts
    assert parts[0] == "Sendt ud før mødet:"
    assert [a.label for a in parts[1]] == ["Bilag 3.1 Ansøgertal", "Bilag 3.2 Frafald"]
    assert parts[2] == "- Bilag 3.3 Program\n\n*Pause*", "a named attachment stays the minutes' text"
    assert len(parts) == 3
    assert item.attachment_paths == (PDF, "bilag/2024-09-16-luu-test/frafald.xlsx")
    assert "[Bilag 3.1 Ansøgertal]" in item.blocks[0].html, "the block's whole text stays for export"


def test_a_bilag_block_without_files_is_shown_as_written():
    agenda, _ = parse_agenda("## 1. Status\n\n### Bilag\n\n- Bilag 3.1 Program\n", 1, MINUTES, render)
    assert agenda.items[0].blocks[0].parts == ()
