"""The record of the pages (manifest.json): for every page and every offer's own open data file, the fingerprint of
what it is made of and the size and modification time of the file written; a record that does not fit this output
folder is ignored."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"


def cache_folder(output: Path) -> Path:
    """Beside the output folder, so that two output folders never share (and spoil) one cache."""
    output = output.resolve()
    return output.parent / f".{output.name}-cache"


@dataclass
class Manifest:
    build: str  # the fingerprint of the build
    pages: dict[str, tuple[str, int, int]]  # path in the output → (fingerprint, size, mtime_ns) when written
    files: set[str]  # every other file in the output: what the next build no longer writes is deleted

    def reusable(self, path: str, fingerprint: str, output: Path) -> bool:
        recorded = self.pages.get(path)
        if recorded is None or recorded[0] != fingerprint:
            return False
        try:
            written = os.stat(f"{output}/{path}")  # (a Path for each of 90,000 files takes seconds)
        except OSError:
            return False
        return (written.st_size, written.st_mtime_ns) == (recorded[1], recorded[2])


# The record this process saved last, by cache folder: the live preview builds again and again, and reading the
# record back takes a fifth of a second at 1,000 offers. Trusted only while the file is the one written.
_saved: dict[Path, tuple[tuple, str, Manifest]] = {}


def _file_state(file: Path) -> tuple:
    status = file.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


def load(cache: Path, output: Path) -> Manifest | None:
    """The record of the last build into `output`, if there is one that can be read. Whether its pages can be
    reused depends on the new build's fingerprint (Manifest.build)."""
    remembered = _saved.get(cache.resolve())
    try:
        if remembered and remembered[:2] == (_file_state(cache / MANIFEST), str(output.resolve())):
            manifest = remembered[2]
            return Manifest(manifest.build, dict(manifest.pages), set(manifest.files))
        data = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["output"] != str(output.resolve()) or not isinstance(data["build"], str):
            return None
        pages = {path: (str(entry[0]), int(entry[1]), int(entry[2])) for path, entry in data["pages"].items()}
        files = {str(path) for path in data["files"]}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    if not all(map(_inside_output, [*pages, *files])):  # the build deletes what the record names
        return None
    return Manifest(data["build"], pages, files)


def _inside_output(path: str) -> bool:
    parts = path.split("/")
    return "" not in parts and ".." not in parts and "\\" not in path and "\0" not in path


def forget(cache: Path) -> None:
    """Before the output changes: if the build stops half way, the next one must not trust the old record."""
    (cache / MANIFEST).unlink(missing_ok=True)


def save(cache: Path, output: Path, manifest: Manifest) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "output": str(output.resolve()), "build": manifest.build,
            "pages": {path: list(entry) for path, entry in sorted(manifest.pages.items())},
            "files": sorted(manifest.files)}
    partial = cache / (MANIFEST + ".neu")
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, cache / MANIFEST)
    _saved[cache.resolve()] = (_file_state(cache / MANIFEST), data["output"],
                               Manifest(manifest.build, dict(manifest.pages), set(manifest.files)))


def record(output: Path, fingerprints: dict[str, str], manifest: Manifest) -> None:
    """Notes the pages just written to `output` (path → fingerprint) in the manifest."""
    for path, fingerprint in fingerprints.items():
        written = os.stat(f"{output}/{path}")
        manifest.pages[path] = (fingerprint, written.st_size, written.st_mtime_ns)
