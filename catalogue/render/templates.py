"""The Jinja2 environment of one interface language: strict (a missing variable is an error), autoescaped,
with the helpers templates use.

Links are always relative to the page, so the site works under any sub-path. url() leads to a page in the
interface's language, site_url() to what all languages share (styles, images, the pages only in German).
Text in another language than the page's is marked with lang (and dir, where the direction changes), as
WCAG 3.1.2 asks: German names from site.yaml on an Arabic page, an offer's German text where it has no
translation.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape

from catalogue import webserver
from catalogue.model import facets, search_words
from catalogue.model.i18n import GERMAN, Texts, direction, spoken_clock
from catalogue.model.languages import EASY_GERMAN, hreflang, html_lang, language_name, own_name
from catalogue.model.names import Names
from catalogue.model.needs import german_number, local_number
from catalogue.model.offers import WEEKDAYS, Place, Wording
from catalogue.opendata import jsonld
from catalogue.render import feedback, figures_svg, proposal
from catalogue.render.assets import Assets
from catalogue.render.environment import QuickEnvironment
from catalogue.render.markup import MarkdownRenderer
from catalogue.render.network_graph import network_graph_svg
from catalogue.render.paths import EASY_OFFERS, offer_path


# Rendered once, kept for later pages. An offer's card is on the lists of its life phases, topics and districts,
# far apart in a large catalogue: up to about 30 MB for each worker.
MAX_FRAGMENTS = 30000
_markdown = MarkdownRenderer()  # one for every language's environment, so that each text is rendered once


def environment(layouts_dir: Path, texts: Texts, german: Texts, prefix: str = "",
                interface_texts: tuple[Texts, ...] = (),
                compiled: jinja2.BytecodeCache | None = None,
                assets: Assets | None = None) -> jinja2.Environment:
    """texts: the interface's language; german: the German texts (with those only in German); prefix: the folder
    of the language's pages ("" for German, "en/" for English); interface_texts: every interface language's, for
    what the search index keeps of a page for the search pages of all languages; compiled: where the compiled
    templates are shared (render/html.py's CompiledTemplates, or a folder of the build cache); assets: the
    stylesheet and scripts under their published names, and the scripts' imports (render/assets.py, plan_assets)."""
    env = QuickEnvironment(
        loader=jinja2.FileSystemLoader(layouts_dir),
        bytecode_cache=compiled,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a build's templates do not change while it runs
    )
    fragments: OrderedDict[tuple, Markup] = OrderedDict()

    def once(*key, caller) -> Markup:
        """{% call once("footer", root) %}…{% endcall %}: renders the block the first time and reuses it for every
        later page with the same key. The key must name everything the block depends on that differs from page to
        page of one language in one build (the root, for relative links). The least recently used go first, so
        memory stays the same however many offers have cards."""
        if key in fragments:
            fragments.move_to_end(key)
            return fragments[key]
        fragments[key] = Markup(caller())
        if len(fragments) > MAX_FRAGMENTS:
            fragments.popitem(last=False)
        return fragments[key]

    @jinja2.pass_context
    def url(context, target: str = "") -> str:
        """A link from the page being rendered to `target` in the page's language, a path such as 'angebote/x/'."""
        return site_url(context, prefix + target)

    @jinja2.pass_context
    def site_url(context, target: str = "") -> str:
        """A link to `target`, a path from the site's root such as 'assets/style.css' or 'impressum/'."""
        return context["root"] + target if (context["root"] or target) else "./"

    @jinja2.pass_context
    def asset(context, name: str) -> str:
        """A link to the stylesheet or a script, e.g. 'style.css', under the name that changes with its content."""
        return site_url(context, "assets/" + (assets.names if assets else {})[name])

    def module_imports(name: str) -> list[str]:
        """The scripts the module `name` imports, directly or not: each a <link rel="modulepreload">."""
        return assets.module_imports(name) if assets else []

    def lang_attrs(code: str) -> Markup:
        """The lang (and dir) attributes of an element whose text is in `code`, where they differ from the page's."""
        language = html_lang(code)
        if language == texts.language:
            return Markup("")
        attributes = f' lang="{language}"'
        if direction(language) != texts.direction:
            attributes += f' dir="{direction(language)}"'
        return Markup(attributes)

    def in_language(text, code: str) -> Markup:
        """`text`, marked with its language where it is not the page's."""
        attributes = lang_attrs(code)
        return Markup(f"<span{attributes}>{escape(text)}</span>") if attributes else escape(text)

    def interface_attrs(code: str) -> Markup:
        """Inside an element marked as `code`: the attributes that return to the interface's language."""
        return Markup(f' lang="{texts.language}" dir="{texts.direction}"') if lang_attrs(code) else Markup("")

    def version_name(code: str) -> str:
        """A version's name in its own language, as the language switcher shows it."""
        return german("easy_language") if code == EASY_GERMAN else own_name(code)

    def say(wording: Wording) -> Markup:
        return in_language(wording.text, wording.language)

    def german_text(text) -> Markup:
        """Words from site.yaml or a German file (names of life phases, topics, help lines)."""
        return in_language(text, GERMAN)

    @jinja2.pass_context
    def render_markdown(context, text: str, base_level: int = 2, keep_lines: bool = False) -> str:
        return Markup(_markdown.render(text, base_level, context["root"], keep_lines))

    def event_date(day: date) -> str:
        return texts("date_with_weekday", weekday=texts.list("weekdays")[day.weekday()], date=texts.long_date(day))

    last_names: list = [None, None]  # (site, its Names): one build's site, asked on every page
    district_lists: dict[tuple[str, ...], Markup] = {}  # of last_names' site: a few combinations, on many cards

    @jinja2.pass_context
    def network_graph_markup(context, networks, highlight: str | None = None) -> Markup:
        """The picture of the networks (render/network_graph.py) for this page: links relative to it, texts in its
        language; highlight: the network whose page this is. Only on the networks' pages, which see the whole
        catalogue."""
        names = {provider.id: provider.name for provider in context["catalogue"].providers}
        return Markup(network_graph_svg(networks, names, lambda i: url(context, f"netzwerke/{i}/"),
                                        lambda i: url(context, f"anbieter/{i}/"), texts, highlight))

    @jinja2.pass_context
    def names(context) -> Names:
        """The names of site.yaml in the page's language (names.py): say(names().topic(id)) and the like."""
        site = context["site"]
        if last_names[0] is not site:
            last_names[:] = [site, Names(site, texts)]
            district_lists.clear()
        return last_names[1]

    @jinja2.pass_context
    def district_name(context, district_id: str) -> Markup:
        return say(names(context).district(district_id))

    @jinja2.pass_context
    def search_filters(context, version) -> dict[str, list[str]]:
        """Every filter value of the page of `version` in the search index, hidden ones included."""
        offer = version.offer
        return {**facets.offer_facets(offer, context["site"]),
                **facets.version_filters(version.language, offer, [other.language for other in interface_texts])}

    @jinja2.pass_context
    def result_facts(context, offer) -> dict[str, str]:
        """The facts line of a search result, in each interface language."""
        return {other.language: facets.result_facts(offer, context["site"], other) for other in interface_texts}

    @jinja2.pass_context
    def synonyms_of(context, version) -> str:
        """The words of site.yaml's synonym groups the page of `version` uses, for the search index."""
        return " ".join(search_words.synonyms(search_words.searched_text(version), context["site"].synonyms))

    @jinja2.pass_context
    def facet_options(context) -> dict[str, list[tuple[str, Wording]]]:
        return facets.facet_options(context["catalogue"], texts)

    @jinja2.pass_context
    def form_options(context) -> dict[str, list[tuple[str, str, str]]]:
        return proposal.options(context["catalogue"], texts)

    def route_url(place: Place) -> str:
        """A route to the place on OpenStreetMap: a plain link, no embedded map, nothing loaded from elsewhere."""
        address = ", ".join(part for part in (place.street, f"{place.postcode} {place.town}".strip()) if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": address or place.name})

    @jinja2.pass_context
    def report_problem_url(context, offer) -> str:
        site = context["site"]
        if site.feedback_url:
            return site.feedback_url
        page = site.base_url + context["page_path"]
        fields = {"subject": german("report_subject", title=offer.title),
                  "body": german("report_body", title=offer.title, url=page)}
        return f"mailto:{site.feedback_email}?" + urlencode(fields, quote_via=quote)

    @jinja2.pass_context
    def feedback_links(context, query: str = "", phase: str = "", district: str = "") -> dict[str, str]:
        """„Nichts Passendes gefunden?“: a mailto: link with the subject and body written in the page's language
        (RFC 6068: percent-encoded as encodeURIComponent does, line breaks as CRLF), and the address of the
        form of site.yaml's feedback.url with the same facts as parameters. The reader's mail program or browser
        shows everything before it is sent; the site itself sends and stores nothing."""
        site = context["site"]
        page = site.base_url + context["page_path"]
        facts = feedback.Facts(query=query, phase=phase, district=district, page=page)
        repository = site.repository.url if site.repository else ""
        return {"mail": feedback.mail_href(site.feedback_email, facts, texts),
                "form": feedback.form_href(site.feedback_url, facts, repository),
                "form_base": feedback.form_base(site.feedback_url, repository)}

    def weekdays(days) -> str:
        names = texts.list("weekdays_plural")
        ordered = sorted(days, key=WEEKDAYS.index)
        indices = [WEEKDAYS.index(d) for d in ordered]
        if len(indices) >= 3 and indices == list(range(indices[0], indices[-1] + 1)):
            return texts("days_range", first=names[indices[0]], last=names[indices[-1]])
        words = [names[i] for i in indices]
        return words[0] if len(words) == 1 else texts("list_and", items=texts("list_separator").join(words[:-1]),
                                                      last=words[-1])

    def tel_href(phone: str) -> str:
        digits = re.sub(r"[^0-9+]", "", phone)
        return "tel:" + digits[0] + digits[1:].replace("+", "") if digits else ""

    def age_range(age_from, age_to) -> str:
        return facets.age_range(texts, age_from, age_to)

    def file_size(size: int) -> str:
        """A file size as a family reads it: "850 KB", "1,2 MB" (decimal units, the language's decimal mark)."""
        if round(size / 1000) < 1000:
            return texts("file_size_kb", size=max(1, round(size / 1000)))
        return texts("file_size_mb", size=f"{size / 1_000_000:.1f}".replace(".", texts("decimal_separator")))

    def name_of_language(code: str) -> str:
        return language_name(code, texts.language)

    def language_names(codes) -> str:
        return texts("list_separator").join(name_of_language(code) for code in codes)

    @jinja2.pass_context
    def structured_data(context, version) -> Markup:
        return jsonld.script_tag(jsonld.offer_data(version, context["catalogue"], name_of_language, names(context)))

    @jinja2.pass_context
    def district_names(context, ids) -> Markup:
        names(context)  # (forgets the lists of another site's names)
        key = tuple(ids)
        if key not in district_lists:
            district_lists[key] = escape(texts("list_separator")).join(district_name(context, district_id)
                                                                       for district_id in ids)
        return district_lists[key]

    def other_languages() -> list[Texts]:
        """The other interface languages' texts, in the language switcher's order."""
        return [other for other in interface_texts if other.language != texts.language]

    # The policy is plain text with quotes, which escaping would turn into entities.
    env.globals["content_security_policy"] = Markup(webserver.content_security_policy(header=False))
    env.globals["search_content_security_policy"] = Markup(webserver.content_security_policy(header=False, wasm=True))
    env.globals.update(
        once=once, other_languages=other_languages, network_graph_markup=network_graph_markup, t=texts, t_de=german,
        t_marked=texts.marked, url=url, site_url=site_url, asset=asset, module_imports=module_imports,
        lang_attrs=lang_attrs, say=say, german=german_text, language_name=name_of_language,
        language_names=language_names, district_names=district_names, structured_data=structured_data, names=names,
        # after a link to a page only in German: „ (auf Deutsch)“ in the page's language
        german_only="" if texts.language == GERMAN else f" ({texts('in_german')})", version_name=version_name,
        hreflang=hreflang, interface_attrs=interface_attrs, offer_path=offer_path, easy_offers=EASY_OFFERS,
        lang=texts.language, dir=texts.direction, age_range=age_range, district_name=district_name,
        route_url=route_url, report_problem_url=report_problem_url, search_filters=search_filters,
        result_facts=result_facts, synonyms_of=synonyms_of, facet_options=facet_options, form_options=form_options,
        heat_map=figures_svg.heat_map, district_map=figures_svg.district_map, feedback_links=feedback_links)
    env.filters.update(markdown=render_markdown, long_date=texts.long_date, event_date=event_date, weekdays=weekdays,
                       tel_href=tel_href, clock=spoken_clock, file_size=file_size, number=german_number,
                       figure=lambda value, decimals=0: local_number(value, texts.language, decimals))
    return env
