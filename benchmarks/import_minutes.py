"""Time ``praktikviden import`` of a 20-page PDF, and compare the imported seed minutes with content/.

The PDF is made with fpdf2 from the text of seed 001 (the minutes of LUU PA-AMU, 16 September 2024),
repeated to 20 pages, with a running header and "Side N af 20" on every page. Usage:

    .venv/bin/python -m benchmarks.import_minutes [--pages 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fpdf import FPDF

from plugins.kb.documents import read_document
from plugins.kb.minutes_import import read_minutes
from praktikviden.comparison import compare
from praktikviden.importer import import_minutes

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "kilder"
SEED_MINUTES = [
    ("000", "samarbejdsmoede-pa", "2021-10-12", "2021-10-12-samarbejdsmoede-pa.md"),
    ("001", "luu-pa-amu", None, "2024-09-16-luu-pa-amu.md"),
    ("002", "luu-sosu-amu", None, "2019-02-22-luu-sosu-amu.md"),
]


def make_pdf(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` pages of real minutes text, 40 lines a page, with header and page numbers."""
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


def main() -> None:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    time_import(args.pages, args.runs)
    compare_seeds()


if __name__ == "__main__":
    main()
