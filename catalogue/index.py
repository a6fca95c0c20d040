"""Stage 6, index: Pagefind builds the search index over the written pages, all at once.

The pages say what is indexed (data-pagefind-body on offers), which filters and result facts they carry,
and the weight of their keywords. It is one index for all languages, stemmed as German: nearly all of it is
German text, which the search pages of every language search, and translations are found by their words
(and the beginnings of words) all the same. One index is also the smallest download for a family.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Pagefind's ready-made interfaces; the site has its own accessible one on the JS API.
UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                       "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


# Pagefind writes its filter and meta files (and the entry file naming them, with its compressed copies)
# differently from run to run (Pagefind issue #638); everything else the build writes is byte-identical for the
# same input.
NOT_BYTE_STABLE = ("pagefind/pagefind-entry.json*", "pagefind/pagefind.*.pf_meta", "pagefind/filter/*.pf_filter")


class IndexFailed(Exception):
    pass


def index_site(searchable: dict[str, Path], site: Path) -> None:
    """searchable: the pages to index, by their path in the site, and the file of each (most in `site`; with the
    build cache, pages left in place are in the output folder). Pagefind reads only these, through hard links in
    a folder of their own: reading every page to find the few it indexes would take it several times longer."""
    pages = Path(tempfile.mkdtemp(prefix=".suchindex-", dir=site.parent))
    try:
        for path, source in searchable.items():
            (pages / path).parent.mkdir(parents=True, exist_ok=True)
            os.link(source, pages / path)
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path",
                                 str(site / "pagefind"), "--silent", "--force-language", "de"],
                                capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IndexFailed(f"Pagefind ließ sich nicht starten ({error}).") from None
    finally:
        shutil.rmtree(pages, ignore_errors=True)
    bundle = site / "pagefind"
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise IndexFailed("Pagefind konnte den Suchindex nicht erstellen: " + " / ".join(details))
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
