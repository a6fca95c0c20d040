"""Every export of the catalogue at once, as the build writes them beside the pages."""

from __future__ import annotations

from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.i18n import Texts
from catalogue.model.needs import needs as need_weighted
from catalogue.opendata import feeds, ical, made_anew, spreadsheet
from catalogue.opendata import needs as need_files
from catalogue.opendata import networks as network_files
from catalogue.opendata.hsds import export as hsds
from catalogue.render.downloads import Download
from catalogue.render.paths import DATA_FOLDER


def write_open_data(catalogue: Catalogue, pages, german: Texts, root: Path, part=made_anew,
                    unchanged: dict[str, frozenset[str]] | None = None) -> dict[str, Download]:
    """Every export of the catalogue. Returns the files the open data page lists, by kind. part: how each
    offer's part of an export is had (opendata.made_anew); unchanged: the offers whose own files of each kind
    ("hsds", "ical") the build cache leaves in place."""
    unchanged = unchanged or {}
    hsds.write_files(catalogue, root / DATA_FOLDER, part, unchanged.get("hsds", frozenset()))
    ical.write_files(catalogue, root, part, unchanged.get("ical", frozenset()))
    spreadsheet.write_files(catalogue, root, german)
    feeds.write_files(catalogue, pages, root)
    files = {"hsds_services": f"{DATA_FOLDER}/{hsds.SERVICES_FILE}",
             "hsds_organizations": f"{DATA_FOLDER}/{hsds.ORGANIZATIONS_FILE}",
             "csv": spreadsheet.FILE, "ics": ical.CATALOGUE_FILE, "atom": feeds.FEED_FILE, "sitemap": feeds.SITEMAP_FILE}
    if network_files.write_files(catalogue, root, german):
        files |= {"networks_csv": network_files.CSV_FILE, "networks_json": network_files.JSON_FILE}
    # the offers weighed against the young people of each district: only with daten/bevoelkerung.csv
    if need_files.write_files(need_weighted(catalogue.offers, catalogue.site), root, german):
        files |= {"needs_csv": need_files.CSV_FILE, "needs_json": need_files.JSON_FILE}
    return {kind: Download.written(root, root / path) for kind, path in files.items()}
