"""The build reads plain files inside the repository only, and knows each file by one name."""

import os
import unicodedata

from plugins.kb.metadata.textfile import read_text
from plugins.kb.storage.paths import read_plain_file, scan

LINK = (
    "det er et symbolsk link (en genvej til en anden fil eller mappe); sitet bygges kun af filer, der "
    "ligger i projektet.\n    Ret: slet linket, og læg en kopi af selve filen her i stedet."
)


def test_links_in_the_tree_are_refused_and_not_entered(tmp_path):
    secret = tmp_path / "udenfor" / "hemmelig.txt"
    secret.parent.mkdir()
    secret.write_text("TOKEN=abc")
    bilag = tmp_path / "repo" / "content" / "bilag" / "2024-09-16-luu-pa-amu"
    bilag.mkdir(parents=True)
    (bilag / "plan.pdf").write_bytes(b"%PDF")
    (bilag / "hemmelig.txt").symlink_to(secret)
    (bilag.parent / "alt").symlink_to(secret.parent, target_is_directory=True)
    tree = scan(tmp_path / "repo", ("content",))
    assert [str(p) for p in tree.problems] == [
        f"content/bilag/alt: {LINK}",
        f"content/bilag/2024-09-16-luu-pa-amu/hemmelig.txt: {LINK}",
    ]
    assert sorted(tree.files) == ["content/bilag/2024-09-16-luu-pa-amu/plan.pdf"]


def test_a_link_is_not_followed_when_read(tmp_path):
    secret = tmp_path / "hemmelig.md"
    secret.write_text("---\ntitel: x\n---\n")
    (tmp_path / "side.md").symlink_to(secret)
    text, problems = read_text(tmp_path / "side.md", "content/sider/side.md")
    assert text is None
    assert [str(p) for p in problems] == [f"content/sider/side.md: {LINK}"]


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "roer.md")
    data, problems = read_plain_file(tmp_path / "roer.md", "content/sider/roer.md")
    assert data is None
    assert problems[0].message.startswith("det er ikke en almindelig fil")
    assert scan(tmp_path, (".",)).problems[0].message.startswith("det er ikke en almindelig fil")


def test_a_file_beyond_the_limit_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "stor.md").write_bytes(b"x" * 2001)
    data, problems = read_plain_file(tmp_path / "stor.md", "content/sider/stor.md", limit=2000)
    assert data is None
    assert "større end" in problems[0].message


def test_composed_and_decomposed_names_are_one_name(tmp_path):
    decomposed = unicodedata.normalize("NFD", "årsplan-møde.pdf")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / decomposed).write_bytes(b"%PDF")
    tree = scan(tmp_path, ("content",))
    assert tree.problems == []
    assert tree.on_disk("content/årsplan-møde.pdf") == f"content/{decomposed}"
    assert tree.on_disk(f"content/{decomposed}") == f"content/{decomposed}"


def test_names_that_differ_in_case_or_form_only_clash(tmp_path):
    folder = tmp_path / "content" / "bilag"
    folder.mkdir(parents=True)
    (folder / "Plan.pdf").write_bytes(b"1")
    (folder / "plan.pdf").write_bytes(b"2")
    (folder / "årsmøde.pdf").write_bytes(b"3")
    (folder / unicodedata.normalize("NFD", "årsmøde.pdf")).write_bytes(b"4")
    problems = [str(p) for p in scan(tmp_path, ("content",)).problems]
    assert problems == [
        "content/bilag/plan.pdf: filen og 'content/bilag/Plan.pdf' har samme navn, når man ser bort fra "
        "store og små bogstaver; på Windows og Mac bliver de til én fil, og den ene går tabt.\n"
        "    Ret: giv den ene fil et andet navn, eller slet den, hvis de er ens.",
        "content/bilag/årsmøde.pdf: filen og "
        f"'content/bilag/{unicodedata.normalize('NFD', 'årsmøde.pdf')}' har "
        "samme navn, skrevet med to forskellige tegnkodninger af æ, ø eller å; på Windows og Mac bliver de "
        "til én fil, og den ene går tabt.\n"
        "    Ret: giv den ene fil et andet navn, eller slet den, hvis de er ens.",
    ]
