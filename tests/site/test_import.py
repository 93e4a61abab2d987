"""`praktikviden import` on real PDF and Word files made by the test: a file `check` accepts, or a refusal."""

from __future__ import annotations

import shutil

import pytest

from praktikviden import cli, site
from praktikviden.importer import run_import
from tests.conftest import FIXTURES, page, site_settings
from tests.documents import (
    make_damaged_docx,
    make_docx,
    make_docx_from_xml,
    make_docx_zip_bomb,
    make_pdf,
    make_pdf_flate_bomb,
    make_pdf_length_loop,
    make_scanned_pdf,
)

MINUTES = "content/referater/2023-11-27-luu-test.md"
PAGE_1 = [
    "Referat fra møde i LUU test",
    "",
    "Mandag d. 27. november 2023 kl. 12 - 15",
    "på SOSU MV Herning, lokale 2.10",
    "",
    "Deltagere: Bo Bæk, Herning Kommune, formand",
    "Eva Holm, FOA Midt- og Vestjylland",
    "Camille Laustsen, elevrepræsentant fra Holstebro",
    "",
    "Afbud: Per Birch, Holstebro Kommune",
    "",
    "Mødeleder: Bo Bæk",
    "Referent: Eva Holm",
    "",
    "1. Godkendelse af dagsorden",
    "Beslutning: Dagsordenen blev godkendt.",
    "",
    "2. Ansøgertal og optag v. Eva Holm",
    "Sagsfremstilling:",
    "Skolen har opgjort ansøgertallet til social- og sundhedsassistentuddannelsen og til",
    "den pædagogiske assistentuddannelse. Der er flere ansøgere end sidste år, og kommu-",
    "nerne har fået flere praktikpladser.",
]
PAGE_2 = [
    "Resumé:",
    "- Ansøgertallet er steget med 12 procent.",
    "- Flere elever vælger EUX.",
    "Bilag:",
    "Bilag 2.1 Ansøgertal januar 2024",
    "",
    "3. Eventuelt",
    "Der var intet til eventuelt.",
]
HEADER = "SOSU MV - Referat LUU test, 27. november 2023"


@pytest.fixture
def workdir(tmp_path):
    """A site with the test committee and no minutes; the settings to check and build it."""
    content = tmp_path / "src" / "content"
    shutil.copytree(FIXTURES / "common", content)
    (content / "referater").mkdir()
    return tmp_path


def run(workdir, *argv: str, capsys) -> tuple[int, str, str]:
    args = cli._parser().parse_args(["import", *argv])
    code = run_import(args, workdir / "src" / "content", workdir / "src")
    out = capsys.readouterr()
    return code, out.out, out.err


def built(workdir):
    settings = site_settings(workdir / "src" / "content", workdir / "site")
    assert [str(problem) for problem in site.check(settings)] == [], "check accepts the imported file"
    return site.build(settings)


def test_a_pdf_becomes_minutes_that_check_accepts_and_that_build(workdir, capsys):
    pdf = make_pdf(workdir / "referat.pdf", [PAGE_1, PAGE_2], header=HEADER)
    code, out, err = run(workdir, str(pdf), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"Oprettet: {MINUTES} (27. november 2023: 3 dagsordenspunkter, 4 personer.)")
    # The one doubt: a participant the minutes give no organisation, pointed at by file and line.
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "organisation: ikke angivet" in row)
    assert "Tjek dette sted i filen:" in out
    assert f"{MINUTES}:{line}: deltager 'Camille Laustsen' har ingen organisation i referatet." in out
    assert "Ret: skriv organisationen" in out
    # Page furniture and the page's hyphenation are gone; a real hyphen stays.
    assert HEADER not in text and "Side 1 af 2" not in text
    assert "og kommunerne har fået flere praktikpladser." in text
    assert "social- og sundhedsassistentuddannelsen" in text
    output = built(workdir)
    meeting = page(output, "referater/luu-test/2023-11-27/index.html")
    assert [h.get_text(" ", strip=True) for h in meeting.select(".agenda-item > h2")] == [
        "1. Godkendelse af dagsorden",
        "2. Ansøgertal og optag v. Eva Holm",
        "3. Eventuelt",
    ]
    item = meeting.select_one("#punkt-2").find_parent("section")
    assert [li.get_text(strip=True) for li in item.select("ul li")][:2] == [
        "Ansøgertallet er steget med 12 procent.",
        "Flere elever vælger EUX.",
    ]
    assert 'tid: "12.00–15.00"' in text and 'sted: "SOSU MV Herning, lokale 2.10"' in text


