// Search on the search page, on Pagefind's JavaScript API. The page works without this script: its form
// keeps the query in the address and it links to every life phase, topic and district.
// The state lives in the address (?q=…&stadtteil=lintorf), so a search can be shared, bookmarked and restored
// with the back button. Filter values are ids, the same in every language; the checkboxes' labels name them.
//
// One index serves every language. It holds each offer's German page and its translations; the search page
// of a language shows the translation where there is one, otherwise the German page's result linked to the
// page with the facts in this language.
//
// Every filter value says how many offers it gives with the query and the other filters (its own filter's
// other values left out, as they widen the search). When a query finds nothing or very little, the page
// suggests the nearest words of the catalogue (spelling.js, loaded only then); when it finds nothing, it also
// offers each chosen filter's removal with what that would give, the browsing pages and the help lines. The
// status line is the one live region: the number found is said once, the counts change silently.

import { counted, fill } from "./texts.js";

const PAGE_SIZE = 20;
const FEW_RESULTS = 3; // fewer than this, and the page looks for misspellings
const SUGGESTIONS = 3;
const form = document.getElementById("suche");
const results = document.querySelector(".search__results");
const status = document.getElementById("suche-status");
const list = document.getElementById("suche-ergebnisse");
const more = document.querySelector(".search__more");
const clear = document.querySelector(".search__clear");
const query = document.getElementById("suche-wort");
const suggestions = document.querySelector(".search__suggestions");
const nothing = document.querySelector(".search__nothing");
const removals = document.querySelector(".search__remove");
const boxes = [...form.querySelectorAll("input[type=checkbox]")];
const filterPanel = form.querySelector("details");
const text = (name) => results.dataset[name];
const language = results.dataset.language;
const siteRoot = new URL("../", import.meta.url).pathname;
const vocabularyUrl = new URL("../suche/woerter.json", import.meta.url).href;
// Which version of an offer each language's page finds. Without translations in the index every page is the German
// one, and no filter need be loaded (21 KB at 10,000 offers).
const versions = !("translations" in results.dataset) ? {}
  : language === "de" ? { fassung: { any: ["de"] } }
  : { fassung: { any: ["de", language] }, uebersetzt: { none: [language] } };

let pagefind = null;
let vocabulary = null; // a promise, made the first time a query finds little
let allFilters = null; // a promise, made the first time the filters are open
let shown = [];
let latest = 0;

function stateFromAddress() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name, value] of params) {
    if (name !== "q" && value) (filters[name] ??= []).push(value);
  }
  return { q: params.get("q") ?? "", filters };
}

function stateFromForm() {
  const filters = {};
  for (const box of boxes.filter((b) => b.checked)) (filters[box.name] ??= []).push(box.value);
  return { q: query.value.trim(), filters };
}

function addressFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [name, values] of Object.entries(state.filters)) values.forEach((v) => params.append(name, v));
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
}

function showState(state) {
  query.value = state.q;
  for (const box of boxes) box.checked = (state.filters[box.name] ?? []).includes(box.value);
  if (Object.keys(state.filters).length) filterPanel.open = true;
}

function isEmpty(state) {
  return !state.q && Object.keys(state.filters).length === 0;
}

function label(name, value) {
  const box = boxes.find((b) => b.name === name && b.value === value);
  return box ? box.labels[0].querySelector(".search__option-name").textContent.trim() : value;
}

function withoutFilter(state, name, value) {
  const filters = { ...state.filters, [name]: state.filters[name].filter((v) => v !== value) };
  if (filters[name].length === 0) delete filters[name];
  return { q: state.q, filters };
}

function withoutFilters(state, name) {
  const filters = { ...state.filters };
  delete filters[name];
  return { q: state.q, filters };
}

function find(state, options = {}) {
  const filters = {
    ...Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }])),
    ...versions,
  };
  return pagefind.search(state.q || null, { filters, ...options });
}

