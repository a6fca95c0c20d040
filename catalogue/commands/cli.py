"""The command line: `python build.py [check|serve|…] …`. Exit codes: 0 ok, 1 content errors, 2 usage or set-up
errors, 130 stopped with Ctrl+C."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from catalogue import pipeline
from catalogue.check import schemas
from catalogue.check.context import ID_PATTERN
from catalogue.check.schemas import SCHEMA_DIR
from catalogue.check.site import load_site
from catalogue.commands import changes, issue_forms, preview
from catalogue.model.gaps import german_report
from catalogue.model.i18n import MissingText, Texts, interface_languages
from catalogue.problems import format_github, format_text
from catalogue.publish.cache.manifest import cache_folder
from catalogue.publish.index import IndexFailed
from catalogue.publish.write import UnsafeOutput
from catalogue.render import proposal
from catalogue.render.pdf.failed import PdfFailed


EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a program ended by Ctrl+C


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"Fehler beim Aufruf: {message}\nHilfe: python build.py --help", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Datum der Form JJJJ-MM-TT") from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Port; erlaubt sind die Zahlen 1 bis 65535")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python build.py",
        description="Baut den Angebotskatalog aus dem Inhaltsordner als statische Website mit PDF zum Ausdrucken. "
        "Mit „check“ wird nur geprüft und nichts geschrieben.",
    )
    parser.add_argument("command", nargs="?", choices=["build", "check", "report", "new", "serve", "github", "changes"],
                        default="build",
                        help="build (Standard): prüfen, Website und PDF schreiben; check: nur prüfen; "
                        "report: Lücken in der Präventionskette und überfällige Einträge zeigen (wie die Seite "
                        "luecken/); new KENNUNG: ein neues Angebot aus der Vorlage anlegen; serve: Vorschau im "
                        "Browser, die sich bei jeder gespeicherten Änderung selbst erneuert; github: die Formulare für "
                        "GitHub-Issues aus site.yaml schreiben; changes: neue, geänderte und entfernte Angebote seit "
                        "--since als Markdown, mit ihren Adressen und wie man die Vorschau öffnet")
    parser.add_argument("id", nargs="?", metavar="KENNUNG", help="bei new: die Kennung des neuen Angebots")
    parser.add_argument("--content", type=Path, default=Path("content"), help="Inhaltsordner (Standard: content)")
    parser.add_argument("--output", type=Path, default=Path("site"), help="Ausgabeordner (Standard: site)")
    parser.add_argument("--strict", action="store_true", help="Warnungen zählen als Fehler")
    parser.add_argument("--strict-for", nargs="*", type=Path, default=[], metavar="DATEI",
                        help="bei check: Warnungen nur in diesen Dateien zählen als Fehler (z. B. die Dateien "
                        "eines Pull Requests)")
    parser.add_argument("--format", choices=["text", "github"], default="text",
                        help="text (Standard) oder github: Meldungen als GitHub-Actions-Anmerkungen")
    parser.add_argument("--no-pdf", action="store_true",
                        help="kein PDF des Katalogs schreiben (schneller, z. B. für eine Vorschau)")
    parser.add_argument("--compress", action="store_true",
                        help="komprimierte Kopien (.gz, .br) neben HTML, CSS, JS, JSON und XML schreiben, die ein "
                        "eigener Webserver so sendet, wie sie sind (README „Auf einem eigenen Webserver“); "
                        "kostet etwa die Hälfte mehr Zeit")
    parser.add_argument("--pdf", action="store_true",
                        help="bei serve: auch das PDF bauen, bei jeder Änderung neu (sonst baut serve keins)")
    parser.add_argument("--port", type=_port, default=8000, metavar="PORT",
                        help="bei serve: der Port auf 127.0.0.1 (Standard: 8000)")
    parser.add_argument("--no-cache", action="store_true",
                        help="beim Bauen ohne Zwischenspeicher: jede Datei neu lesen und jede Seite neu schreiben "
                        "(sonst nur die geänderten; er liegt neben dem Ausgabeordner, z. B. .site-cache)")
    parser.add_argument("--ziel", type=Path, default=Path(".github/ISSUE_TEMPLATE"), metavar="ORDNER",
                        help="bei github: wohin die Formulare kommen (Standard: .github/ISSUE_TEMPLATE)")
    parser.add_argument("--since", default="HEAD^1", metavar="STAND",
                        help="bei changes: der Stand in git, mit dem HEAD verglichen wird (Standard: HEAD^1, in "
                        "einem Pull Request der Stand des Zielzweigs)")
    parser.add_argument("--heute", type=_day, default=None, metavar="JJJJ-MM-TT",
                        help="Stichtag für die Prüfung von Daten (Standard: heute)")
    return parser


class TerminalProgress:
    """Shows progress on a terminal, but only once a build has run for a couple of seconds."""

    def __init__(self, stream, after_seconds: float = 2.0):
        self.stream, self.after, self.started, self.shown = stream, after_seconds, time.perf_counter(), False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if time.perf_counter() - self.started < self.after:
            return
        self.stream.write(f"\r{stage}: {done} von {total} …\033[K")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\n")


def _print_problems(result: pipeline.Result, output_format: str) -> None:
    formatter = format_github if output_format == "github" else format_text
    for item in result.problems.sorted():
        print(formatter(item), file=sys.stdout if output_format == "github" else sys.stderr)


def _write_step_summary(path: Path, result: pipeline.Result, summary: str) -> None:
    """All messages on the run's summary page: GitHub shows only the first ten of a kind beside the lines."""
    report = "\n".join(format_text(item) for item in result.problems.sorted())
    with path.open("a", encoding="utf-8") as out:
        out.write(f"## Prüfung der Angaben\n\n{summary}\n\n"
                  "Was die Meldungen bedeuten, steht in CONTRIBUTING.md unter „Was die Prüfung meldet“.\n\n")
        if report:
            out.write(f"````text\n{report}\n````\n")