def test_a_word_file_with_a_header_table_and_automatic_numbering(workdir, capsys):
    word = make_docx(
        workdir / "referat.docx",
        header=[
            ("Udvalg", "LUU test"),
            ("Dato", "27. november 2023"),
            ("Tid", "kl. 12.30 - 15.00"),
            ("Sted", "SOSU MV Herning, lokale 2.10"),
            ("Mødeleder", "Bo Bæk, Herning Kommune"),
            ("Referent", "Eva Holm, FOA Midt- og Vestjylland"),
            ("Deltagere", "Bo Bæk, Herning Kommune"),
        ],
        paragraphs=[
            ("Normal", "Eva Holm, FOA Midt- og Vestjylland"),
            ("List Number", "Godkendelse af dagsorden"),
            ("Normal", "Beslutning: Godkendt uden bemærkninger."),
            ("List Number", "Nyt fra skolen"),
            ("Normal", "Orientering: Skolen har startet to nye hold."),
            ("List Bullet", "Et hold i Herning."),
            ("List Bullet", "Et hold i Holstebro."),
        ],
    )
    code, out, err = run(workdir, str(word), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, ""), err
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    assert "## 1. Godkendelse af dagsorden" in text
    assert "## 2. Nyt fra skolen" in text
    assert 'tid: "12.30–15.00"' in text
    assert 'sted: "SOSU MV Herning, lokale 2.10"' in text
    assert "- Et hold i Holstebro." in text
    output = built(workdir)
    meeting = page(output, "referater/luu-test/2023-11-27/index.html")
    decision = meeting.select_one("#punkt-1").find_parent("section").select_one(".block.decision")
    assert "Godkendt uden bemærkninger." in decision.get_text()


WORD_HEADER = [
    ("Dato", "27-11-2023"),
    ("Tid", "12:00 - 15:00"),
    ("Sted", "SOSU MV Herning"),
    ("Mødeleder", "Bo Bæk"),
    ("Referent", "Eva Holm"),
]
WORD_BODY = [
    ("Normal", "Deltagere"),
    (
        "Table",
        "Navn | Organisation | Rolle\n"
        "Bo Bæk | Herning Kommune | formand\n"
        "Eva Holm | FOA Midt- og Vestjylland | ",
    ),
    ("Normal", "Afbud: Per Birch, Holstebro Kommune"),
    ("Heading 1", "Godkendelse af dagsorden"),
    ("Heading 2", "Beslutning"),
    ("Normal", "Godkendt."),
    ("Heading 1", "Nyt fra skolen"),
    ("Heading 2", "Orientering"),
    ("Normal", "Skolen har to nye hold:"),
    ("List Bullet", "Herning"),
    ("List Bullet 2", "GF1: 24 elever"),
    ("List Bullet", "Holstebro"),
    ("Table", "Hold | Herning | Holstebro\nGF1 | 24 | 20"),
    ("Heading 1", "Eventuelt"),
    ("Normal", "Intet."),
]
WORD_MINUTES = """---
udvalg: luu-test
titel: "Referat"
dato: 2023-11-27
tid: "12.00–15.00"
sted: "SOSU MV Herning"
moedeleder:
  navn: "Bo Bæk"
referent:
  navn: "Eva Holm"
deltagere:
  - navn: "Bo Bæk"
    organisation: "Herning Kommune"
    rolle: "formand"
  - navn: "Eva Holm"
    organisation: "FOA Midt- og Vestjylland"
afbud:
  - navn: "Per Birch"
    organisation: "Holstebro Kommune"
---

## 1. Godkendelse af dagsorden

### Beslutning

Godkendt.

## 2. Nyt fra skolen

### Orientering

Skolen har to nye hold:

- Herning
    - GF1: 24 elever
- Holstebro

| Hold | Herning | Holstebro |
| --- | --- | --- |
| GF1 | 24 | 20 |

## 3. Eventuelt

Intet.
"""


