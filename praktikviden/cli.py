"""The editors' command line, in Danish: ``praktikviden check | new | import | format | serve | build``."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from pelican.log import init as init_logging

from plugins.kb.build import BuildSuperseded, setting
from plugins.kb.content.registries import read_committees
from plugins.kb.importer.template import minutes_file_name, minutes_template
from plugins.kb.metadata.canonical import canonical_text
from plugins.kb.metadata.kinds import editor_files, kind_of
from plugins.kb.metadata.textfile import read_text
from plugins.kb.metadata.values import suggest
from plugins.kb.problems import ContentError, with_fix
from plugins.kb.sections import section

from . import site
from .editor_server import EditorServerMissing, editor_server

LIVE_RELOAD_SCRIPT = Path(__file__).with_name("livereload.js")


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status (0 when all is well)."""
    args = _parser().parse_args(argv)
    os.chdir(site.ROOT)
    init_logging(level=logging.DEBUG if args.detaljer else logging.WARNING)
    return args.run(args)


# argparse's own messages (it speaks English), as the Danish parser below says them.
_ARGPARSE_DANISH = (
    (re.compile(r"the following arguments are required: (.*)", re.S), "mangler: {0}"),
    (re.compile(r"unrecognized arguments: (.*)", re.S), "ukendte argumenter: {0}"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)", re.S), "ukendt valg: {0} (vælg mellem {1})"),
    (re.compile(r"expected one argument"), "skal have en værdi"),
    (re.compile(r"invalid \S+ value: (.*)", re.S), "ugyldig værdi: {0}"),
)
_ARGUMENT = re.compile(r"argument (.*?): (.*)", re.S)


def _danish(message: str) -> str:
    """One of argparse's error messages in Danish (unknown ones as they are)."""
    if found := _ARGUMENT.fullmatch(message):
        return f"{found[1]}: {_danish(found[2])}"
    for pattern, danish in _ARGPARSE_DANISH:
        if found := pattern.fullmatch(message):
            return danish.format(*found.groups())
    return message