def _count(number: int, one: str, other: str) -> str:
    return f"{number} {one if number == 1 else other}"


def _summary(result: pipeline.Result, command: str, output: Path) -> str:
    problems = result.problems
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    warnings = _count(len(problems.warnings), "Warnung", "Warnungen")
    if problems.errors:
        files = len({p.file for p in problems.errors})
        untouched = "" if command == "check" else f" Es wurde nichts geschrieben; {output} ist unverändert."
        return (f"{_count(len(problems.errors), 'Fehler', 'Fehler')} in {_count(files, 'Datei', 'Dateien')}, "
                f"{warnings}.{untouched}")
    catalogue = result.catalogue
    translations = sum(len(o.translations) for o in catalogue.offers)
    counts = (f"{_count(len(catalogue.offers), 'Angebot', 'Angebote')}, "
              f"{_count(len(catalogue.providers), 'Anbieter', 'Anbieter')}, "
              f"{_count(len(catalogue.pages), 'freie Seite', 'freie Seiten')}, "
              f"{_count(translations, 'Übersetzung', 'Übersetzungen')}")
    if catalogue.unpublished:
        counts += f", {_count(len(catalogue.unpublished), 'abgelaufenes Angebot', 'abgelaufene Angebote')} " \
                  "nicht veröffentlicht"
    if command == "check":
        return f"Geprüft: {counts}. Keine Fehler, {warnings} ({seconds} s)."
    pages = f"{result.pages_written} Seiten"
    if result.pages_rendered < result.pages_written:
        pages += f" (davon {result.pages_rendered} neu, die übrigen unverändert aus dem letzten Lauf)"
    return f"Fertig: {counts}; {pages} nach {output} geschrieben; {warnings}; {seconds} s."


def _report_text(catalogue) -> str:
    """The gap report as the page luecken/ shows it, in plain text: the coverage tables in columns, every
    other table a block per row that names only what is there."""
    german = Texts.load(pipeline.LAYOUTS_DIR)
    gaps = german_report(catalogue, interface_languages(pipeline.LAYOUTS_DIR), german)
    report = gaps.report
    lines = [german("gaps_title"), german("gaps_as_of", date=german.long_date(report.today),
                                          count=len(catalogue.offers)), ""]
    nothing = {"ueberfaellig": german("gaps_overdue_none"), "ablauf": german("gaps_expiring_none"),
               "namen": german("gaps_names_none")}
    for table in gaps.tables:
        lines += [table.caption, "=" * len(table.caption)] + ([table.note] if table.note else [])
        if table.matrix:
            cells = [table.header] + [[row[0], *(german("gaps_none") if v == 0 else str(v) for v in row[1:])]
                                      for row in table.rows]
            widths = [max(len(str(row[i])) for row in cells) for i in range(len(table.header))]
            lines += ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
        for row in [] if table.matrix else table.rows:
            lines.append(str(row[0]))
            lines += [f"  {name}: {value}" for name, value in zip(table.header[1:], row[1:]) if value != ""]
        if not table.rows:
            lines.append(nothing.get(table.name, ""))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _new_offer(content: Path, offer_id: str | None, today: date) -> int:
    """Writes angebote/<id>.md from the commented template; never over an existing offer."""
    if not offer_id or not ID_PATTERN.fullmatch(offer_id):
        print(f"Fehler: „{offer_id or ''}“ taugt nicht als Kennung. Erlaubt sind Kleinbuchstaben a–z, Ziffern und "
              "Bindestriche, 3 bis 80 Zeichen, z. B.: python build.py new krabbelgruppe-lintorf", file=sys.stderr)
        return EXIT_USAGE
    target = content / "angebote" / f"{offer_id}.md"
    existing = sorted(target.parent.glob(f"{offer_id}.*md"))
    if existing:
        print(f"Fehler: Das Angebot „{offer_id}“ gibt es schon ({existing[0]}). Wählen Sie eine andere Kennung "
              "oder bearbeiten Sie die vorhandene Datei.", file=sys.stderr)
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    schema = os.path.relpath(SCHEMA_DIR / schemas.OFFER, target.parent.resolve()).replace(os.sep, "/")
    target.write_text(proposal.offer_template(schema, today), encoding="utf-8")
    print(f"Angelegt: {target}. Füllen Sie die Angaben aus und prüfen Sie mit: python build.py check",
          file=sys.stderr)
    return EXIT_OK