@pytest.mark.parametrize("numbered", [False, True], ids=["headings", "headings numbered by Word"])
def test_a_word_file_whose_agenda_items_are_headings(workdir, capsys, numbered):
    word = make_docx(workdir / "referat.docx", WORD_HEADER, WORD_BODY, numbered_headings=numbered)
    code, out, err = run(workdir, str(word), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, "")
    assert (workdir / "src" / MINUTES).read_text(encoding="utf-8") == WORD_MINUTES
    # Word's own numbers are taken as they are; numbers the importer counted are a doubt.
    counted = f"{MINUTES}:22: numrene på punkterne er talt op ud fra overskrifterne i Word-filen."
    assert [line for line in out.splitlines() if line.startswith(MINUTES)] == ([] if numbered else [counted])
    meeting = page(built(workdir), "referater/luu-test/2023-11-27/index.html")
    item = meeting.select_one("#punkt-2").find_parent("section")
    assert [li.get_text(strip=True) for li in item.select("ul ul li")] == ["GF1: 24 elever"]
    assert [td.get_text() for td in item.select("table td")] == ["GF1", "24", "20"]


def test_a_word_file_whose_head_is_a_table_of_fields_and_people(workdir, capsys):
    head = [
        ["Dato:", "Mandag den 27. november 2023"],
        ["Tid:", "Kl. 12.00 – 15.00"],
        ["Sted:", "SOSU MV Herning\nlokale 2.10"],
        ["Deltagere:", "Bo Bæk, Herning Kommune (formand)\nEva Holm, FOA Midt- og Vestjylland"],
        ["Fra skolen:", "Dorte Engsig, SOSU MV, uddannelseschef"],
        ["Afbud:", "Per Birch, Holstebro Kommune"],
    ]
    word = make_docx(
        workdir / "referat.docx",
        [],
        [
            ("Table", head),
            ("Table", [["Mødeleder:", "Bo Bæk", "Referent:", "Eva Holm"]]),
            ("List Number", "Godkendelse af dagsorden"),
            ("Normal", "Beslutning: Godkendt."),
            ("List Number", "Eventuelt"),
            ("Normal", "Intet."),
        ],
    )
    code, out, err = run(workdir, str(word), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, "")
    assert (workdir / "src" / MINUTES).read_text(encoding="utf-8").split("---\n")[1] == (
        'udvalg: luu-test\ntitel: "Referat"\ndato: 2023-11-27\ntid: "12.00–15.00"\n'
        'sted: "SOSU MV Herning, lokale 2.10"\n'
        'moedeleder:\n  navn: "Bo Bæk"\nreferent:\n  navn: "Eva Holm"\n'
        'deltagere:\n  - navn: "Bo Bæk"\n    organisation: "Herning Kommune"\n    rolle: "formand"\n'
        '  - navn: "Eva Holm"\n    organisation: "FOA Midt- og Vestjylland"\n'
        '  - navn: "Dorte Engsig"\n    organisation: "SOSU MV"\n    rolle: "fra skolen, uddannelseschef"\n'
        'afbud:\n  - navn: "Per Birch"\n    organisation: "Holstebro Kommune"\n'
    )
    assert "Tjek disse" not in out
    built(workdir)