class _DanishFormatter(argparse.HelpFormatter):
    """Help whose usage line starts "brug: "."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """An argument parser that speaks Danish: usage, the help option, the group of options, errors.

    Sub-commands get the same class (argparse makes them with the parser's own class).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _DanishFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._optionals.title = "tilvalg"
        self._positionals.title = "argumenter"
        self.add_argument("-h", "--help", action="help", help="vis denne hjælp")

    def error(self, message: str):
        """Print the usage and the message in Danish, and exit with status 2 (as argparse does)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {_danish(message)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = DanishArgumentParser(
        prog="praktikviden",
        description="Tjek, forhåndsvis og byg Praktikviden. Kør kommandoerne fra projektets mappe.",
        epilog="Vejledning for redaktører: docs/referater.md (Sådan skriver du et referat).",
    )
    parser.add_argument("--detaljer", action="store_true", help="vis alt, hvad Pelican gør (til fejlsøgning)")
    commands = parser.add_subparsers(title="kommandoer", metavar="KOMMANDO", required=True)

    check = commands.add_parser(
        "check",
        help="tjek alt indhold og alle data uden at bygge",
        description="Læser alle referater, sider, udvalg, temaer og datasæt og viser hver fejl som "
        "'fil:linje: hvad er galt' med en linje 'Ret:' om, hvordan den rettes. Bygger intet.",
    )
    check.set_defaults(run=run_check)

    new = commands.add_parser("new", help="opret en ny fil", description="Opret en ny fil med metadata.")
    kinds = new.add_subparsers(title="hvad", metavar="HVAD", required=True)
    minutes = kinds.add_parser(
        "referat",
        help="et nyt referat med udvalgets faste dagsordenspunkter",
        description="Opretter content/referater/ÅÅÅÅ-MM-DD-udvalg.md med metadata og udvalgets faste "
        "dagsordenspunkter. Tid og sted udfyldes, hvis mødet står i udvalgets mødeplan.",
    )
    minutes.add_argument("--udvalg", required=True, help="udvalgets kortnavn, fx luu-pa-amu")
    minutes.add_argument("--dato", required=True, help="mødets dato som ÅÅÅÅ-MM-DD")
    minutes.set_defaults(run=run_new_minutes)

    imports = commands.add_parser(
        "import",
        help="lav et referat ud fra en PDF-, Word- eller tekstfil",
        description="Læser et referat i en PDF-fil, en Word-fil (.docx) eller en tekstfil og skriver "
        "content/referater/ÅÅÅÅ-MM-DD-udvalg.md med metadata, deltagere, dagsordenspunkter og blokke. "
        "Overskriver aldrig en fil. Bagefter vises hvert sted, du skal tjekke, som 'fil:linje'.",
    )
    imports.add_argument("fil", metavar="FIL", help="referatet: .pdf, .docx eller .txt")
    imports.add_argument("--udvalg", required=True, help="udvalgets kortnavn, fx luu-sosu-amu")
    imports.add_argument("--dato", help="mødets dato som ÅÅÅÅ-MM-DD, hvis referatet ikke har den med årstal")
    imports.add_argument(
        "--bilag", nargs="+", metavar="BILAG", help="bilag, der lægges i content/bilag/ og linkes fra punktet"
    )
    imports.set_defaults(run=run_import)

    fmt = commands.add_parser(
        "format",
        help="skriv metadata i den faste form, som browser-redigeringen også skriver",
        description="Skriver metadata i referater, sider, udvalg, temaer, rapporter og tabeller i den "
        "faste form (felternes rækkefølge, anførselstegn kun hvor de skal bruges), så en ændring i "
        "browseren kun ændrer sin egen linje. Ingen værdi ændres; teksten under metadata røres ikke.",
    )
    fmt.add_argument("filer", nargs="*", metavar="FIL", help="filerne (standard: alle)")
    fmt.add_argument(
        "--tjek", action="store_true", help="skriv intet; vis kun de filer, der ikke er i formen"
    )
    fmt.set_defaults(run=run_format)

    serve = commands.add_parser(
        "serve",
        help="forhåndsvis sitet; siden opdateres, når du gemmer",
        description="Bygger sitet og viser det på http://localhost:8000. Når du gemmer en fil, bygges "
        "sitet igen, og siden i browseren opdateres af sig selv. Fejl vises i terminalen og i browseren. "
        "På http://localhost:8000/admin/ kan du redigere i browseren; det gemmes i filerne her.",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (standard: 8000)")
    serve.set_defaults(run=run_serve)

    build = commands.add_parser(
        "build",
        help="byg sitet til udgivelse i output/",
        description="Bygger hele sitet med søgeindeks i output/. Er der fejl, bygges intet, og den "
        "forrige udgave i output/ bliver stående.",
    )
    build.add_argument(
        "--preview", action="store_true", help="byg forhåndsvisningen (pelicanconf.py) i stedet"
    )
    build.set_defaults(run=run_build)
    return parser


def run_check(args) -> int:
    """Print every problem; 1 when there are any."""
    problems = site.check_repository(site.with_cache(site.load_settings()), site.ROOT)
    if problems:
        print(ContentError(problems), file=sys.stderr)
        return 1
    print("Ingen fejl fundet.")
    return 0


def run_new_minutes(args) -> int:
    """Write a new minutes file; never overwrite one."""
    settings = site.load_settings()
    committees = read_committees(Path(settings["PATH"])).by_slug
    committee = committees.get(args.udvalg)
    if committee is None:
        known = sorted(committees)
        return _refuse(
            f"Udvalget '{args.udvalg}' findes ikke.",
            f"{suggest(args.udvalg, known)}kendte udvalg: {', '.join(known)}.",
        )
    try:
        date = dt.date.fromisoformat(args.dato)
    except ValueError:
        return _refuse(f"Datoen '{args.dato}' kan ikke bruges.", "skriv den som ÅÅÅÅ-MM-DD, fx 2025-03-10.")
    path = Path(settings["PATH"]) / "referater" / minutes_file_name(committee, date)
    shown = path.relative_to(site.ROOT)
    if path.exists():
        return _refuse(f"{shown} findes allerede; den er ikke ændret.", "åbn den og skriv videre i den.")
    path.write_text(minutes_template(committee, date), encoding="utf-8")
    print(f"Oprettet: {shown}\nUdfyld de tomme felter, og kør 'praktikviden check'.")
    return 0


def run_format(args) -> int:
    """Write editors' files in the canonical form; 1 if a file can't be read or (--tjek) isn't in it."""
    names = [_relative(Path(name)) for name in args.filer] or editor_files(site.ROOT)
    failed, changed = 0, []
    for name in names:
        kind = kind_of(name or "")
        if kind is None:
            print(f"{name}: er ikke en fil med metadata, som sitet læser; intet er ændret.", file=sys.stderr)
            failed += 1
            continue
        path = site.ROOT / name
        text, problems = read_text(path, name)
        written = None
        if text is not None:
            written, problems = canonical_text(text, name, kind.fields, kind.markdown)
        for problem in problems:
            print(problem, file=sys.stderr)
        failed += bool(problems)
        if written is not None and written != text:
            changed.append(name)
            if not args.tjek:
                temporary = path.with_name(f".{path.name}.ny")
                temporary.write_text(written, encoding="utf-8", newline="\n")
                os.replace(temporary, path)
    verb = "er ikke i den faste form" if args.tjek else "er skrevet i den faste form"
    print("\n".join(f"{name} {verb}." for name in changed) or "Alle filer er i den faste form.")
    return 1 if failed or (args.tjek and changed) else 0


def _relative(path: Path) -> str | None:
    """``path`` relative to the repository, with '/', or None if it is outside it."""
    try:
        return path.resolve().relative_to(site.ROOT).as_posix()
    except ValueError:
        return None


def run_import(args) -> int:
    """Import one minutes file (praktikviden/importer.py)."""
    from .importer import run_import as import_file

    return import_file(args, Path(site.load_settings()["PATH"]), site.ROOT)


def _refuse(message: str, fix: str) -> int:
    """Tell the editor what is wrong and how to fix it, as problems are told; the exit code 2."""
    print(with_fix(message, fix), file=sys.stderr)
    return 2


def run_build(args) -> int:
    """Build atomically; print the problems and keep the old output when the build fails."""
    conf = site.PREVIEW_CONF if args.preview else site.PUBLISH_CONF
    try:
        output = site.build(site.with_cache(site.load_settings(conf, **_build_time())))
    except (ContentError, site.BuildFailed) as error:
        print(error, file=sys.stderr)
        return error.exitcode
    print(f"Sitet er bygget i {output.relative_to(site.ROOT)}/.")
    return 0


def _build_time() -> dict[str, str]:
    """The setting that makes "now" the last commit's time, so every build of a commit is the same.

    ICS time stamps and the calendar's split into upcoming and past meetings depend on it
    (plugins/kb/build.py: build_moment). An explicit SOURCE_DATE_EPOCH wins (the build refuses one that
    is not a whole number of seconds: settings_problems); outside git the real time is used.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return {"SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"].strip()}
    found = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=site.ROOT, capture_output=True, text=True, check=False
    )
    if found.returncode == 0 and found.stdout.strip():
        return {"SOURCE_DATE_EPOCH": found.stdout.strip()}
    return {}


def run_serve(args) -> int:
    """Build, serve and rebuild on every change until Ctrl+C."""
    settings = site.load_settings(site.PREVIEW_CONF, LIVE_RELOAD=True)
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(editor_server(site.ROOT, setting(settings, "KB_CMS_LOCAL_PORT")))
            print(f"Redigér i browseren: http://localhost:{args.port}/admin/ (gemmer i filerne her).")
        except (EditorServerMissing, TimeoutError, OSError) as error:
            print(f"Redigering i browseren er ikke startet: {error}", file=sys.stderr)
        with contextlib.suppress(KeyboardInterrupt):
            preview(settings, args.port)
    return 0


# After a quick build the preview waits this long for the editor to pause, then builds everything.
QUIET_MS = 1500


def preview(settings: dict, port: int, stop: threading.Event | None = None) -> None:
    """Build the site, serve it on ``port`` and rebuild when a watched file changes, until ``stop``.

    When only minutes changed, a quick build rewrites just their pages, so the edit shows at once
    however large the archive; the listings, registers and search index follow in a full build as
    soon as no file has changed for QUIET_MS. Any other change gets a full build straight away. A
    full build stops as soon as another file changes (it never replaces the site half-way), and
    starts again once the editor pauses.
    """
    import watchfiles
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    stop = stop or threading.Event()
    newer = threading.Event()  # set by the watcher: a build under way gives way (plugins/kb/build.py)
    settings = site.preview_settings(settings, newer)
    output = Path(settings["OUTPUT_PATH"])
    content = Path(settings["PATH"])
    watched = [content, content.parent / "data", Path(settings["THEME"]), site.ROOT / "plugins"]
    changed: queue.Queue[set] = queue.Queue()

    def watch() -> None:
        for changes in watchfiles.watch(*[p for p in watched if p.exists()], stop_event=stop):
            changed.put(changes)
            newer.set()

    # Watching before the first build: a file saved while it runs, or just after, is not missed.
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _rebuild(settings, output, "")
    RootedHTTPServer.allow_reuse_address = True
    server = RootedHTTPServer(str(output), ("127.0.0.1", port), ComplexHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Forhåndsvisning: http://localhost:{port}/  (stop med Ctrl+C)")
    behind = False  # a quick build, or a stopped one, has left listings and search behind
    try:
        while not stop.is_set():
            try:
                changes = changed.get(timeout=QUIET_MS / 1000)
            except queue.Empty:
                if behind:
                    newer.clear()
                    behind = _rebuild(settings, output, "oversigter og søgning") == STOPPED
                continue
            while not changed.empty():
                changes |= changed.get()
            newer.clear()
            paths = sorted({Path(path) for _, path in changes})
            note = f"ændret: {', '.join(sorted({path.name for path in paths}))}"
            folder = (content / section("referater").content).resolve()
            only_minutes = all(path.suffix == ".md" and path.resolve().parent == folder for path in paths)
            if only_minutes and all(path.is_file() for path in paths) and (output / "index.html").exists():
                behind = _rebuild(settings, output, note, paths) == BUILT or behind
                continue
            behind = _rebuild(settings, output, note) == STOPPED
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        watcher.join(timeout=5)


# How a preview build ended.
BUILT, FAILED, STOPPED = "bygget", "fejl", "stoppet"


def _rebuild(settings: dict, output: Path, note: str, minutes: list[Path] | None = None) -> str:
    """Build the preview (only the pages of ``minutes``, if given); return BUILT, FAILED or STOPPED.

    ``note`` says in the terminal why it was built. On failure the last good site stays and the
    problems show in the browser. STOPPED: a file changed again during the build (plugins/kb/build.py).
    """
    started = time.monotonic()
    errors = ""
    try:
        if minutes:
            site.rebuild_pages(settings, minutes)
        else:
            site.build(settings)
    except BuildSuperseded:
        print("Bygningen er stoppet: en fil er ændret igen.")
        return STOPPED
    except (ContentError, site.BuildFailed) as error:
        errors = str(error)
        print(errors, file=sys.stderr)
    else:
        took = f"{time.monotonic() - started:.1f}".replace(".", ",")
        later = "; oversigter og søgning følger, når du holder pause" if minutes else ""
        print(f"Bygget på {took} s{f' ({note})' if note else ''}{later}.")
    output.mkdir(exist_ok=True)
    (output / "livereload.js").write_bytes(LIVE_RELOAD_SCRIPT.read_bytes())
    state = {"build": time.time_ns(), "errors": errors}
    # Replaced in one step: the page polls this file and must never read it half-written.
    pending = output / ".livereload.json.ny"
    pending.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    os.replace(pending, output / "livereload.json")
    return FAILED if errors else BUILT


def main_exit() -> None:
    """Entry point of the installed ``praktikviden`` command."""
    sys.exit(main())
