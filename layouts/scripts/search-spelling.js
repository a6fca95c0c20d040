// Other queries with the nearest words of the catalogue, for a query that finds nothing or very little
// (spelling.js and the catalogue's words, loaded only then).

import { filterMap } from "./search-address.js";
import { find } from "./search-index.js";

const SUGGESTIONS = 3;
const vocabularyUrl = new URL("../suche/woerter.json", import.meta.url).href;
let vocabulary = null; // a promise, made the first time a query finds little

function loadVocabulary() {
  vocabulary ??= Promise.all([import("./spelling.js"), fetch(vocabularyUrl).then((response) => response.json())])
    .then(([spelling, words]) => new spelling.Vocabulary(words))
    .catch(() => { vocabulary = null; return null; });
  return vocabulary;
}

// Other queries with the nearest words of the catalogue, each with what it finds: with the chosen filters, or,
// when none finds anything with them, without. A word the catalogue does not have is replaced by one it has (even
// where Pagefind found something for it by a similar word); when every word is in the catalogue and the query
// found a little, a near word is suggested only for finding more („Väter“ for „Vater“).
export async function spellingSuggestions(state, count) {
  const words = await loadVocabulary();
  if (!words) return [];
  const unknown = words.corrections(state.q, SUGGESTIONS * 2);
  const corrections = unknown.length ? unknown : words.corrections(state.q, SUGGESTIONS * 2, true);
  const least = unknown.length ? 1 : count + 1;
  for (const filters of Object.keys(state.filters).length ? [state.filters, filterMap()] : [filterMap()]) {
    const tried = await Promise.all(corrections.map(async (q) => ({ state: { q, filters }, count: (await find({ q, filters })).results.length })));
    const useful = tried.filter((suggestion) => suggestion.count >= least).slice(0, SUGGESTIONS);
    if (useful.length) return useful;
  }
  return [];
}
