"""The pull request comments' Markdown and the import requests' parsing: pure functions, no build."""

from __future__ import annotations

import pytest

from plugins.kb.problems import Problem
from praktikviden.importrequests import ImportRequest, missing_uploads, parse_request, upload_path
from praktikviden.pullrequest import (
    CHECK_MARKER,
    Links,
    check_comment,
    code,
    escape,
    pending_imports,
    place,
    within_limit,
)

LINKS = Links("https://github.com/o/r/blob/abc", "https://github.com/o/r/actions/runs/1")
DATE = Problem(
    "content/referater/2024-09-16-luu-pa-amu.md",
    3,
    "'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'.",
    "skriv 'dato: 2024-09-16'.",
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("'dato' skal være ÅÅÅÅ-MM-DD.", "'dato' skal være ÅÅÅÅ-MM-DD."),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        (
            "[klik](https://x.dk) og *fed* og _kursiv_",
            "\\[klik\\](https://x.dk) og \\*fed\\* og \\_kursiv\\_",
        ),
        ("a | b ~~c~~ `d` &copy;", "a \\| b \\~\\~c\\~\\~ \\`d\\` \\&copy;"),
        ("to\nlinjer", "to linjer"),
    ],
)
def test_escape_shows_text_as_written(text, shown):
    assert escape(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("content/a.md:3", "`content/a.md:3`"),
        ("a`b", "``a`b``"),
        ("`a", "`` `a ``"),
    ],
)
def test_code_holds_any_backticks(text, shown):
    assert code(text) == shown


def test_a_place_links_to_the_line_on_the_branch():
    assert place("content/referater/møde.md", 7, LINKS) == (
        "[`content/referater/møde.md:7`](https://github.com/o/r/blob/abc/"
        "content/referater/m%C3%B8de.md?plain=1#L7)"
    )
    assert place("content/a.md", 0, LINKS) == "[`content/a.md`](https://github.com/o/r/blob/abc/content/a.md)"
    assert place("Pelican", 0, LINKS) == "`Pelican`"  # not a file
    assert place("content/a.md", 2, Links()) == "`content/a.md:2`"


def test_the_comment_when_the_check_passes():
    comment = check_comment([], commit="0123456789abcdef")
    assert comment.startswith(CHECK_MARKER + "\n")
    assert "### ✅ Tjek af indholdet: ingen fejl fundet" in comment
    assert "Ingen fejl fundet." in comment
    assert "Tjekket på commit `0123456`." in comment


def test_the_comment_lists_every_problem_with_its_fix():
    other = Problem("content/udvalg/luu.yml", 0, "udvalget har intet navn.", "")
    comment = check_comment([DATE, other], LINKS)
    assert comment.startswith(CHECK_MARKER + "\n")
    assert "### ❌ Tjek af indholdet: 2 fejl" in comment
    assert "kan ikke udgives, før fejlene er rettet" in comment
    assert (
        "- [`content/referater/2024-09-16-luu-pa-amu.md:3`](https://github.com/o/r/blob/abc/content/referater/"
        "2024-09-16-luu-pa-amu.md?plain=1#L3): 'dato' skal være ÅÅÅÅ-MM-DD, fik '16/9/2024'.\n"
        "  **Ret:** skriv 'dato: 2024-09-16'." in comment
    )
    # Ordered by file, as the check prints them; a problem without a fix has no Ret line.
    assert comment.index("content/referater/") < comment.index("content/udvalg/")
    assert "udvalget har intet navn.\n" in comment


def test_a_long_list_stops_within_githubs_limit_and_says_where_the_rest_is():
    problems = [Problem(f"content/referater/{n:04}.md", 1, "x" * 500, "y" * 100) for n in range(500)]
    comment = check_comment(problems, LINKS)
    assert len(comment) < 65_536
    assert "### ❌ Tjek af indholdet: 500 fejl" in comment
    assert comment.count("\n- ") < 500
    assert (
        "mere, som ikke er plads til her: se [jobbets log](https://github.com/o/r/actions/runs/1)." in comment
    )


def test_within_limit_keeps_what_fits():
    assert within_limit(["a", "b"], 10, Links()) == ["a", "b"]
    assert within_limit(["aaaa", "bbbb", "cccc"], 10, Links()) == [
        "aaaa",
        "bbbb",
        "- … og 1 mere, som ikke er plads til her: se jobbets log.",
    ]


REQUEST = "import/referat.yml"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/import/filer/referat-2019.pdf", "import/filer/referat-2019.pdf"),
        ("import/filer/mappe/bilag 1.docx", "import/filer/mappe/bilag 1.docx"),
    ],
)
def test_an_upload_path_as_the_cms_writes_it(value, expected):
    assert upload_path(value, REQUEST, 2, "fil") == (expected, [])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/etc/passwd", "'fil' skal ligge i import/filer/, fik '/etc/passwd'."),
        ("../content/x.md", "'fil' må ikke indeholde '..' eller '.': '../content/x.md'."),
        (
            "/import/filer/../../content/x.md",
            "'fil' må ikke indeholde '..' eller '.': '/import/filer/../../content/x.md'.",
        ),
        ("/import/filer/./x.pdf", "'fil' må ikke indeholde '..' eller '.': '/import/filer/./x.pdf'."),
        ("//import/filer/x.pdf", "'fil' må ikke indeholde '..' eller '.': '//import/filer/x.pdf'."),
        ("/import/x.pdf", "'fil' skal ligge i import/filer/, fik '/import/x.pdf'."),
        ("/import/filer/", "'fil' skal ligge i import/filer/, fik '/import/filer/'."),
        ("/content/referater/a.md", "'fil' skal ligge i import/filer/, fik '/content/referater/a.md'."),
        ("C:\\Users\\bo\\referat.pdf", "'fil' er en sti på en computer: 'C:\\Users\\bo\\referat.pdf'."),
        ("", "'fil' skal være stien til en fil under import/filer/."),
        (["a"], "'fil' skal være stien til en fil under import/filer/."),
    ],
)
def test_an_upload_path_outside_the_upload_folder_is_refused(value, message):
    path, problems = upload_path(value, REQUEST, 2, "fil")
    assert path is None
    assert [(p.path, p.line, p.message) for p in problems] == [(REQUEST, 2, message)]
    assert problems[0].hint.startswith("upload filen i redigeringen")


