"""Stage 6, index: Pagefind builds the search index over the written pages, all at once.

The pages say what is indexed (data-pagefind-body on offers), which filters and result facts they carry,
and the weight of their keywords. It is one index for all languages, stemmed as German: nearly all of it is
German text, which the search pages of every language search, and translations are found by their words
(and the beginnings of words) all the same. One index is also the smallest download for a family.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .write import remove_in_background

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
    """Pagefind at work on the pages to index, while the build writes the rest: it needs only those pages, and
    it runs on one core."""

    def __init__(self, searchable: dict[str, str], site: Path):
        """searchable: the pages to index, by their path in the site, and the file of each (most in `site`; with
        the build cache, pages left in place are in the output folder). Pagefind reads only these, through hard
        links in a folder of their own: reading every page to find the few it indexes would take it several
        times longer."""
        self.site = site
        self.pages = Path(tempfile.mkdtemp(prefix=".suchindex-", dir=site.parent))
        self.messages = None
        try:
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
                [sys.executable, "-m", "pagefind", "--site", str(self.pages), "--output-path", str(site / "pagefind"),
                 "--silent", "--force-language", "de"],
                stdout=self.messages, stderr=subprocess.STDOUT)
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
        bundle = self.site / "pagefind"
        if self.process.returncode != 0 or not (bundle / "pagefind.js").is_file():
            shutil.rmtree(self.pages, ignore_errors=True)
            raise IndexFailed("Pagefind konnte den Suchindex nicht erstellen: " + " / ".join(details))
        remove_in_background(self.pages)  # a folder for each indexed page: seconds at 10,000 offers
        for name in UNUSED_BUNDLE_FILES:
            (bundle / name).unlink(missing_ok=True)

    def stop(self) -> None:
        """When the build fails before the index is needed."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.messages.close()
        shutil.rmtree(self.pages, ignore_errors=True)
