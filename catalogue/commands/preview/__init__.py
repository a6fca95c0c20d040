"""The live preview, `python build.py serve`: build, serve the site on 127.0.0.1, watch the content folder and the
templates, and on every saved change check and build again with the build cache.

The pages open in a browser are made first and reload themselves as soon as they are in place; the open data
and the search index follow (the search page says so meanwhile). When a file is broken, the open pages show the
problems instead, over the last good site. None of this is ever in the site a build writes: the server adds its
script and stylesheet to each page on the way out.
"""

from __future__ import annotations

import errno
import html
import sys
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import watchfiles
import yaml

from catalogue import pipeline
from catalogue.commands.preview.server import PreviewServer, PreviewState
from catalogue.messages.commands import say, seconds as _seconds
from catalogue.model.i18n import MissingText, Texts
from catalogue.problems import ContentProblem, display_path, fix, format_text, harmless, location
from catalogue.publish.cache.manifest import cache_folder
from catalogue.publish.index import IndexFailed
from catalogue.publish.write import UnsafeOutput
from catalogue.render.pdf.failed import PdfFailed

EXIT_OK, EXIT_USAGE = 0, 2  # as the command line's
NOTICE_TEXTS = ("preview_notice_heading", "preview_notice_intro", "preview_notice_hide",
                "preview_search_refreshing")


def serve(content: Path, output: Path, port: int, pdf: bool, today: date | None,
          layouts_dir: Path = pipeline.LAYOUTS_DIR, log=sys.stderr) -> int:
    """Runs until Ctrl+C. today: a fixed day for the checks (--heute), else each build's own day."""
    texts = Texts.load(layouts_dir)
    state = PreviewState({key: texts(key) for key in NOTICE_TEXTS})
    try:
        server = PreviewServer(port, output, _site_prefix(content), state, placeholder_page(texts))
    except OSError as error:
        in_use = error.errno == errno.EADDRINUSE
        print(say("preview_port_in_use", port=port, next_port=port + 1) if in_use else
              say("preview_cannot_start", port=port, reason=error.strerror), file=log)
        return EXIT_USAGE
    preview = Preview(content, output, pdf, today, layouts_dir, server, state, log)
    serving = threading.Thread(target=server.serve_forever, name="vorschau-server", daemon=True)
    try:
        preview.rebuild(changed=[])
        if preview.unusable:
            return EXIT_USAGE
        serving.start()
        print(say("preview_running", address=server.address, content=content, layouts=display_path(layouts_dir)),
              file=log, flush=True)
        for changes in watchfiles.watch(content, layouts_dir, step=50, raise_interrupt=True):
            preview.rebuild(changed=sorted({Path(path) for _, path in changes}))
    except KeyboardInterrupt:
        print(say("preview_stopped"), file=log)
    finally:
        state.update(stopping=True)  # ends the event streams
        if serving.is_alive():
            server.shutdown()
        server.server_close()
    return EXIT_OK


class Preview:
    """Builds again on each change and tells the open pages through the state."""

    def __init__(self, content, output, pdf, today, layouts_dir, server, state, log):
        self.content, self.output, self.pdf, self.today = content, output, pdf, today
        self.layouts_dir, self.server, self.state, self.log = layouts_dir, server, state, log
        self.unusable = False  # the output folder cannot be used: nothing to preview

    def rebuild(self, changed: list[Path]) -> None:
        started = time.perf_counter()
        first_shown: list[float] = []

        def pages_moved(paths: list[str]) -> None:
            first_shown.append(time.perf_counter() - started)
            self.state.update(problems=[])  # every open page compares itself with its file now

        self.state.update(search_ready=False)
        first = pipeline.FirstPages(self.state.pages_looked_at(), pages_moved)
        problems: list[ContentProblem] = []
        result = None
        try:
            result = pipeline.build(self.content, self.output, self.today or date.today(), layouts_dir=self.layouts_dir,
                                    pdf=self.pdf, cache=cache_folder(self.output), first=first)
            problems = result.problems.errors
        except UnsafeOutput as error:
            print(say("error", error=error), file=self.log)
            self.unusable = True
            return
        except (MissingText, IndexFailed, PdfFailed) as error:
            problems = [ContentProblem(self.layouts_dir, None, "", str(error), "")]
        except jinja2.TemplateSyntaxError as error:
            problems = [ContentProblem(Path(error.filename or self.layouts_dir), error.lineno, "",
                                       say("preview_template_syntax", error=error.message),
                                       say("preview_template_syntax_fix"))]
        except jinja2.TemplateError as error:
            problems = [ContentProblem(self.layouts_dir, None, "", say("preview_template_failed", error=error),
                                       say("preview_template_failed_fix"))]
        if result is not None and result.ok and result.catalogue is not None:
            self.server.prefix = urlsplit(result.catalogue.site.base_url).path or "/"
        searches_made = self.state.searches_made + (0 if problems else 1)
        self.state.update(problems=[_shown(p) for p in problems], search_ready=True, searches_made=searches_made)
        self._report(changed, problems, result, first_shown, time.perf_counter() - started)

    def _report(self, changed, problems, result, first_shown, seconds) -> None:
        what = ", ".join(display_path(path) for path in changed[:3]) + (" …" if len(changed) > 3 else "")
        prefix = say("preview_changed", what=what) if changed else ""
        if problems:
            for problem in problems:
                print(format_text(problem), file=self.log)
            print(say("preview_errors", prefix=prefix, count=len(problems)), file=self.log, flush=True)
            return
        warnings = len(result.problems.warnings)
        shown = say("preview_first_shown", seconds=_seconds(first_shown[0])) if first_shown else ""
        print(say("preview_built", prefix=prefix, rendered=result.pages_rendered, written=result.pages_written,
                  shown=shown, seconds=_seconds(seconds),
                  warnings=say("preview_warnings", count=warnings) if warnings else ""), file=self.log, flush=True)


def _shown(problem: ContentProblem) -> dict:
    """A problem as the notice on the open pages shows it: the same German words as `check`."""
    return {"ort": location(problem), "meldung": harmless(problem.message), "hinweis": fix(problem)}


def _site_prefix(content: Path) -> str:
    """The path of basis_url, where the site is served (its 404 page links from there); "/" until it can be read."""
    try:
        site = yaml.load((content / "site.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return urlsplit(site["basis_url"]).path or "/"
    except (OSError, ValueError, yaml.YAMLError, TypeError, KeyError, AttributeError):
        return "/"


def placeholder_page(texts: Texts) -> bytes:
    """The page shown while there is no site yet (the first build found errors): the notice comes over it."""
    return (f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            # as strict as the site's own policy: the preview's script and stylesheet come from the server
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; object-src \'none\'; '
            f'base-uri \'none\'; form-action \'none\'">'
            f"<title>{html.escape(texts('preview_placeholder_title'))}</title></head>"
            f"<body><main><h1>{html.escape(texts('preview_placeholder_title'))}</h1>"
            f"<p>{html.escape(texts('preview_placeholder_text'))}</p></main></body></html>\n").encode()
