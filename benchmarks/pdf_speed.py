"""Benchmark: how long the catalogue PDF takes for a synthetic catalogue of N offers.

    python benchmarks/pdf_speed.py 1000

For each size, in a fresh process each: the whole catalogue alone (pdf/katalog.pdf, laid out in one
process), then the build's whole PDF step (the catalogue and one PDF per life phase, on all cores, as
`python build.py` runs it). The figures go into the README. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"

MEASURE = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {repo!r})
from catalogue import pdf, pipeline
from catalogue.validate import load_catalogue

catalogue, _ = load_catalogue(Path({content!r}), date.fromisoformat({today!r}))
output = Path({output!r})
started = time.perf_counter()
downloads = pdf.write_pdfs(catalogue, pipeline.LAYOUTS_DIR, output, pipeline.no_progress, phases={phases!r})
seconds = time.perf_counter() - started
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
peak = max(u.ru_maxrss for u in usage)
cpu = sum(u.ru_utime + u.ru_stime for u in usage)
print(json.dumps({{"seconds": seconds, "cpu": cpu, "files": 1 + len(downloads.phases),
                  "bytes": downloads.catalogue.size, "peak_mib": peak / 1024}}))
"""


def pages(path: Path) -> int:
    import pikepdf
    with pikepdf.open(path) as document:
        return len(document.pages)


def measure(content: Path, output: Path, phases: bool) -> dict:
    code = MEASURE.format(repo=str(REPO), content=str(content), output=str(output), today=TODAY, phases=phases)
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            content = write_catalogue(Path(folder) / "content", size)
            alone = measure(content, Path(folder) / "eins", phases=False)
            count = pages(Path(folder) / "eins" / "pdf" / "katalog.pdf")
            print(f"{size:>6} Angebote, nur katalog.pdf: {alone['seconds']:5.1f} s (Rechenzeit {alone['cpu']:.0f} s), "
                  f"{count} Seiten, {alone['bytes'] / 1_000_000:.1f} MB, höchster Speicher {alone['peak_mib']:.0f} MiB",
                  flush=True)
            step = measure(content, Path(folder) / "zwei", phases=True)
            print(f"{size:>6} Angebote, ganzer PDF-Schritt ({step['files']} Dateien, alle Kerne): "
                  f"{step['seconds']:5.1f} s (Rechenzeit {step['cpu']:.0f} s)", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
