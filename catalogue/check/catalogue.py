"""Stage 2, check: read every file of a content folder and check it before anything is written.

Structure (keys, types, forms) is checked against the JSON Schemas; what a
schema cannot know (ids from site.yaml, providers, dates relative to today,
image files, the order of two times) is checked here. All problems of a run
are collected; the model is built only when there is no error.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from catalogue.check.context import LAYOUTS_DIR, Context, read_markdown_to_lint
from catalogue.check.figures import read_figures
from catalogue.check.media import check_media
from catalogue.check.networks import read_networks
from catalogue.check.offers import read_offers
from catalogue.check.pages import read_pages
from catalogue.check.providers import read_providers
from catalogue.check.site import read_site
from catalogue.model.catalogue import Catalogue
from catalogue.model.collation import german_sort_key
from catalogue.problems import Problems


def load_catalogue(content_dir: Path, today: date, progress=lambda stage, done, total: None,
                   read_markdown=read_markdown_to_lint,
                   layouts_dir: Path = LAYOUTS_DIR) -> tuple[Catalogue | None, Problems]:
    """read_markdown: how a Markdown file is read and linted, as read_markdown_to_lint does (the build cache's
    ReadFiles remembers both for unchanged files). layouts_dir: whose interface languages `uebersetzungen` is
    compared with."""
    context = Context(content_dir, today, Problems(), progress, read_markdown, layouts_dir)
    context.media, problems = check_media(content_dir)
    context.problems.extend(problems)
    context.site = read_site(context)
    read_figures(context)
    providers = read_providers(context)
    offers, translations = read_offers(context)
    pages = read_pages(context)
    networks, network_translations = read_networks(context)
    if context.problems.errors or context.site is None:
        return None, context.problems
    return (_assemble(context, providers, offers, translations, pages, networks, network_translations),
            context.problems)


def _assemble(context, providers, offers, translations, pages, networks, network_translations) -> Catalogue:
    offers_by_id = {offer.id: offer for offer in offers}
    for translation in translations:
        offers_by_id[translation.offer_id].translations[translation.language] = translation
    published = [o for o in offers if o.valid_until is None or o.valid_until >= context.today]
    unpublished = [o for o in offers if o.valid_until is not None and o.valid_until < context.today]
    published.sort(key=lambda o: (german_sort_key(o.title), o.id))
    providers.sort(key=lambda p: (german_sort_key(p.name), p.id))
    providers_by_id = {p.id: p for p in providers}
    for offer in published:
        providers_by_id[offer.provider_id].offers.append(offer)
    pages.sort(key=lambda p: (p.order is None, p.order or 0, german_sort_key(p.title), p.id))
    networks_by_id = {network.id: network for network in networks}
    for translation in network_translations:
        networks_by_id[translation.network_id].translations[translation.language] = translation
    shown = sorted((n for n in networks if n.valid_until is None or n.valid_until >= context.today),
                   key=lambda n: (german_sort_key(n.name), n.id))
    return Catalogue(context.site, published, providers, pages, unpublished, context.today, context.media.published,
                     tuple(shown))