PDF_PAGES = [
    [
        "Referat fra møde i LUU test",
        "",
        "Dato: d. 27/11 2023",
        "Tid: kl. 12-15",
        "Sted: SOSU MV Herning",
        "",
        "Deltagere:",
        "Bo Bæk, Herning Kommune, formand",
        "Eva Holm, FOA Midt- og Vestjylland",
        "",
        "Fra skolen:",
        "Dorte Engsig, SOSU MV",
        "",
        "Tilforordnede:",
        "Kim Lund, Region Midtjylland",
        "",
        "Afbud:",
        "Per Birch, Holstebro Kommune",
        "",
        "Mødeleder: Bo Bæk",
        "Referent: Eva Holm",
        "",
        "Punkt 1: Godkendelse af dagsorden",
        "Beslutning",
        "Dagsordenen blev godkendt.",
        "",
        "Punkt 2: Nyt fra skolen",
        "Orientering:",
        "Skolen har opgjort optaget på social- og sundhedsassistentuddannelsen, og kommu-",
        "nerne har fået flere elever. Især AMU-uddannelserne og de nye it-",
        "systemer har haft betydning for social-",
        "og sundhedshjælperne.",
    ],
    ["- Optag i Herning:", "    - GF1: 85 elever", "    - GF2: 120 elever", "- Optag i Holstebro"],
    ["Punkt 3: Eventuelt", "Intet."],
]


def test_a_pdf_of_three_pages_with_its_header_footer_and_hyphens_taken_out(workdir, capsys):
    pdf = make_pdf(
        workdir / "referat.pdf",
        PDF_PAGES,
        header="SOSU MV - Referat LUU test",
        footer="Referat LUU test - side {page} af {pages}",
    )
    code, out, err = run(workdir, str(pdf), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"Oprettet: {MINUTES} (27. november 2023: 3 dagsordenspunkter, 5 personer.)")
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    assert text.split("---\n")[2] == (
        "\n## 1. Godkendelse af dagsorden\n\n### Beslutning\n\nDagsordenen blev godkendt.\n\n"
        "## 2. Nyt fra skolen\n\n### Orientering\n\n"
        "Skolen har opgjort optaget på social- og sundhedsassistentuddannelsen, og kommunerne har fået "
        "flere elever. Især AMU-uddannelserne og de nye it-systemer har haft betydning for social- og "
        "sundhedshjælperne.\n\n"
        "- Optag i Herning:\n    - GF1: 85 elever\n    - GF2: 120 elever\n- Optag i Holstebro\n\n"
        "## 3. Eventuelt\n\nIntet.\n"
    )
    assert '  - navn: "Dorte Engsig"\n    organisation: "SOSU MV"\n    rolle: "fra skolen"\n' in text
    assert 'tilforordnede:\n  - navn: "Kim Lund"\n    organisation: "Region Midtjylland"\n' in text
    built(workdir)


def test_an_attachment_is_copied_and_linked_from_its_item(workdir, capsys):
    pdf = make_pdf(workdir / "referat.pdf", [PAGE_1, PAGE_2], header=HEADER)
    attachment = make_pdf(
        workdir / "Bilag 2.1 Ansøgertal.pdf", [["Ansøgere januar 2024: 312"]], numbered=False
    )
    code, out, err = run(workdir, str(pdf), "--udvalg", "luu-test", "--bilag", str(attachment), capsys=capsys)
    assert (code, err) == (0, "")
    copied = workdir / "src" / "content" / "bilag" / "2023-11-27-luu-test" / "bilag-2.1-ansøgertal.pdf"
    assert copied.read_bytes() == attachment.read_bytes()
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    assert (
        "- [Bilag 2.1 Ansøgertal januar 2024]({static}../bilag/2023-11-27-luu-test/bilag-2.1-ansøgertal.pdf)"
        in text
    )
    built(workdir)


def written(path, data: bytes):
    path.write_bytes(data)
    return path


