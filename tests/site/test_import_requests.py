"""Import requests as the CMS saves them, processed for real in a fake repository with a real PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from praktikviden.importrequests import import_comment, process_requests
from praktikviden.pullrequest import IMPORT_MARKER, Links, run_check
from tests.conftest import FIXTURES, ROOT
from tests.documents import make_pdf, make_scanned_pdf
from tests.site.test_import import HEADER, PAGE_1, PAGE_2

MINUTES = "content/referater/2023-11-27-luu-test.md"
LINKS = Links("https://github.com/o/r/blob/cms/referater/import", "https://github.com/o/r/actions/runs/7")


@pytest.fixture
def repo(tmp_path):
    """A repository with the test committee, no minutes, and an upload folder as the CMS makes it."""
    shutil.copytree(FIXTURES / "common", tmp_path / "content")
    (tmp_path / "content" / "referater").mkdir()
    (tmp_path / "import" / "filer").mkdir(parents=True)
    return tmp_path


def request(repo, name: str, text: str) -> None:
    (repo / "import" / f"{name}.yml").write_text(text, encoding="utf-8")


def upload_minutes(repo, name: str = "referat-2023.pdf"):
    return make_pdf(repo / "import" / "filer" / name, [PAGE_1, PAGE_2], header=HEADER)


def test_a_request_becomes_minutes_and_its_uploads_are_removed(repo):
    upload_minutes(repo)
    (repo / "import" / "filer" / "bilag-2.1.txt").write_text("Ansøgertal januar 2024\n", encoding="utf-8")
    request(
        repo,
        "referat-2023",
        "udvalg: luu-test\nfil: /import/filer/referat-2023.pdf\nbilag:\n  - /import/filer/bilag-2.1.txt\n",
    )
    [outcome] = process_requests(repo, repo / "content")
    assert outcome.problems == ()
    assert outcome.minutes == MINUTES
    text = (repo / MINUTES).read_text(encoding="utf-8")
    assert text.startswith("---\n") and "udvalg: luu-test" in text
    assert "[Bilag 2.1 Ansøgertal januar 2024]({static}../bilag/2023-11-27-luu-test/bilag-2.1.txt)" in text
    assert (repo / "content/bilag/2023-11-27-luu-test/bilag-2.1.txt").is_file()
    # The request and everything uploaded are gone; nothing uploaded lies under content/ but the attachment.
    assert sorted(p.name for p in (repo / "import").rglob("*") if p.is_file()) == []
    assert not list((repo / "content").rglob("*.pdf"))
    checked = run_check(repo)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "organisation: ikke angivet" in row)
    # The draft's review notes are comments in its metadata: the check holds it back until they are read.
    assert [(p.path, p.line, p.message) for p in checked] == [
        (MINUTES, line, "metadata har en kommentar ('# …'), som den faste form ikke kan rumme.")
    ]
    comment = import_comment([outcome], checked, LINKS)
    assert comment.startswith(IMPORT_MARKER + "\n")
    assert (
        "### ✅ `import/referat-2023.yml` → [`content/referater/2023-11-27-luu-test.md`]"
        "(https://github.com/o/r/blob/cms/referater/import/content/referater/2023-11-27-luu-test.md)"
    ) in comment
    assert "27. november 2023: 3 dagsordenspunkter, 4 personer." in comment
    assert "Bilag kopieret: `content/bilag/2023-11-27-luu-test/bilag-2.1.txt`" in comment
    assert "de bliver ikke udgivet" in comment
    assert "Tjek dette sted i referatet mod den originale fil:" in comment
    assert (
        f"- [`{MINUTES}:{line}`]({LINKS.files}/{MINUTES}?plain=1#L{line}): "
        "deltager 'Camille Laustsen' har ingen organisation i referatet.\n  **Ret:** skriv organisationen"
    ) in comment
    assert "Tjek af indholdet" in comment and "ingen fejl fundet" not in comment


@pytest.mark.parametrize(
    ("text", "make", "message", "hint"),
    [
        (
            "udvalg: luu-ukendt\nfil: /import/filer/referat-2023.pdf\n",
            upload_minutes,
            "Udvalget 'luu-ukendt' findes ikke.",
            "Ret:** kendte udvalg: luu-test.",
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/scannet.pdf\n",
            lambda repo: make_scanned_pdf(repo / "import" / "filer" / "scannet.pdf"),
            "import/filer/scannet.pdf: PDF-filen har ingen tekst",
            "",
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/referat-2023.pdf\n",
            lambda repo: (upload_minutes(repo), (repo / MINUTES).write_text("---\n---\n")),
            f"{MINUTES} findes allerede; den er ikke ændret.",
            "slet eller omdøb den først, hvis du vil importere igen.",
        ),
        (
            "udvalg: luu-test\nfil: /etc/passwd\n",
            lambda repo: None,
            "`import/referat.yml:2`: 'fil' skal ligge i import/filer/, fik '/etc/passwd'.",
            "upload filen i redigeringen",
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/../../content/udvalg/luu-test.yml\n",
            lambda repo: None,
            "'fil' må ikke indeholde '..' eller '.'",
            "upload filen i redigeringen",
        ),
        (
            "fil: /import/filer/referat-2023.pdf\n",
            upload_minutes,
            "`import/referat.yml:1`: 'udvalg' mangler.",
            "vælg det udvalg, referatet er fra",
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/findes-ikke.pdf\n",
            lambda repo: None,
            "filen import/filer/findes-ikke.pdf findes ikke.",
            "upload filen igen i redigeringen",
        ),
    ],
    ids=["unknown committee", "unreadable", "minutes exist", "outside", "dot-dot", "no committee", "missing"],
)
def test_a_request_that_fails_writes_nothing_keeps_its_files_and_says_what_to_do(
    repo, text, make, message, hint
):
    make(repo)
    request(repo, "referat", text)
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    [outcome] = process_requests(repo, repo / "content")
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before
    assert outcome.minutes == "" and outcome.problems
    comment = import_comment([outcome], run_check(repo))
    assert "### ❌ `import/referat.yml` er ikke importeret" in comment
    assert message in comment and hint in comment
    assert "Ret importanmodningen i redigeringen, og gem igen" in comment
    assert "Tjek af indholdet: " in comment
    assert "`import/referat.yml`" in comment


def test_the_command_imports_writes_the_comment_and_fails_on_a_bad_request(repo):
    upload_minutes(repo)
    request(repo, "a-god", "udvalg: luu-test\nfil: /import/filer/referat-2023.pdf\n")
    request(repo, "b-ond", "udvalg: luu-test\nfil: ../../etc/passwd\n")
    result = subprocess.run(
        [sys.executable, "-m", "praktikviden.pullrequest", "import", "--mappe", str(repo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(IMPORT_MARKER)
    assert "### ✅ `import/a-god.yml` → `content/referater/2023-11-27-luu-test.md`" in result.stdout
    assert "### ❌ `import/b-ond.yml` er ikke importeret" in result.stdout
    assert (repo / MINUTES).is_file() and not (repo / "import/a-god.yml").exists()
    assert not (repo / "import/filer/referat-2023.pdf").exists()
    assert (repo / "import/b-ond.yml").is_file()
    # The request left behind keeps the check red, so the pull request cannot be merged with it; so do
    # the new draft's review notes until they are read (comments in its metadata).
    assert "### ❌ Tjek af indholdet: 2 fejl" in result.stdout
    assert "metadata har en kommentar" in result.stderr
    assert "import/b-ond.yml: filen ligger stadig i import/" in result.stderr


def test_the_check_command_writes_ingen_fejl_fundet(repo):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "praktikviden.pullrequest",
            "tjek",
            "--mappe",
            str(repo),
            "--commit",
            "abcdef12",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("<!-- praktikviden-tjek -->\n### ✅ Tjek af indholdet: ingen fejl fundet")
    assert "Tjekket på commit `abcdef1`." in result.stdout


def test_the_check_command_lists_the_problems_and_fails(repo):
    (repo / "content/referater/2024-09-16-luu-test.md").write_text(
        "---\nudvalg: luu-test\ndato: 16/9/2024\n---\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "praktikviden.pullrequest", "tjek", "--mappe", str(repo)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "### ❌ Tjek af indholdet:" in result.stdout
    assert "- `content/referater/2024-09-16-luu-test.md:3`: 'dato' skal være ÅÅÅÅ-MM-DD" in result.stdout
    assert "content/referater/2024-09-16-luu-test.md:3: 'dato' skal være" in result.stderr
