"""Compressed copies beside the text files of the site (`index.html.gz`, `index.html.br`), so that a web server
sends them as they are instead of compressing every answer (nginx: gzip_static and brotli_static; Apache: the
rules of catalogue/webserver.py). A copy lives and dies with its file: write.py moves and deletes them together."""

import gzip
import shutil
from pathlib import Path

import brotli

COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".atom", ".svg", ".txt", ".csv", ".ics", ".md",
              ".webmanifest")
COPIES = (".gz", ".br")
# Brotli's best quality (11) takes 40 times as long as 5 for a tenth smaller pages: minutes at 1,000 offers.
BROTLI_QUALITY = 5


def is_compressed(path: str | Path) -> bool:
    return str(path).endswith(COMPRESSED)


def is_copy(path: str | Path) -> bool:
    text = str(path)
    return text.endswith(COPIES) and is_compressed(text[:-3])


def copies_of(path: str) -> list[str]:
    return [path + suffix for suffix in COPIES] if is_compressed(path) else []


def write_copies(file: Path, data: bytes) -> None:
    """The copies of `file`, whose content is `data`. mtime=0: the same bytes in every build."""
    Path(f"{file}.gz").write_bytes(gzip.compress(data, 9, mtime=0))
    Path(f"{file}.br").write_bytes(brotli.compress(data, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT))


def add_copies(folder: Path, previous: Path | None = None) -> None:
    """Copies for every file in `folder` that has none yet (the pages have them from the worker that wrote
    them). A file that `previous` (the output of the last build) has with the same bytes takes its copies
    from there: most exports do not change from one build to the next."""
    for file in sorted(folder.rglob("*")):
        if not is_compressed(file.name) or not file.is_file() or Path(f"{file}.gz").exists():
            continue
        data = file.read_bytes()
        if previous is not None and _copy_unchanged(data, previous / file.relative_to(folder), file):
            continue
        write_copies(file, data)


def _copy_unchanged(data: bytes, before: Path, file: Path) -> bool:
    try:
        if before.read_bytes() != data or not all(Path(f"{before}{suffix}").is_file() for suffix in COPIES):
            return False
    except OSError:
        return False
    for suffix in COPIES:
        shutil.copyfile(f"{before}{suffix}", f"{file}{suffix}")
    return True