REFUSALS = {
    "not a pdf": (
        lambda d: written(d / "referat.pdf", b"Dette er ikke en PDF."),
        ["--udvalg", "luu-test"],
        "referat.pdf: filen er ikke en PDF-fil.\n"
        "    Ret: tjek, at det er den rigtige fil, og at den kan åbnes.",
    ),
    "encrypted": (
        lambda d: make_pdf(d / "referat.pdf", [PAGE_1], password="hemmelig"),
        ["--udvalg", "luu-test"],
        "referat.pdf: PDF-filen er beskyttet med adgangskode eller kryptering.",
    ),
    "scanned": (
        lambda d: make_scanned_pdf(d / "referat.pdf"),
        ["--udvalg", "luu-test"],
        "referat.pdf: PDF-filen har ingen tekst, kun billeder af siderne (den er scannet).",
    ),
    "unknown committee": (
        lambda d: make_pdf(d / "referat.pdf", [PAGE_1]),
        ["--udvalg", "luu-tset"],
        "Udvalget 'luu-tset' findes ikke.\n    Ret: mente du 'luu-test'? kendte udvalg: luu-test.",
    ),
    "no year and no --dato": (
        lambda d: make_pdf(d / "referat.pdf", [[line.replace(" 2023", "") for line in PAGE_1]]),
        ["--udvalg", "luu-test"],
        "referatet siger kun '27. november' uden årstal.\n    Ret: angiv den med --dato ÅÅÅÅ-MM-DD.",
    ),
    "a date that cannot be read": (
        lambda d: make_pdf(d / "referat.pdf", [["Referat", "", "Dato: snarest", "", "1. Godkendelse"]]),
        ["--udvalg", "luu-test"],
        "datoen 'snarest' kan ikke læses.\n    Ret: angiv den med --dato ÅÅÅÅ-MM-DD.",
    ),
    "docx zip bomb": (
        lambda d: make_docx_zip_bomb(d / "referat.docx", 120),
        ["--udvalg", "luu-test"],
        "referat.docx: Word-filen fylder mere end 100 MB, når den pakkes ud.\n"
        "    Ret: gem en mindre udgave af filen, eller del den op.",
    ),
    "damaged docx": (
        lambda d: make_damaged_docx(d / "referat.docx"),
        ["--udvalg", "luu-test"],
        "referat.docx: Word-filen er beskadiget og kan ikke læses.\n"
        "    Ret: åbn den i Word (Word tilbyder at reparere den), og gem den igen som Word-dokument (.docx).",
    ),
    "pdf /Length refers to itself": (
        lambda d: make_pdf_length_loop(d / "referat.pdf"),
        ["--udvalg", "luu-test"],
        "referat.pdf: PDF-filen kan ikke læses: en del af den pakker ud til mere end programmet læser, "
        "eller den henviser til sig selv.",
    ),
    "pdf flate bomb": (
        lambda d: make_pdf_flate_bomb(d / "referat.pdf", 100),
        ["--udvalg", "luu-test"],
        "referat.pdf: PDF-filen kan ikke læses: en del af den pakker ud til mere end programmet læser, "
        "eller den henviser til sig selv.",
    ),
    "empty text file": (
        lambda d: written(d / "referat.txt", b"\n \n"),
        ["--udvalg", "luu-test"],
        "referat.txt: filen er tom: der er ingen tekst i den.\n    Ret: tjek, at det er den rigtige fil.",
    ),
    "word file without text": (
        lambda d: make_docx_from_xml(d / "referat.docx", ["<w:p><w:r><w:t> </w:t></w:r></w:p>"]),
        ["--udvalg", "luu-test"],
        "referat.docx: Word-filen er tom: der er ingen tekst i den.",
    ),
    "word 97": (
        lambda d: written(d / "referat.doc", b"\xd0\xcf\x11\xe0"),
        ["--udvalg", "luu-test"],
        "referat.doc: filtypen '.doc' kan ikke læses.",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_input_that_cannot_be_used_is_refused_and_nothing_is_written(workdir, capsys, case):
    make, options, message = REFUSALS[case]
    source = make(workdir)
    code, out, err = run(workdir, str(source), *options, capsys=capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and "Error" not in err and out == ""
    assert list((workdir / "src" / "content" / "referater").iterdir()) == []
    assert not (workdir / "src" / "content" / "bilag").exists()


def test_attachments_whose_names_clash_are_numbered_and_none_is_lost(workdir, capsys):
    pdf = make_pdf(workdir / "referat.pdf", [PAGE_1, PAGE_2], header=HEADER)
    first, second = workdir / "Bilag 2.1.txt", workdir / "ny" / "bilag-2.1.TXT"
    second.parent.mkdir()
    first.write_text("første\n", encoding="utf-8")
    second.write_text("anden\n", encoding="utf-8")
    folder = workdir / "src" / "content" / "bilag" / "2023-11-27-luu-test"
    folder.mkdir(parents=True)
    (folder / "bilag-2.1-2.txt").write_text("fandtes i forvejen\n", encoding="utf-8")
    code, out, err = run(
        workdir, str(pdf), "--udvalg", "luu-test", "--bilag", str(first), str(second), capsys=capsys
    )
    assert (code, err) == (0, "")
    shown = "content/bilag/2023-11-27-luu-test"
    assert f"Bilag kopieret: {shown}/bilag-2.1.txt\n" in out
    assert (
        f"Bilag kopieret: {shown}/bilag-2.1-3.txt (omdøbt: navnet 'bilag-2.1.txt' er allerede brugt af et "
        "andet bilag)\n" in out
    )
    assert [(path.name, path.read_text(encoding="utf-8")) for path in sorted(folder.iterdir())] == [
        ("bilag-2.1-2.txt", "fandtes i forvejen\n"),
        ("bilag-2.1-3.txt", "anden\n"),
        ("bilag-2.1.txt", "første\n"),
    ]
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    assert "- [Bilag 2.1 Ansøgertal januar 2024]({static}../bilag/2023-11-27-luu-test/bilag-2.1.txt)" in text
    assert "- [bilag-2.1.TXT]({static}../bilag/2023-11-27-luu-test/bilag-2.1-3.txt)" in text


def test_a_word_file_with_tracked_changes_is_read_as_accepted_and_says_so(workdir, capsys):
    run_ = "<w:r><w:t xml:space='preserve'>{}</w:t></w:r>"
    paragraphs = [
        f"<w:p>{run_.format('Dato: 27. november 2023')}</w:p>",
        f"<w:p>{run_.format('Tid: kl. 12-15')}</w:p>",
        f"<w:p>{run_.format('1. Godkendelse af dagsorden')}</w:p>",
        f"<w:p>{run_.format('Beslutning: Godkendt ')}<w:del w:id='1' w:author='Bo'>"
        "<w:r><w:delText>uden </w:delText></w:r></w:del><w:ins w:id='2' w:author='Bo'>"
        f"{run_.format('med ')}</w:ins>{run_.format('bemærkninger.')}</w:p>",
    ]
    word = make_docx_from_xml(workdir / "referat.docx", paragraphs)
    code, out, err = run(workdir, str(word), "--udvalg", "luu-test", capsys=capsys)
    assert (code, err) == (0, "")
    text = (workdir / "src" / MINUTES).read_text(encoding="utf-8")
    assert "Godkendt med bemærkninger." in text and "uden" not in text
    assert text.splitlines()[1].startswith("udvalg: luu-test  # TJEK: Word-filen har registrerede ændringer")
    assert (
        f"{MINUTES}:2: Word-filen har registrerede ændringer (Spor ændringer); de er læst, som om de er "
        "godkendt: indsat tekst er med, slettet tekst er ikke.\n"
        "    Ret: tjek mod Word-filen, at ændringerne skulle godkendes; ellers ret teksten." in out
    )


def test_an_existing_minutes_file_is_never_overwritten(workdir, capsys):
    existing = workdir / "src" / MINUTES
    existing.write_text("mit eget referat\n", encoding="utf-8")
    pdf = make_pdf(workdir / "referat.pdf", [PAGE_1, PAGE_2])
    code, _, err = run(workdir, str(pdf), "--udvalg", "luu-test", capsys=capsys)
    assert code == 2
    assert "findes allerede; den er ikke ændret." in err
    assert existing.read_text(encoding="utf-8") == "mit eget referat\n"


def test_the_help_is_danish(capsys):
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["import", "--help"])
    text = capsys.readouterr().out
    assert "brug: praktikviden import" in text
    assert "--udvalg UDVALG" in text and "--bilag BILAG" in text
