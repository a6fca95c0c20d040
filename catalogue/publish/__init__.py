"""Stage 5, publish: the rendered files reach the output folder whole or not at all, with compressed copies and
Pagefind's search index; the cache lets the next build reuse what did not change."""
