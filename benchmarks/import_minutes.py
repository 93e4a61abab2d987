"""Time ``praktikviden import`` of a 20-page PDF, and compare the imported seed minutes with content/.

The PDF is made with fpdf2 from the text of seed 001 (the minutes of LUU PA-AMU, 16 September 2024),
repeated to 20 pages, with a running header and "Side N af 20" on every page. Usage:

    .venv/bin/python -m benchmarks.import_minutes [--pages 20] [--runs 5]
    .venv/bin/python -m benchmarks.import_minutes --hostile

``--hostile`` instead reads the worst files the limits let through or stop (a Word zip bomb, a Flate
bomb, the largest Word file and the longest text within the limits), each read and its minutes read
in a process of its own, and prints the time and the process's peak memory (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

# The project and fpdf2 are imported where they are used: --hostile starts the readers from this
# process, and a process's peak memory carries over into the programs it starts (ru_maxrss).

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "kilder"
SEED_MINUTES = [
    ("000", "samarbejdsmoede-pa", "2021-10-12", "2021-10-12-samarbejdsmoede-pa.md"),
    ("001", "luu-pa-amu", None, "2024-09-16-luu-pa-amu.md"),
    ("002", "luu-sosu-amu", None, "2019-02-22-luu-sosu-amu.md"),
]


def make_pdf(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` pages of real minutes text, 40 lines a page, with header and page numbers."""
    from fpdf import FPDF

    lines = [line.strip() for line in next(SEEDS.glob("001_*.txt")).read_text().splitlines()]
    # The PDF's core font has Danish letters but not the typographic dashes and quotes.
    plain = str.maketrans({"–": "-", "—": "-", "”": '"', "“": '"', "’": "'", "‘": "'", "▪": "-", "•": "-"})
    lines = [line.translate(plain).encode("latin-1", "replace").decode("latin-1") for line in lines if line]
    total = pages

    class Minutes(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, "SOSU MV - Referat LUU PA-AMU 16. september 2024", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 10, f"Side {self.page_no()} af {total}", align="C")

    pdf = Minutes()
    pdf.set_auto_page_break(False)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in lines[(page * 40) % len(lines) :][:40]:
            pdf.cell(0, 6, line[:110], new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def time_import(pages: int, runs: int) -> None:
    """Print how long reading the PDF, reading the minutes and the whole import take."""
    from plugins.kb.importer.documents import read_document
    from plugins.kb.importer.minutes_import import read_minutes
    from praktikviden.importer import import_minutes

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pdf = make_pdf(work / "referat.pdf", pages)
        content = work / "content"
        shutil.copytree(ROOT / "content" / "udvalg", content / "udvalg")
        reading, parsing, whole = [], [], []
        for _ in range(runs):
            started = time.perf_counter()
            text, _ = read_document(pdf, "referat.pdf")
            reading.append(time.perf_counter() - started)
            started = time.perf_counter()
            read_minutes(text)
            parsing.append(time.perf_counter() - started)
            for old in (content / "referater").glob("*.md"):
                old.unlink()
            started = time.perf_counter()
            imported = import_minutes(pdf, "luu-pa-amu", content)
            whole.append(time.perf_counter() - started)
        print(f"{pages}-page PDF ({pdf.stat().st_size // 1024} KB), median of {runs}:")
        print(f"  read the PDF (pypdf, layout mode): {statistics.median(reading):.2f} s")
        print(f"  read the minutes from the text:    {statistics.median(parsing):.3f} s")
        print(f"  whole import, file written:        {statistics.median(whole):.2f} s")
        print(f"  {imported.summary} {len(imported.notes)} places to review")


def compare_seeds() -> None:
    """Print a table: the imported seed minutes against the ones converted by hand."""
    from praktikviden.comparison import compare
    from praktikviden.importer import import_minutes

    themes = {path.stem for path in (ROOT / "content" / "temaer").glob("*.yml")}
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content" / "udvalg", content / "udvalg")
        print(
            "\n| seed | agenda items | same numbers and titles | people (name, organisation) "
            "| same decisions "
            "| body sentences identical | places to review |"
        )
        print("|---|---:|---|---|---|---:|---:|")
        for seed, committee, date, reference in SEED_MINUTES:
            imported = import_minutes(next(SEEDS.glob(f"{seed}_*.txt")), committee, content, date)
            result = compare(
                imported.text, (ROOT / "content" / "referater" / reference).read_text(), committee, themes
            )
            same_people = (
                "yes"
                if result.people == result.people_reference
                else (f"{len(result.people & result.people_reference)} of {len(result.people_reference)}")
            )
            print(
                f"| {seed} | {len(result.agenda)} "
                f"| {'yes' if result.agenda == result.agenda_reference else 'no'} "
                f"| {same_people} ({len(result.people_reference)}) "
                f"| {'yes' if result.decisions == result.decisions_reference else 'no'} "
                f"({len(result.decisions)}) "
                f"| {result.sentences_found} of {result.sentences_reference} ({result.sentence_share:.1%}) "
                f"| {len(imported.notes)} |"
            )


# Run in a fresh process: read one file, print seconds, peak memory in MB and the first problem.
_READ_ONE = """
import resource, sys, time
from pathlib import Path
from plugins.kb.importer.documents import read_document
from plugins.kb.importer.minutes_import import read_minutes
started = time.perf_counter()
text, problems = read_document(Path(sys.argv[1]), Path(sys.argv[1]).name, markdown=True)
if text:
    read_minutes(text)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f}|{peak:.0f}|{problems[0].message if problems else f'{len(text):,} characters read'}")
"""


def _largest_word_file(path: Path) -> Path:
    """A Word file whose text is 19 MB of XML: within the limits on parts, the most python-docx parses."""
    from tests.documents import make_docx_with_part

    paragraph = (
        "<w:p><w:r><w:t>Punkt {0}: udvalget drøftede optaget på holdet {0} i Herning.</w:t></w:r></w:p>"
    )
    body = "".join(paragraph.format(n) for n in range(190_000))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    return make_docx_with_part(path, "word/document.xml", xml.encode())


HOSTILE_FILES = [
    ("Word zip bomb: document.xml 1 GB of zeros", "bombe.docx"),
    ("PDF Flate bomb: a page 1 GB of spaces", "bombe.pdf"),
    ("PDF whose /Length refers to itself", "loop.pdf"),
    ("largest Word file within the limits", "stor.docx"),
    ("longest text within the limits: one paragraph of 990,000 characters", "lang.txt"),
    ("20-page PDF of minutes (for comparison)", "referat.pdf"),
]


def make_hostile_files(work: Path) -> None:
    """Write the files of ``HOSTILE_FILES`` into ``work`` (run in a process of its own: it takes 1 GB)."""
    from tests.documents import make_docx_zip_bomb, make_pdf_flate_bomb, make_pdf_length_loop

    make_docx_zip_bomb(work / "bombe.docx", 1024)
    make_pdf_flate_bomb(work / "bombe.pdf", 1024)
    make_pdf_length_loop(work / "loop.pdf")
    _largest_word_file(work / "stor.docx")
    make_pdf(work / "referat.pdf", 20)
    line = "udvalget drøftede optaget på holdet {} i herning og"
    text = "1. Punkt\n" + "\n".join(line.format(n) for n in range(18_500))
    (work / "lang.txt").write_text(text[:990_000], encoding="utf-8")


def hostile() -> None:
    """Print time and peak memory of reading the worst cases, each in a process of its own.

    The files are made in another process: a process's peak memory carries over into the programs it
    starts (``ru_maxrss`` is kept across exec), so the one that starts the readers stays small.
    """
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        make = (
            "import sys, pathlib, benchmarks.import_minutes as b; "
            "b.make_hostile_files(pathlib.Path(sys.argv[1]))"
        )
        subprocess.run([sys.executable, "-c", make, folder], cwd=ROOT, check=True)
        cases = [(name, work / file) for name, file in HOSTILE_FILES]
        print("| file | size | unpacked | time | peak memory | result |")
        print("|---|---:|---:|---:|---:|---|")
        for name, path in cases:
            unpacked = (
                sum(member.file_size for member in zipfile.ZipFile(path).infolist())
                if path.suffix == ".docx"
                else None
            )
            done = subprocess.run(
                [sys.executable, "-c", _READ_ONE, str(path)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            )
            seconds, peak, result = done.stdout.strip().split("|", 2)
            unpacked_text = f"{unpacked / 1024**2:,.0f} MB" if unpacked else "–"
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            print(f"| {name} | {size} | {unpacked_text} | {seconds} s | {peak} MB | {result} |")


def main() -> None:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hostile", action="store_true", help="time and memory of the worst files")
    args = parser.parse_args()
    if args.hostile:
        hostile()
        return
    time_import(args.pages, args.runs)
    compare_seeds()


if __name__ == "__main__":
    main()