// A German page's result leads to the same offer's page in this language: its facts in this language.
function pageInThisLanguage(data) {
  if (data.meta.sprache !== "de" || language === "de" || !data.url.startsWith(siteRoot)) return data.url;
  return `${siteRoot}${language}/${data.url.slice(siteRoot.length)}`;
}

function inItsLanguage(element, data) {
  if (data.meta.sprache && data.meta.sprache !== language) {
    element.lang = data.meta.sprache;
    element.dir = "auto";
  }
  return element;
}

function card(data) {
  const item = document.createElement("li");
  item.className = "offer-card";
  const heading = document.createElement("h2");
  heading.className = "offer-card__title";
  const link = inItsLanguage(document.createElement("a"), data);
  link.href = pageInThisLanguage(data);
  link.textContent = data.meta.title;
  heading.append(link);
  const summary = inItsLanguage(document.createElement("p"), data);
  summary.className = "offer-card__summary";
  summary.textContent = data.meta.kurz ?? "";
  const facts = document.createElement("p");
  facts.className = "offer-card__facts";
  facts.textContent = data.meta[`fakten_${language}`] ?? "";
  item.append(heading, summary, facts);
  return item;
}

// The next page of results, made but not yet shown: search() shows them with everything else in one go.
async function nextCards() {
  const next = shown.splice(0, PAGE_SIZE);
  return (await Promise.all(next.map((result) => result.data()))).map(card);
}

function showCards(cards) {
  list.append(...cards);
  more.hidden = shown.length === 0;
}

async function showMore() {
  showCards(await nextCards());
}

// How many offers each filter value gives: Pagefind counts each value within the results, which is right for a
// filter none of whose values is chosen; a chosen filter's values are counted without that filter.
// Pagefind loads a filter's values only when a search uses it; the counts need all of them. They are loaded when
// the filters are first open, not for the first search (a few hundred KB at 10,000 offers).
async function countsFor(state, found) {
  allFilters ??= pagefind.filters();
  await allFilters;
  if (!found) found = await find(state);
  const counts = { ...found.filters };
  await Promise.all(Object.keys(state.filters).map(async (name) => {
    counts[name] = (await find(withoutFilters(state, name))).filters[name] ?? {};
  }));
  return counts;
}

function showCounts(counts) {
  for (const box of boxes) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.labels[0].querySelector(".search__count").textContent = fill(text("textCount"), { count });
    box.closest(".search__option").classList.toggle("search__option--none", count === 0);
  }
}

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
async function spellingSuggestions(state, count) {
  const words = await loadVocabulary();
  if (!words) return [];
  const unknown = words.corrections(state.q, SUGGESTIONS * 2);
  const corrections = unknown.length ? unknown : words.corrections(state.q, SUGGESTIONS * 2, true);
  const least = unknown.length ? 1 : count + 1;
  for (const filters of Object.keys(state.filters).length ? [state.filters, {}] : [{}]) {
    const tried = await Promise.all(corrections.map(async (q) => ({ state: { q, filters }, count: (await find({ q, filters })).results.length })));
    const useful = tried.filter((suggestion) => suggestion.count >= least).slice(0, SUGGESTIONS);
    if (useful.length) return useful;
  }
  return [];
}

// A link to another search that runs it here, as the back button and a shared address would.
function searchLink(state, content) {
  const link = document.createElement("a");
  link.href = addressFor(state);
  link.append(...content);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState(null, "", addressFor(state));
    showState(state);
    search(state);
    query.focus();
  });
  const item = document.createElement("li");
  item.append(link);
  return item;
}

function offers(count) {
  return counted(JSON.parse(text("textOffers")), count);
}

function showSuggestions(found) {
  suggestions.querySelector("ul").replaceChildren(...found.map(({ state, count }) => {
    const word = document.createElement("span");
    word.textContent = state.q;
    const number = document.createElement("span");
    number.className = "search__count";
    number.textContent = ` ${fill(text("textCount"), { count })}`;
    return searchLink(state, [word, number]);
  }));
  suggestions.hidden = found.length === 0;
}

