"""Stage 3, model: the catalogue as the program sees it (site, offers, providers, pages) and what is derived from it
for every page: names in every language, filters, sort order, search words, gaps."""
