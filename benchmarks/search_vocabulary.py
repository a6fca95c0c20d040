"""Benchmark: the size of the spelling vocabulary (suche/woerter.json) the search page loads when a query finds
nothing or very little, on synthetic catalogues of N offers.

    python benchmarks/search_vocabulary.py 1000 10000

Two catalogues of each size: the synthetic one of the other benchmarks (few distinct words, as its texts
repeat), and the same with six made-up words of 5 to 12 letters in every offer's text, which no other offer
has: an upper bound for a real catalogue, whose offers share most of their words. Prints the file's size as
written and gzip-compressed (as a web server would usually send it) and the number of words. Not a test.
"""

from __future__ import annotations

import gzip
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from synthetic import write_catalogue  # noqa: E402

from catalogue import pipeline  # noqa: E402
from catalogue.model import search_words  # noqa: E402
from catalogue.model.i18n import interface_languages  # noqa: E402

UNIQUE_WORDS_PER_OFFER = 6


def add_unique_words(folder: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzäöüß"
    for path in sorted((folder / "angebote").glob("*.md")):
        made_up = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(5, 12))).capitalize()
                           for _ in range(UNIQUE_WORDS_PER_OFFER))
        path.write_text(path.read_text(encoding="utf-8") + f"\n{made_up}\n", encoding="utf-8")


def measure(offers: int, unique: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = write_catalogue(Path(tmp) / "content", offers)
        if unique:
            add_unique_words(content)
        result = pipeline.check(content, date(2026, 11, 22))
        assert result.ok, result.problems
        output = Path(tmp) / "out"
        search_words.write_vocabulary(result.catalogue, interface_languages(pipeline.LAYOUTS_DIR), output)
        data = (output / search_words.VOCABULARY_FILE).read_bytes()
        count = len(__import__("json").loads(data))
        kind = f"+{UNIQUE_WORDS_PER_OFFER} own words each" if unique else "synthetic"
        print(f"{offers:>6} offers ({kind}): {count:>6} words, {len(data) / 1000:8.1f} KB, "
              f"gzip {len(gzip.compress(data, 9)) / 1000:7.1f} KB", flush=True)


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [1000]:
        measure(size, unique=False)
        measure(size, unique=True)
