"""Benchmark: how long `python build.py` takes for a synthetic catalogue of N offers.

    python benchmarks/build_speed.py 1000 10000

Each size is built twice in a fresh process (the second run is reported too, as the file system is warm);
the figures go into the README. The website only (--no-pdf): the PDF has its own, benchmarks/pdf_speed.py.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_catalogue  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(sizes: list[int]) -> None:
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            content = write_catalogue(Path(folder) / "content", size)
            for attempt in (1, 2):
                started = time.perf_counter()
                subprocess.run([sys.executable, str(REPO / "build.py"), "--content", str(content), "--output",
                                str(Path(folder) / "site"), "--heute", "2026-11-22", "--no-pdf"], check=True,
                               capture_output=True)
                seconds = time.perf_counter() - started
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                print(f"{size:>6} Angebote, Lauf {attempt}: {seconds:5.1f} s, höchster Speicher eines Prozesses "
                      f"{peak:.0f} MiB", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
