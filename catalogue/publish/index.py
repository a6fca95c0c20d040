"""Stage 6, index: Pagefind builds the search index over the written pages, all at once.

The pages say what is indexed (data-pagefind-body on offers), which filters and result facts they carry,
and the weight of their keywords. It is one index for all languages, stemmed as German: nearly all of it is
German text, which the search pages of every language search, and translations are found by their words
(and the beginnings of words) all the same. One index is also the smallest download for a family.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import cbor2

from catalogue.publish.write import remove_in_background

BUNDLE = "pagefind"
ENTRY_FILE = "pagefind-entry.json"
# what Pagefind's files begin with once unzipped
SIGNATURE = b"pagefind_dcd"

# Pagefind's allocator (jemalloc) gives memory back 10 s after it was freed. Pagefind frees the words of each page
# while it builds the index from them: given back after 0.3 s, its peak is a fifth lower (0.8 instead of 1 GB at
# 10,000 offers), in the same time.
ALLOCATOR_VARIABLE, ALLOCATOR_SETTING = "_RJEM_MALLOC_CONF", "dirty_decay_ms:300"

# Pagefind's ready-made interfaces; the site has its own accessible one on the JS API.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


# Pagefind writes its filter and meta files (and the entry file naming them, with its compressed copies)
# differently from run to run (Pagefind issue #638); everything else the build writes is byte-identical for the
# same input.
NOT_BYTE_STABLE = ("pagefind/pagefind-entry.json*", "pagefind/pagefind.*.pf_meta", "pagefind/filter/*.pf_filter")


# Pagefind names the chunks of its index, its fragments and filters after their content („de_1a2b3c4.pf_index“):
# a file of the same name holds the same bytes.
NAMED_BY_CONTENT = re.compile(r"pagefind/(?:[a-z]+/)?[^/]*_[0-9a-f]{7,}\.pf_[a-z]+")


def named_by_content(path: str) -> bool:
    """path: from the site's root."""
    return NAMED_BY_CONTENT.fullmatch(path) is not None


class IndexFailed(Exception):
    pass


class Indexing:
    """Pagefind at work on the pages to index, while the build writes the rest: it needs only those pages."""

    def __init__(self, searchable: dict[str, str], site: Path, previous: Path | None = None):
        """searchable: the pages to index, by their path in the site, and the file of each (most in `site`; with
        the build cache, pages left in place are in the output folder). Pagefind reads only these, through hard
        links in a folder of their own: reading every page to find the few it indexes would take it several
        times longer.

        previous: the output of the last build, whose index Pagefind may build on. It does not write a file
        that its folder holds already by that name (a name made from the bytes), so the files named by their
        content are lent to it first: after one change it compresses one fragment, not all of them (a third of
        its time at 10,000 offers). finish() takes back those the new index does not use."""
        self.site = site
        self.pages = Path(tempfile.mkdtemp(prefix=".suchindex-", dir=site.parent))
        self.messages = None
        self.lent: list[str] = []
        try:
            if previous is not None:
                self.lent = _lend(previous, site)
            made = set()
            for path, source in searchable.items():
                link = f"{self.pages}/{path}"  # strings, not a Path each: a second less at 10,000 offers
                folder = os.path.dirname(link)
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                os.link(source, link)
            # what it says goes to a file: nobody reads a pipe while the pages are written, and a full one would
            # hold it up
            self.messages = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pagefind", "--site", str(self.pages), "--output-path", str(site / BUNDLE),
                 "--silent", "--force-language", "de"],
                stdout=self.messages, stderr=subprocess.STDOUT,
                env={ALLOCATOR_VARIABLE: ALLOCATOR_SETTING, **os.environ})  # a setting someone made goes first
        except OSError as error:
            if self.messages:
                self.messages.close()
            shutil.rmtree(self.pages, ignore_errors=True)
            raise IndexFailed(f"Pagefind ließ sich nicht starten ({error}).") from None

    def finish(self) -> None:
        """Waits for the index; IndexFailed if there is none."""
        try:
            self.process.wait(timeout=600)
        except subprocess.TimeoutExpired:
            self.stop()
            raise IndexFailed("Pagefind hat den Suchindex nicht in 10 Minuten erstellt.") from None
        self.messages.seek(0)
        details = self.messages.read().strip().splitlines()[-5:]
        self.messages.close()
        bundle = self.site / BUNDLE
        if self.process.returncode != 0 or not (bundle / "pagefind.js").is_file():
            shutil.rmtree(self.pages, ignore_errors=True)
            raise IndexFailed("Pagefind konnte den Suchindex nicht erstellen: " + " / ".join(details))
        remove_in_background(self.pages)  # a folder for each indexed page: seconds at 10,000 offers
        for name in UNUSED_BUNDLE_FILES:
            (bundle / name).unlink(missing_ok=True)
        if self.lent:
            used = _files_used(bundle)
            for path in self.lent:
                if path.rsplit("/", 1)[-1].rsplit(".", 1)[0] not in used:
                    os.unlink(f"{self.site}/{path}")

    def stop(self) -> None:
        """When the build fails before the index is needed."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.messages.close()
        shutil.rmtree(self.pages, ignore_errors=True)


def _lend(previous: Path, site: Path) -> list[str]:
    """Hard links in `site` to the files of `previous`'s index named by their content; their paths."""
    lent = []
    for folder, _, names in os.walk(previous / BUNDLE):
        relative = os.path.relpath(folder, previous)
        paths = [f"{relative}/{name}" for name in sorted(names) if named_by_content(f"{relative}/{name}")]
        if paths:
            os.makedirs(f"{site}/{relative}", exist_ok=True)
        for path in paths:
            os.link(f"{previous}/{path}", f"{site}/{path}")
        lent += paths
    return lent


def _files_used(bundle: Path) -> set[str]:
    """The names (without their extension) of the files an index uses: its metadata names its fragments, the
    chunks of its word index and its filters (CBOR: Pagefind's own format, read as data, not by its layout)."""
    try:
        used = set()
        for language in json.loads((bundle / ENTRY_FILE).read_text(encoding="utf-8"))["languages"].values():
            meta = f"pagefind.{language['hash']}"
            used.add(meta)
            data = gzip.decompress((bundle / f"{meta}.pf_meta").read_bytes())
            if not data.startswith(SIGNATURE):
                raise ValueError("signature")
            used.update(_strings(cbor2.loads(data[len(SIGNATURE):])))
        return used
    except (OSError, ValueError, KeyError, TypeError, cbor2.CBORDecodeError) as error:
        raise IndexFailed(f"Pagefind hat einen Suchindex geschrieben, den der Bau nicht lesen kann ({error}). "
                          "Bauen Sie einmal ohne Zwischenspeicher: python build.py --no-cache") from None


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for pair in value.items() for item in pair for text in _strings(item)]
    return []
