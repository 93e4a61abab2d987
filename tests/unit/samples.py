"""Small texts the unit tests start from, and a stand-in Markdown renderer."""

# The front matter of a minutes file of the committee 'luu-test'; its agenda begins on line 15.
FRONT = """\
---
udvalg: luu-test
dato: 2024-09-16
tid: 9.00–12.00
sted: Holstebro
moedeleder:
  navn: Bettina Krohn Jensen
referent:
  navn: Nanna Resen Westen
deltagere:
  - navn: Jacob Niebuhr Henriksen
    organisation: Herning Kommune
---

"""
ITEM_1 = "## 1. Godkendelse af dagsorden\n"


def render(markdown_text: str) -> str:
    """A stand-in renderer: the tests are about parsing, not about Markdown."""
    return markdown_text.strip()