def test_a_request_with_every_field():
    text = (
        "udvalg: luu-sosu-amu\n"
        "fil: /import/filer/referat-2019.pdf\n"
        "dato: 2019-02-22\n"
        "bilag:\n"
        "  - /import/filer/bilag-2-1.pdf\n"
        "  - /import/filer/bilag-3.docx\n"
    )
    assert parse_request(text, REQUEST) == (
        ImportRequest(
            REQUEST,
            "luu-sosu-amu",
            "import/filer/referat-2019.pdf",
            "2019-02-22",
            ("import/filer/bilag-2-1.pdf", "import/filer/bilag-3.docx"),
        ),
        [],
    )


def test_a_request_with_only_what_is_required():
    request, problems = parse_request("udvalg: luu-test\nfil: /import/filer/a.pdf\nbilag: []\n", REQUEST)
    assert problems == []
    assert request == ImportRequest(REQUEST, "luu-test", "import/filer/a.pdf")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fil: /import/filer/a.pdf\n", [(1, "'udvalg' mangler.")]),
        ("udvalg:\nfil: /import/filer/a.pdf\n", [(1, "'udvalg' mangler.")]),
        ("udvalg: luu-test\n", [(1, "'fil' mangler.")]),
        (
            "udvalg: luu-test\nfil: /etc/passwd\n",
            [(2, "'fil' skal ligge i import/filer/, fik '/etc/passwd'.")],
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/a.pdf\nbilag:\n  - /import/filer/b.pdf\n  - ../x\n",
            [(5, "'bilag' må ikke indeholde '..' eller '.': '../x'.")],
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/a.pdf\ndato: 22/2/2019\n",
            [(3, "'dato' skal være ÅÅÅÅ-MM-DD, fik '22/2/2019'.")],
        ),
        (
            "udvalg: luu-test\nfil: /import/filer/a.pdf\ndato: 2019-02-30\n",
            [(3, "'dato' skal være ÅÅÅÅ-MM-DD, fik '2019-02-30'.")],
        ),
        ("udvalg: luu-test\nfil: /import/filer/a.pdf\nudvlag: x\n", [(3, "ukendt felt 'udvlag'.")]),
        (
            "udvalg: [luu-test\n",
            [(2, "metadata kan ikke læses (YAML: expected ',' or ']', but got '<stream end>').")],
        ),
    ],
)
def test_a_request_with_problems(text, expected):
    request, problems = parse_request(text, REQUEST)
    assert request is None
    assert [(p.line, p.message) for p in problems] == expected
    assert all(p.path == REQUEST and p.hint for p in problems)


def test_an_unknown_field_suggests_the_closest():
    _, problems = parse_request("udvalg: luu-test\nfil: /import/filer/a.pdf\nbilg: []\n", REQUEST)
    assert problems[0].hint == "mente du 'bilag'? felterne er: udvalg, fil, dato, bilag."


def test_uploads_must_be_plain_files_inside_the_upload_folder(tmp_path):
    uploads = tmp_path / "import" / "filer"
    uploads.mkdir(parents=True)
    (uploads / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "hemmelig.txt").write_text("x")
    (uploads / "genvej.pdf").symlink_to(tmp_path / "hemmelig.txt")
    (uploads / "mappe").symlink_to(tmp_path)
    request = ImportRequest(
        REQUEST, "luu-test", "import/filer/a.pdf", None,
        ("import/filer/genvej.pdf", "import/filer/mappe/hemmelig.txt", "import/filer/væk.pdf"),
    )  # fmt: skip
    assert [p.message for p in missing_uploads(request, tmp_path)] == [
        "import/filer/genvej.pdf er en genvej (symbolsk link), ikke en fil.",
        "import/filer/mappe/hemmelig.txt er en genvej (symbolsk link), ikke en fil.",
        "filen import/filer/væk.pdf findes ikke.",
    ]


def test_files_left_in_the_import_folder_are_problems(tmp_path):
    assert pending_imports(tmp_path) == []
    (tmp_path / "import" / "filer").mkdir(parents=True)
    (tmp_path / "import" / "README.md").write_text("x")
    (tmp_path / "import" / "filer" / ".gitkeep").write_text("")
    assert pending_imports(tmp_path) == []
    (tmp_path / "import" / "a.yml").write_text("x")
    (tmp_path / "import" / "filer" / "a.pdf").write_text("x")
    assert [(p.path, p.line) for p in pending_imports(tmp_path)] == [
        ("import/a.yml", 0),
        ("import/filer/a.pdf", 0),
    ]
