"""The command line: `python build.py [check|serve|…] …`. Exit codes: 0 ok, 1 content errors, 2 usage or set-up
errors, 130 stopped with Ctrl+C."""

from __future__ import annotations

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
from catalogue.commands.arguments import EXIT_USAGE, parse
from catalogue.commands.comparison_report import comparison, comparison_section, comparison_text, earlier_export
from catalogue.commands.needs_report import needs_text
from catalogue.messages.commands import count, say, seconds as _seconds
from catalogue.model.gaps import german_report
from catalogue.model.i18n import MissingText, Texts, interface_languages
from catalogue.model.needs import german_number
from catalogue.problems import format_github, format_text
from catalogue.publish.cache.manifest import cache_folder
from catalogue.publish.index import IndexFailed
from catalogue.publish.write import UnsafeOutput
from catalogue.read.earlier import EarlierUnreadable
from catalogue.render import proposal
from catalogue.render.pdf.failed import PdfFailed


EXIT_OK, EXIT_CONTENT = 0, 1  # and EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # as a shell reports a program ended by Ctrl+C


class TerminalProgress:
    """Shows progress on a terminal, but only once a build has run for a couple of seconds."""

    def __init__(self, stream, after_seconds: float = 2.0):
        self.stream, self.after, self.started, self.shown = stream, after_seconds, time.perf_counter(), False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if time.perf_counter() - self.started < self.after:
            return
        self.stream.write(say("progress", stage=stage, done=done, total=total))
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
        out.write(say("step_summary", summary=summary))
        if report:
            out.write(f"````text\n{report}\n````\n")


def _summary(result: pipeline.Result, command: str, output: Path) -> str:
    problems = result.problems
    seconds = _seconds(result.seconds)
    warnings = count(len(problems.warnings), "warning")
    if problems.errors:
        files = count(len({p.file for p in problems.errors}), "file")
        untouched = "" if command == "check" else say("nothing_written", output=output)
        return say("errors_summary", errors=count(len(problems.errors), "error"), files=files,
                   warnings=warnings) + untouched
    catalogue = result.catalogue
    translations = sum(len(o.translations) for o in catalogue.offers)
    counts = ", ".join((count(len(catalogue.offers), "offer"), count(len(catalogue.providers), "provider"),
                        count(len(catalogue.pages), "page"), count(translations, "translation")))
    if catalogue.networks:
        counts += ", " + count(len(catalogue.networks), "network")
    if catalogue.unpublished:
        counts += say("unpublished", expired=count(len(catalogue.unpublished), "expired"))
    if command == "check":
        return say("checked", counts=counts, warnings=warnings, seconds=seconds)
    pages = say("pages_written", count=result.pages_written)
    if result.pages_rendered < result.pages_written:
        pages += say("pages_reused", rendered=result.pages_rendered)
    return say("built", counts=counts, pages=pages, output=output, warnings=warnings, seconds=seconds)


def _report_text(catalogue, earlier=None) -> str:
    """The gap report as the page luecken/ shows it, in plain text: the coverage tables in columns, every
    other table a block per row that names only what is there; then the comparison with an earlier export."""
    german = Texts.load(pipeline.LAYOUTS_DIR)
    gaps = german_report(catalogue, interface_languages(pipeline.LAYOUTS_DIR), german)
    report = gaps.report
    lines = [german("gaps_title"), german("gaps_as_of", date=german.long_date(report.today),
                                          count=len(catalogue.offers)), ""]
    nothing = {"ueberfaellig": german("gaps_overdue_none"), "ablauf": german("gaps_expiring_none"),
               "namen": german("gaps_names_none")}
    for table in gaps.tables:
        if table.name == "lebensphasen-themen" and gaps.needs:  # after the districts, as on the page
            lines += needs_text(gaps.needs, catalogue.site.city, german.long_date)
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
    if earlier is not None:
        figures = catalogue.site.figures
        lines += comparison_text(comparison(earlier, catalogue, german), german.long_date,
                                 figures.minimum if figures else None)
    return "\n".join(lines).rstrip() + "\n"


def _report_pdf(catalogue, target: Path, earlier=None) -> int:
    """`report --pdf DATEI`: the report as PDF/UA, for the committee (render/pdf/report.py), with the comparison
    when --vergleich names an earlier export."""
    from catalogue.render.pdf.report import write_report

    compared = None if earlier is None else comparison_section(earlier, catalogue, Texts.load(pipeline.LAYOUTS_DIR))
    try:
        size = write_report(catalogue, pipeline.LAYOUTS_DIR, target, compared)
    except (PdfFailed, OSError) as error:
        print(say("report_pdf_failed", target=target, error=getattr(error, "strerror", None) or error),
              file=sys.stderr)
        return EXIT_USAGE
    print(say("report_pdf_written", target=target, kilobytes=german_number(size / 1024)), file=sys.stderr)
    return EXIT_OK


