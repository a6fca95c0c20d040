"""Benchmark: how long the catalogue PDF takes for a synthetic catalogue of N offers.

    python benchmarks/pdf_speed.py 1000

For each size, in a fresh process each: the whole catalogue alone (pdf/katalog.pdf, laid out in one
process; only up to pdf.WHOLE_CATALOGUE_MAX_OFFERS, beyond which the build writes none), then the build's
whole PDF step (the catalogue and one PDF per life phase, on all cores, as `python build.py` runs it). Peak
memory is the PSS of the process and its workers together, sampled as compare_hugo.py does. The figures go
into the README. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from compare_hugo import measure as measure_tree  # noqa: E402
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"

MEASURE = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {repo!r})
from catalogue import pipeline
from catalogue.check.catalogue import load_catalogue
from catalogue.render.pdf import document as pdf

catalogue, _ = load_catalogue(Path({content!r}), date.fromisoformat({today!r}))
output = Path({output!r})
started = time.perf_counter()
downloads = pdf.write_pdfs(catalogue, pipeline.LAYOUTS_DIR, output, pipeline.no_progress, phases={phases!r})
seconds = time.perf_counter() - started
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
cpu = sum(u.ru_utime + u.ru_stime for u in usage)
files = [downloads.catalogue] * bool(downloads.catalogue) + list(downloads.phases.values())
Path({result!r}).write_text(json.dumps({{"seconds": seconds, "cpu": cpu, "files": len(files),
                                        "bytes": sum(f.size for f in files)}}))
"""


def pages(folder: Path) -> int:
    import pikepdf
    total = 0
    for path in folder.glob("pdf/*.pdf"):
        with pikepdf.open(path) as document:
            total += len(document.pages)
    return total


def measure(content: Path, output: Path, phases: bool) -> dict:
    result = output.with_suffix(".json")
    code = MEASURE.format(repo=str(REPO), content=str(content), output=str(output), today=TODAY, phases=phases,
                          result=str(result))
    _, peak = measure_tree([[sys.executable, "-c", code]], REPO)
    return json.loads(result.read_text()) | {"peak_gb": peak / 1e9, "pages": pages(output)}


def main(sizes: list[int]) -> None:
    from catalogue.render.pdf.document import WHOLE_CATALOGUE_MAX_OFFERS

    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            content = write_catalogue(Path(folder) / "content", size)
            if size <= WHOLE_CATALOGUE_MAX_OFFERS:
                alone = measure(content, Path(folder) / "eins", phases=False)
                print(f"{size:>6} Angebote, nur katalog.pdf: {alone['seconds']:5.1f} s (Rechenzeit {alone['cpu']:.0f} s), "
                      f"{alone['pages']} Seiten, {alone['bytes'] / 1_000_000:.1f} MB, "
                      f"höchster Speicher {alone['peak_gb']:.2f} GB", flush=True)
            step = measure(content, Path(folder) / "zwei", phases=True)
            print(f"{size:>6} Angebote, ganzer PDF-Schritt ({step['files']} Dateien, {step['pages']} Seiten, "
                  f"{step['bytes'] / 1_000_000:.1f} MB, alle Kerne): {step['seconds']:5.1f} s "
                  f"(Rechenzeit {step['cpu']:.0f} s), höchster Speicher {step['peak_gb']:.2f} GB", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