async function showRemovals(state) {
  const chosen = Object.entries(state.filters).flatMap(([name, values]) => values.map((value) => [name, value]));
  const items = await Promise.all(chosen.map(async ([name, value]) => {
    const wider = withoutFilter(state, name, value);
    const count = isEmpty(wider) ? null : (await find(wider)).results.length;
    const words = count === null ? label(name, value)
      : fill(text("textRemove"), { name: label(name, value), offers: offers(count) });
    return searchLink(wider, [words]);
  }));
  removals.querySelector("ul").replaceChildren(...items);
  removals.hidden = items.length === 0;
}

async function search(state) {
  const run = ++latest;
  results.setAttribute("aria-busy", "true");
  list.replaceChildren();
  more.hidden = true;
  const found = await find(state, state.q ? {} : { sort: { titel: "asc" } });
  const counts = filterPanel.open ? await countsFor(state, allFilters ? found : null) : null;
  if (run !== latest) return; // a newer search has started meanwhile
  const count = isEmpty(state) ? 0 : found.results.length;
  const spelling = state.q && count < FEW_RESULTS ? await spellingSuggestions(state, count) : [];
  if (!isEmpty(state) && count === 0) await showRemovals(state);
  if (run !== latest) return;
  shown = isEmpty(state) ? [] : [...found.results];
  const cards = await nextCards();
  if (run !== latest) return;
  // all at once, without waiting in between: a status line that grows after the suggestions are shown would
  // push them down (a layout shift)
  if (counts) showCounts(counts);
  showSuggestions(spelling);
  clear.hidden = isEmpty(state);
  nothing.hidden = isEmpty(state) || count > 0;
  showCards(cards);
  status.textContent = isEmpty(state) ? "" : statusText(state, count, spelling);
  results.removeAttribute("aria-busy");
}

function statusText(state, count, spelling) {
  const chosen = Object.entries(state.filters).flatMap(([name, values]) => values.map((v) => label(name, v)));
  const parts = [count === 0 ? text("textNone") : counted(JSON.parse(text("textFound")), count)];
  if (chosen.length) parts.push(`${text("textChosen")} ${chosen.join(text("textSeparator"))}.`);
  if (spelling.length) {
    const words = spelling.map(({ state: suggested }) => fill(text("textQuoted"), { word: suggested.q }));
    parts.push(fill(text("textDidYouMean"), { words: words.join(text("textSeparator")) }));
  }
  return parts.join(" ");
}

function submit(event) {
  event?.preventDefault();
  const state = stateFromForm();
  history.pushState(null, "", addressFor(state));
  search(state);
}

async function start() {
  // Browsers without the CSS media feature „scripting“ (search.css) show both until now.
  for (const element of document.querySelectorAll("[data-no-js]")) element.hidden = true;
  const state = stateFromAddress();
  showState(state);
  status.textContent = text("textLoading");
  try {
    pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
    await pagefind.init();
  } catch (error) {
    status.textContent = text("textError");
    for (const element of document.querySelectorAll("[data-no-js]")) {
      element.hidden = false;
      element.dataset.shown = "";
    }
    return;
  }
  if (isEmpty(state)) status.textContent = "";
  search(state);
  form.addEventListener("submit", submit);
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") submit();
  });
  more.addEventListener("click", showMore);
  filterPanel.addEventListener("toggle", async () => {
    if (!filterPanel.open) return;
    const run = latest;
    const counts = await countsFor(stateFromAddress());
    if (run === latest) showCounts(counts);
  });
  clear.querySelector("a").addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    submit();
    query.focus();
  });
  window.addEventListener("popstate", () => {
    const restored = stateFromAddress();
    showState(restored);
    search(restored);
  });
}

start();
