"""The words of the search: the vocabulary the search page suggests spellings from, and the synonyms each
indexed page carries.

Pagefind finds only words as they are written (its issues #45 and #777: no typo tolerance, no synonyms), so
both are ours:

- **Vocabulary.** Every word a family can find something with: the words of each indexed page (title,
  summary, keywords, text; German and the translations into the interface's languages), the names of life
  phases, topics and districts, and the synonyms pages carry. One small file, `suche/woerter.json`, which the
  search page loads only when a query finds nothing or very little, and compares the typed words with
  (layouts/scripts/spelling.js). The words are in the order a suggestion prefers them: those on the most
  pages first.
- **Synonyms** (`synonyme` in site.yaml). A page that uses a word of a group, as a whole word or as part of a
  compound („Waldkita“, „Kitaplatz“), carries the other words of the group as text Pagefind indexes but
  nobody sees or hears (an attribute, see components/search-data), so a search for any word of the group finds
  it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from catalogue.model.catalogue import Catalogue
from catalogue.model.collation import german_sort_key
from catalogue.model.offers import OfferVersion
from catalogue.model.site import Site

VOCABULARY_FILE = "suche/woerter.json"
# Shorter words have so many near neighbours that a suggestion for them would be a guess.
SHORTEST_WORD = 4
# A group's word also counts inside a longer word („Waldkita“, „Kitaplatz“) from this length on; shorter ones
# („Oma“) only as whole words with an ending („Omas“).
SHORTEST_COMPOUND_PART = 4
# German endings after a word: Kita-s, Mütter-n, Kinderärztin-nen.
LONGEST_ENDING = 3

_WORD = re.compile(r"[^\W\d_]+")
# Addresses are not words a family types: link targets in Markdown, web and e-mail addresses.
_NOT_WORDS = re.compile(r"\]\([^)]*\)|<[^>]*>|\b(?:https?://|www\.)\S+|\S+@\S+")


def words(text: str) -> list[str]:
    """The words of a text as written, without addresses and numbers."""
    return _WORD.findall(_NOT_WORDS.sub(" ", text))


def searched_text(version: OfferVersion) -> str:
    """The words of a page the search index holds that a family would type: title, summary, keywords, text."""
    keywords = version.offer.keywords if version.language == "de" else ()
    return "\n".join([version.title.text, version.summary.text, *keywords, version.body.text])


def _uses(group_word: str, page_words: set[str], page_phrase: str) -> bool:
    word = group_word.casefold()
    if " " in word:  # a short expression: its words in a row
        return f" {' '.join(words(word))} " in page_phrase
    if len(word) < SHORTEST_COMPOUND_PART:
        return any(w.startswith(word) and len(w) - len(word) <= LONGEST_ENDING for w in page_words)
    return any(word in w and (w.startswith(word) or len(w) - w.rindex(word) - len(word) <= LONGEST_ENDING)
               for w in page_words)


def synonyms(text: str, groups: Iterable[tuple[str, ...]]) -> list[str]:
    """The words of every group one of whose words the text uses (whole, inflected, or as a compound's first or
    last part), in the order site.yaml gives them, each once."""
    page_words = {w.casefold() for w in words(text)}
    page_phrase = f" {' '.join(w.casefold() for w in words(text))} "
    found: list[str] = []
    for group in groups:
        if any(_uses(word, page_words, page_phrase) for word in group):
            found += [word for word in group if word not in found]
    return found


def site_names(site: Site) -> list[str]:
    """The names of site.yaml a family may search for: life phases, topics, districts."""
    return [*(phase.name for phase in site.life_phases), *site.topics.values(), *site.districts.values()]


def vocabulary(catalogue: Catalogue, languages: list[str]) -> list[str]:
    """The words of every indexed page and of site.yaml's names, each once, in the form written most often
    („Beratung“, not „beratung“), those on the most pages first, then in German alphabetical order."""
    groups = catalogue.site.synonyms
    pages_with = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    texts = [" ".join(site_names(catalogue.site))]
    for offer in catalogue.offers:
        for code in ["de", *(code for code in languages if code in offer.translations)]:
            text = searched_text(offer.version(code))
            texts.append(text + "\n" + " ".join(synonyms(text, groups)))
    for text in texts:
        seen = set()
        for word in words(text):
            if len(word) < SHORTEST_WORD:
                continue
            key = word.casefold()
            forms[key][word] += 1
            seen.add(key)
        pages_with.update(seen)
    written = {key: min(counted, key=lambda form: (-counted[form], form)) for key, counted in forms.items()}
    return sorted(written.values(), key=lambda word: (-pages_with[word.casefold()], german_sort_key(word), word))


def write_vocabulary(catalogue: Catalogue, languages: list[str], output: Path) -> None:
    target = output / VOCABULARY_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(vocabulary(catalogue, languages), ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")
