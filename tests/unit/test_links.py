"""Links and images found in editors' Markdown, and the problems the link check reports for them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown

from plugins.kb.content.links import Link, find_links, link_problems, resolve, static_targets
from plugins.kb.content.sanitize import clean, is_remote

FILES = {"sider/om.md", "sider/kurve.png", "referater/2024-09-16-luu-test.md", "billeder/logo.png"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline links and images, with titles, angle brackets and spaces
        ("[om]({filename}om.md)", [(1, "{filename}om.md", False)]),
        ('![kurve]({static}kurve.png "Kurven")', [(1, "{static}kurve.png", True)]),
        ("[a](<{static}min fil.pdf>)", [(1, "{static}min fil.pdf", False)]),
        ("[a](C:\\Users\\Anne Hansen\\f.pdf)", [(1, "C:\\Users\\Anne Hansen\\f.pdf", False)]),
        ("[![logo](https://cdn.example.org/l.png)](https://example.org)", [
            (1, "https://example.org", False), (1, "https://cdn.example.org/l.png", True),
        ]),
        ("tekst\n\n[to\nlinjer]({filename}om.md)", [(3, "{filename}om.md", False)]),
        # reference definitions: the definition's target and line; an image if an image uses the label
        ("Se [om][1].\n\n[1]: {filename}om.md", [(3, "{filename}om.md", False)]),
        ('[om]\n\n   [Om]: {filename}om.md "Om sitet"', [(3, "{filename}om.md", False)]),
        ("![logo][l]\n\n[l]: https://cdn.example.org/l.png", [(3, "https://cdn.example.org/l.png", True)]),
        ("![Logo]\n\n[logo]: <{static}logo.png>", [(3, "{static}logo.png", True)]),
        ("![Logo][]\n\n[logo]:\n    {static}logo.png", [(3, "{static}logo.png", True)]),
        ("[a][x y]\n\n[X  Y]: {filename}om.md", [(3, "{filename}om.md", False)]),
        ("    [1]: {filename}om.md", []),  # four spaces: code, not a definition
        ("[^1]: fodnoten", []),  # a footnote
        ("[tabel: frafald]", []),  # a shortcode
        ("[1]: to ord", []),  # Python-Markdown reads this as text too
        # raw HTML: the elements and attributes the sanitiser keeps, entities decoded
        ('<img src="{static}kurve.png" alt="">', [(1, "{static}kurve.png", True)]),
        ("<IMG\n  SRC=//cdn.example.org/x.png>", [(1, "//cdn.example.org/x.png", True)]),
        ('<img src="https&#58;//cdn.example.org/x.png">', [(1, "https://cdn.example.org/x.png", True)]),
        ("<a href='https://www.spsu.dk/'>SPS</a>", [(1, "https://www.spsu.dk/", False)]),
        ('<iframe src="https://example.org/"></iframe>', []),  # removed by the sanitiser
        ('<video poster="https://cdn.example.org/p.png"></video>', []),  # removed by the sanitiser
        # code is not a link
        ("```\n![x](https://cdn.example.org/x.png)\n```\n[om]({filename}om.md)", [
            (4, "{filename}om.md", False),
        ]),
        ("~~~~\n[1]: https://x\n~~~\n~~~~", []),
        ("`![x](https://cdn.example.org/x.png)` og ``[1]: a``", []),
    ],
)  # fmt: skip
def test_find_links(text, expected):
    assert find_links(text) == [Link(*link) for link in expected]


def _problems(target: str, image: bool = False, source: str = "content/sider/side.md") -> list[str]:
    folder = source.removeprefix("content/").rpartition("/")[0]
    return [str(p) for p in link_problems([Link(4, target, image)], source, folder, FILES, lambda path: None)]


FIX_MARKER = "{filename} foran en side eller et referat, {static} foran et billede eller en fil."
REMOTE = (
    "hentes fra et andet site ({host}); sitet henter intet fra andre sites.\n    Ret: hent billedet ned, "
)
IMAGE_ON_COMPUTER = (
    "ligger på en computer, ikke på sitet, og kan ikke vises.\n    Ret: læg billedet i content/billeder/ og "
    "vis det med {static}, fx '{static}../billeder/kurve.png'."
)
ON_COMPUTER = "peger på en fil på en computer, ikke på sitet, og kan ikke følges.\n    Ret: læg filen i "


@pytest.mark.parametrize(
    ("target", "image", "expected"),
    [
        # fine: other sites' pages, anchors, content-root and relative {filename}/{static}, site addresses
        ("https://www.spsu.dk/", False, []),
        ("mailto:luu@example.org", False, []),
        ("{filename}om.md", False, []),
        ("{filename}/sider/om.md?fra=referat", False, []),
        ("{static}/billeder/logo.png", True, []),
        ("{static}../billeder/logo.png", True, []),
        ("/soeg/", False, []),
        ("/temaer/frafald/#punkt-1", False, []),
        # an image from another host
        ("https://cdn.example.org/kurve.png", True, [
            f"content/sider/side.md:4: billedet 'https://cdn.example.org/kurve.png' "
            f"{REMOTE.format(host='cdn.example.org')}læg det i content/billeder/ og vis det med {{static}}, "
            "fx '{static}../billeder/kurve.png'.",
        ]),
        ("//cdn.example.org/a%20b.png?v=2", True, [
            f"content/sider/side.md:4: billedet '//cdn.example.org/a%20b.png?v=2' "
            f"{REMOTE.format(host='cdn.example.org')}læg det i content/billeder/ og vis det med {{static}}, "
            "fx '{static}../billeder/a b.png'.",
        ]),
        ("data:image/png;base64," + "A" * 100, True, [
            "content/sider/side.md:4: billedet 'data:image/png;base64," + "A" * 57 + "…' er ikke en fil, "
            "og sitet viser kun billeder fra content/.\n    Ret: læg billedet som fil i content/billeder/ "
            "og vis det med {static}, fx '{static}../billeder/billede.png'.",
        ]),
        # files on a computer
        ("file:///C:/Users/anne/referat.pdf", False, [
            f"content/sider/side.md:4: linket 'file:///C:/Users/anne/referat.pdf' {ON_COMPUTER}"
            "content/bilag/side/ og link til den med {static}, fx '{static}../bilag/side/referat.pdf'; "
            "en side eller et referat linkes med {filename}.",
        ]),
        ("/etc/passwd", False, [
            f"content/sider/side.md:4: linket '/etc/passwd' {ON_COMPUTER}content/bilag/side/ og link til "
            "den med {static}, fx '{static}../bilag/side/passwd'; "
            "en side eller et referat linkes med {filename}.",
        ]),
        ("C:\\Billeder\\kurve.png", True, [
            f"content/sider/side.md:4: billedet 'C:\\Billeder\\kurve.png' {IMAGE_ON_COMPUTER}",
        ]),
        ("\\\\server\\deling\\kurve.png", True, [
            f"content/sider/side.md:4: billedet '\\\\server\\deling\\kurve.png' {IMAGE_ON_COMPUTER}",
        ]),
        # a content file named from the root without {filename}: the page is published elsewhere
        ("/sider/om.md", False, [
            "content/sider/side.md:4: linket '/sider/om.md' kan ikke følges, når siden er bygget.\n"
            f"    Ret: skriv '{{filename}}/sider/om.md': {FIX_MARKER}",
        ]),
    ],
)  # fmt: skip
def test_link_problems(target, image, expected):
    assert _problems(target, image) == expected


def test_a_minutes_file_is_told_its_own_attachment_folder():
    [problem] = _problems("file:///H:/bilag.pdf", source="content/referater/2024-09-16-luu-test.md")
    assert "content/bilag/2024-09-16-luu-test/ og link til den med {static}, fx " in problem
    assert "'{static}../bilag/2024-09-16-luu-test/bilag.pdf'" in problem


def test_a_broken_reference_definition_is_reported_on_its_own_line():
    text = "Se [om][1].\n\n[1]: {filename}omm.md"
    [problem] = link_problems(find_links(text), "content/sider/side.md", "sider", FILES, lambda path: None)
    assert (problem.line, problem.message) == (
        3,
        "siden 'omm.md' i linket '{filename}omm.md' findes ikke (content/sider/omm.md).",
    )


@pytest.mark.parametrize(
    ("source_dir", "path", "expected"),
    [
        ("sider", "om.md", "sider/om.md"),
        ("sider", "/sider/om.md", "sider/om.md"),
        ("referater", "../bilag/min%20fil.pdf", "bilag/min fil.pdf"),
        ("referater", "/bilag/min%20fil.pdf", "bilag/min fil.pdf"),
    ],
)
def test_resolve(source_dir, path, expected):
    assert resolve(source_dir, path) == expected


def test_static_targets_include_reference_definitions():
    links = find_links("![Logo]\n\n[logo]: {static}/billeder/logo.png\n[b]: {attach}bilag.pdf")
    assert static_targets(links, "sider") == {"billeder/logo.png", "sider/bilag.pdf"}


@pytest.mark.parametrize(
    ("url", "remote"),
    [
        ("https://cdn.example.org/x.png", True),
        ("HTTP://cdn.example.org/x.png", True),
        ("//cdn.example.org/x.png", True),
        ("/\\cdn.example.org/x.png", True),
        ("\\\\cdn.example.org/x.png", True),
        (" \x01//cdn.example.org/x.png", True),
        ("ht\ttps://cdn.example.org/x.png", True),
        ("/\n/cdn.example.org/x.png", True),
        ("{static}billede.png", False),
        ("../billeder/kurve.png", False),
        ("/billeder/kurve.png", False),
    ],
)
def test_is_remote(url, remote):
    assert is_remote(url) is remote


@pytest.mark.parametrize(
    "html",
    [
        '<img src="https://cdn.example.org/x.png" alt="x">',
        '<img src="ht\ttps://cdn.example.org/x.png" alt="x">',
        '<img src="/\\cdn.example.org/x.png" alt="x">',
        '<img src="https&#58;//cdn.example.org/x.png" alt="x">',
        '<img src=" //cdn.example.org/x.png" alt="x">',
    ],
)
def test_the_sanitiser_drops_a_remote_image_source_the_check_did_not_see(html):
    assert str(clean(Markdown(), html)) == '<img alt="x">'


def test_the_sanitiser_keeps_local_image_sources():
    html = '<img src="{static}billede.png" alt="x"><a href="https://www.spsu.dk/">SPS</a>'
    assert str(clean(Markdown(), html)) == html


LINK_PIECES = st.sampled_from(
    ["[", "]", "(", ")", "!", ":", "<", ">", "`", "```", "~~~", "\n", " ", "    ", '"', "'", "^", "#", "=",
     "a", "1", "img", "src", "srcset", "href", "a href", "{static}", "{filename}", "https://x.dk/",
     "//x", "file:", "C:\\", "/etc/", "&#58;", ",", "2x"]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.one_of(LINK_PIECES, st.text(max_size=5)), max_size=40).map("".join))
def test_any_text_gives_links_on_its_lines_and_problems_never_an_exception(text):
    links = find_links(text)
    assert all(1 <= link.line <= max(1, len(text.split("\n"))) for link in links)
    for problem in link_problems(links, "content/sider/side.md", "sider", FILES, lambda path: None):
        assert problem.message and problem.hint
