// Pagefind's index: one search with the chosen filters, and how many offers each filter value gives.

import { language, results } from "./search-page.js";
import { filterMap, withoutFilters } from "./search-address.js";

// Which version of an offer each language's page finds. Without translations in the index every page is the German
// one, and no filter need be loaded (21 KB at 10,000 offers).
const versions = !("translations" in results.dataset) ? {}
  : language === "de" ? { fassung: { any: ["de"] } }
  : { fassung: { any: ["de", language] }, uebersetzt: { none: [language] } };

let pagefind = null;
export let allFilters = null; // a promise, made the first time the filters are open

export async function loadIndex() {
  pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
  await pagefind.init();
}

export function find(state, options = {}) {
  const filters = filterMap([
    ...Object.entries(state.filters).map(([name, values]) => [name, { any: values }]), ...Object.entries(versions),
  ]);
  return pagefind.search(state.q || null, { filters, ...options });
}

// How many offers each filter value gives: Pagefind counts each value within the results, which is right for a
// filter none of whose values is chosen; a chosen filter's values are counted without that filter.
// Pagefind loads a filter's values only when a search uses it; the counts need all of them. They are loaded when
// the filters are first open, not for the first search (a few hundred KB at 10,000 offers).
export async function countsFor(state, found) {
  allFilters ??= pagefind.filters();
  await allFilters;
  if (!found) found = await find(state);
  const counts = filterMap(Object.entries(found.filters));
  await Promise.all(Object.keys(state.filters).map(async (name) => {
    counts[name] = (await find(withoutFilters(state, name))).filters[name] ?? {};
  }));
  return counts;
}
