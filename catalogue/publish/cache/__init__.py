"""The build cache: what the last build wrote and read, so that the next one does only what changed.

It lives beside the output folder (`.site-cache/` for `site/`, ignored by git) and holds

- the record of the pages (manifest.json): for every page that shows one offer, one list or one provider, and
  for each offer's own open data files (its HSDS record, its calendar), the fingerprint of everything it is
  made of, and the size and modification time of the file written for it. A page or file is reused only when
  both still match; everything else the build writes (the open data of the whole catalogue, the search index,
  the pages about the whole catalogue) is made again;
- the content files as read and linted (gelesen.json): a file whose bytes are the same is not parsed or
  linted again;
- each offer's part of the open data (offene-daten.json): its HSDS record and calendar events;
- Jinja's compiled templates (vorlagen/, one folder for each version of the program and its libraries).

So a cached build writes exactly the bytes a clean build writes (tests/test_cache.py checks this after random
edits). The fingerprint of the build covers the program and its templates, `site.yaml`, the free pages, the
images, the PDFs' sizes and the day the build is for: when any of them changes, every page is made again. A
page's own fingerprint adds what it shows: an offer (its German file and translations, as read), its
provider, a list of offers. A record in another format, for another output folder, unreadable, half written
or naming files outside the output is ignored, and the build is a clean one.
"""
