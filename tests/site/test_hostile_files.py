"""Files that are not what they seem: links out of the repository, clashing names, files no reader can take.

Each case is planted in a copy of one small site by the test itself (git cannot be trusted to keep a
symbolic link or a decomposed name as it was), then checked and built: the build stops with the
file's name and what to do, publishes nothing, and never reads what lies outside the repository.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from pelican import Pelican

from plugins.kb.problems import ContentError
from praktikviden import site
from tests.conftest import FIXTURES, page, site_settings

FOLDER = "bilag/2024-06-10-luu-test"
SECRET = "GITHUB_TOKEN=ghp_hemmelig"
LINK = (
    ": det er et symbolsk link (en genvej til en anden fil eller mappe); sitet bygges kun af filer, der "
    "ligger i projektet.\n    Ret: slet linket, og læg en kopi af selve filen her i stedet."
)


def _site(tmp_path: Path) -> tuple[dict, Path]:
    """The fixture copied into ``tmp_path/repo``, its two attachments written plainly; a secret outside."""
    secret = tmp_path / "runner" / "secrets.env"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    settings = site_settings(FIXTURES / "meeting_with_named_files" / "content", tmp_path / "repo")
    folder = Path(settings["PATH"]) / FOLDER
    folder.mkdir(parents=True)
    (folder / "årsplan.txt").write_text("Årsplan 2024", encoding="utf-8")
    (folder / "frafald.txt").write_text("Frafald", encoding="utf-8")
    return settings, secret


def _nothing_published(settings: dict, secret: Path) -> None:
    output = Path(settings["OUTPUT_PATH"])
    written = [p for p in output.parent.iterdir() if p.name.startswith((output.name, f".{output.name}"))]
    assert written == [], "nothing may be written, not even a staging folder"
    assert secret.read_text(encoding="utf-8") == SECRET


def _refused(settings: dict) -> list[str]:
    with pytest.raises(ContentError) as caught:
        site.build(settings)
    assert [str(p) for p in site.check(settings)] == [str(p) for p in caught.value.problems]
    return [str(p) for p in caught.value.problems]


def test_a_linked_attachment_that_is_a_link_out_of_the_repository_is_refused(tmp_path):
    settings, secret = _site(tmp_path)
    target = Path(settings["PATH"]) / FOLDER / "frafald.txt"
    target.unlink()
    target.symlink_to(secret)
    assert _refused(settings) == [f"content/{FOLDER}/frafald.txt{LINK}"]
    _nothing_published(settings, secret)


def test_a_folder_that_is_a_link_out_of_the_repository_is_refused(tmp_path):
    settings, secret = _site(tmp_path)
    (Path(settings["PATH"]) / "sider").symlink_to(secret.parent, target_is_directory=True)
    assert _refused(settings) == [f"content/sider{LINK}"]
    _nothing_published(settings, secret)


def test_a_minutes_file_that_is_a_link_is_refused_unread(tmp_path):
    settings, secret = _site(tmp_path)
    minutes = Path(settings["PATH"]) / "referater" / "2024-09-16-luu-test.md"
    minutes.symlink_to(secret)
    problems = _refused(settings)
    assert problems == [f"content/referater/2024-09-16-luu-test.md{LINK}"] * 2
    _nothing_published(settings, secret)


def test_names_that_differ_only_in_case_are_refused(tmp_path):
    settings, secret = _site(tmp_path)
    (Path(settings["PATH"]) / FOLDER / "Frafald.txt").write_text("Frafald 2", encoding="utf-8")
    assert _refused(settings) == [
        f"content/{FOLDER}/frafald.txt: filen og 'content/{FOLDER}/Frafald.txt' har samme navn, når man "
        "ser bort fra store og små bogstaver; på Windows og Mac bliver de til én fil, og den ene går tabt.\n"
        "    Ret: giv den ene fil et andet navn, eller slet den, hvis de er ens."
    ]


def test_front_matter_nested_a_thousand_levels_deep_is_a_problem_not_a_skipped_file(tmp_path):
    settings, _ = _site(tmp_path)
    page_file = Path(settings["PATH"]) / "sider" / "dyb.md"
    page_file.parent.mkdir()
    page_file.write_text("---\ntitel: Dyb\ntemaer: " + "[" * 1000 + "]" * 1000 + "\n---\n\nTekst.\n")
    assert _refused(settings) == [
        "content/sider/dyb.md:3: metadata er indlejret i mere end 10 lag (lister og felter inden i "
        "hinanden).\n    Ret: skriv felterne, som vejledningen viser dem; et felt har højst en liste af "
        "personer med navn og organisation under sig."
    ]


def test_an_attachment_saved_with_a_decomposed_name_is_published_under_the_name_links_use(tmp_path):
    settings, _ = _site(tmp_path)
    folder = Path(settings["PATH"]) / FOLDER
    (folder / "årsplan.txt").rename(folder / unicodedata.normalize("NFD", "årsplan.txt"))
    assert site.check(settings) == []
    output = site.build(settings)
    assert (output / FOLDER / "årsplan.txt").read_text(encoding="utf-8") == "Årsplan 2024"
    meeting = page(output, "referater/luu-test/2024-06-10/index.html")
    links = [unquote(a["href"]) for a in meeting.select("a[href$='.txt']")]
    assert [unicodedata.is_normalized("NFC", href) for href in links] == [True, True]
    assert [(output / "referater/luu-test/2024-06-10" / href).resolve().is_file() for href in links] == [
        True,
        True,
    ]


def test_plain_pelican_publishes_the_decomposed_name_too(tmp_path):
    settings, _ = _site(tmp_path)
    folder = Path(settings["PATH"]) / FOLDER
    (folder / "årsplan.txt").rename(folder / unicodedata.normalize("NFD", "årsplan.txt"))
    Pelican(settings).run()
    assert (Path(settings["OUTPUT_PATH"]) / FOLDER / "årsplan.txt").is_file()


def test_a_page_saved_with_a_decomposed_name_is_found_by_the_name_links_use(tmp_path):
    """macOS may save "blå-side.md" decomposed: minutes and pages link it by the name an editor types."""
    settings, _ = _site(tmp_path)
    content = Path(settings["PATH"])
    (content / "sider").mkdir()
    (content / "sider" / unicodedata.normalize("NFD", "blå-side.md")).write_text(
        "---\ntitel: Blå side\n---\n\nTekst.\n", encoding="utf-8"
    )
    (content / "sider" / "om.md").write_text(
        "---\ntitel: Om\n---\n\nSe [den blå side]({filename}blå-side.md).\n", encoding="utf-8"
    )
    minutes = content / "referater" / "2024-06-10-luu-test.md"
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(
        text.replace("Årsplanen blev gennemgået.", "Se [den blå side]({filename}../sider/blå-side.md)."),
        encoding="utf-8",
    )
    assert site.check(settings) == []
    output = site.build(settings)
    for name in ("referater/luu-test/2024-06-10/index.html", "om/index.html"):
        link = page(output, name).find("a", string="den blå side")
        assert link is not None and "{filename}" not in link["href"], name
        target = (output / name).parent / unquote(link["href"]) / "index.html"
        assert page(output, target.resolve().relative_to(output).as_posix()).h1.get_text() == "Blå side"
