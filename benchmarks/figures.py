"""The figures of benchmarks/compare_hugo.py in docs/entwicklung/: benchmark.csv (every size measured),
benchmark.md (the same as a table) and benchmark.svg (a chart of them, plain SVG, light and dark)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent

FIGURES = REPO / "docs" / "entwicklung"


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