def _issue_forms(content: Path, target: Path, today: date) -> int:
    """The issue forms from site.yaml alone: an offer with an error does not stop them."""
    site, problems = load_site(content, today)
    if site is None or problems.errors:
        for item in problems.errors:
            print(format_text(item), file=sys.stderr)
        print(f"Die Formulare in {target} sind unverändert. Beheben Sie zuerst die Fehler in site.yaml.",
              file=sys.stderr)
        return EXIT_CONTENT
    try:
        written = issue_forms.write(site, pipeline.LAYOUTS_DIR, target)
    except OSError as error:
        print(f"Fehler: In {target} lässt sich nicht schreiben ({error.strerror or error}).", file=sys.stderr)
        return EXIT_USAGE
    print(f"Geschrieben: {', '.join(str(path) for path in written)}. Übernehmen Sie sie mit git commit.",
          file=sys.stderr)
    return EXIT_OK


def _changes(content: Path, since: str, today: date) -> int:
    site, problems = load_site(content, today)
    if site is None:
        for item in problems.errors:
            print(format_text(item), file=sys.stderr)
        return EXIT_CONTENT
    try:
        found = changes.offer_changes(content, since)
    except changes.GitFailed as error:
        print(f"Fehler: Die Änderungen seit „{since}“ lassen sich nicht bestimmen. {error}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(changes.summary(found, site.base_url))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.content.is_dir():
        print(f"Fehler: Den Inhaltsordner {args.content} gibt es nicht. Geben Sie ihn mit --content an.",
              file=sys.stderr)
        return EXIT_USAGE
    today = args.heute or date.today()
    if args.command == "new":
        return _new_offer(args.content, args.id, today)
    if args.command == "github":
        return _issue_forms(args.content, args.ziel, today)
    if args.command == "changes":
        return _changes(args.content, args.since, today)
    if args.command == "serve":
        return preview.serve(args.content, args.output, args.port, args.pdf, args.heute)
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else pipeline.no_progress
    try:
        if args.command in ("check", "report"):
            result = pipeline.check(args.content, today, args.strict, progress, args.strict_for)  # writes nothing
        else:
            result = pipeline.build(args.content, args.output, today, args.strict, progress=progress,
                                    pdf=not args.no_pdf, cache=None if args.no_cache else cache_folder(args.output),
                                    compressed_copies=args.compress)
    except UnsafeOutput as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return EXIT_USAGE
    except MissingText as error:
        print(f"Fehler in den Vorlagen: {error}", file=sys.stderr)
        return EXIT_USAGE
    except IndexFailed as error:
        print(f"Fehler: {error} Die bisherige Website in {args.output} ist unverändert.", file=sys.stderr)
        return EXIT_USAGE
    except PdfFailed as error:
        print(f"Fehler: {error}\nDie bisherige Website in {args.output} ist unverändert. Zur Vorschau ohne PDF: "
              "python build.py --no-pdf", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nAbgebrochen (Strg+C).", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if isinstance(progress, TerminalProgress):
            progress.finish()
    if args.command == "report" and result.ok:
        try:
            sys.stdout.write(_report_text(result.catalogue))
            sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (`| head`, `less`): not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    _print_problems(result, args.format)
    summary = _summary(result, args.command, args.output)
    print(summary, file=sys.stderr)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), result, summary)
    return EXIT_OK if result.ok else EXIT_CONTENT