def _new_offer(content: Path, offer_id: str | None, today: date, network_id: str | None = None) -> int:
    """Writes angebote/<id>.md from the commented template, or netzwerke/<id>.md for `new netzwerk <id>`; never
    over an existing file."""
    network = offer_id == "netzwerk" and network_id is not None
    if network:
        offer_id = network_id
    elif network_id is not None:
        print(say("new_bad_id", offer_id=f"{offer_id} {network_id}"), file=sys.stderr)
        return EXIT_USAGE
    if not offer_id or not ID_PATTERN.fullmatch(offer_id):
        print(say("new_bad_id", offer_id=offer_id or ""), file=sys.stderr)
        return EXIT_USAGE
    target = content / ("netzwerke" if network else "angebote") / f"{offer_id}.md"
    existing = sorted(target.parent.glob(f"{offer_id}.*md"))
    if existing:
        print(say("new_network_exists" if network else "new_exists", offer_id=offer_id, existing=existing[0]),
              file=sys.stderr)
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    schema_name = schemas.NETWORK if network else schemas.OFFER
    schema = os.path.relpath(SCHEMA_DIR / schema_name, target.parent.resolve()).replace(os.sep, "/")
    template = proposal.NETWORK_TEMPLATE if network else proposal.OFFER_TEMPLATE
    target.write_text(proposal.offer_template(schema, today, template), encoding="utf-8")
    print(say("new_written", target=target), file=sys.stderr)
    return EXIT_OK


def _issue_forms(content: Path, target: Path, today: date) -> int:
    """The issue forms from site.yaml alone: an offer with an error does not stop them."""
    site, problems = load_site(content, today)
    if site is None or problems.errors:
        for item in problems.errors:
            print(format_text(item), file=sys.stderr)
        print(say("forms_unchanged", target=target), file=sys.stderr)
        return EXIT_CONTENT
    try:
        written = issue_forms.write(site, pipeline.LAYOUTS_DIR, target)
    except OSError as error:
        print(say("forms_not_writable", target=target, reason=error.strerror or error), file=sys.stderr)
        return EXIT_USAGE
    print(say("forms_written", written=", ".join(str(path) for path in written)), file=sys.stderr)
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
        print(say("changes_failed", since=since, error=error), file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(changes.summary(found, site.base_url))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not args.content.is_dir():
        print(say("no_content_folder", content=args.content), file=sys.stderr)
        return EXIT_USAGE
    today = args.heute or date.today()
    if args.command == "new":
        return _new_offer(args.content, args.id, today, args.network_id)
    if args.command == "github":
        return _issue_forms(args.content, args.ziel, today)
    if args.command == "changes":
        return _changes(args.content, args.since, today)
    if args.command == "serve":
        return preview.serve(args.content, args.output, args.port, args.pdf, args.heute)
    earlier = None
    if args.command == "report" and args.vergleich is not None:  # before the check: a wrong path is said at once
        try:
            earlier = earlier_export(args.vergleich, Texts.load(pipeline.LAYOUTS_DIR))
        except EarlierUnreadable as error:
            print(error, file=sys.stderr)
            return EXIT_USAGE
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else pipeline.no_progress
    try:
        if args.command in ("check", "report"):
            result = pipeline.check(args.content, today, args.strict, progress, args.strict_for)  # writes nothing
        else:
            result = pipeline.build(args.content, args.output, today, args.strict, progress=progress,
                                    pdf=not args.no_pdf, cache=None if args.no_cache else cache_folder(args.output),
                                    compressed_copies=args.compress)
    except UnsafeOutput as error:
        print(say("error", error=error), file=sys.stderr)
        return EXIT_USAGE
    except MissingText as error:
        print(say("template_error", error=error), file=sys.stderr)
        return EXIT_USAGE
    except IndexFailed as error:
        print(say("index_failed", error=error, output=args.output), file=sys.stderr)
        return EXIT_USAGE
    except PdfFailed as error:
        print(say("pdf_failed", error=error, output=args.output), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if isinstance(progress, TerminalProgress):
            progress.finish()
    if args.command == "report" and result.ok and args.report_pdf:
        return _report_pdf(result.catalogue, args.report_pdf, earlier)
    if args.command == "report" and result.ok:
        try:
            sys.stdout.write(_report_text(result.catalogue, earlier))
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
