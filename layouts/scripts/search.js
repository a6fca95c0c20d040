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
// offers each chosen filter's removal with what that would give, the browsing pages and the help lines; with
// three offers or fewer, it asks the reader to tell the city what was missing (search-feedback.js). The
// status line is the one live region: the number found is said once, the counts change silently.

import { counted, fill } from "./texts.js";
import { addressFor, isEmpty, label, showState, stateFromAddress, stateFromForm, withoutFilter } from "./search-address.js";
import { card } from "./search-cards.js";
import { showFeedback } from "./search-feedback.js";
import { allFilters, countsFor, find, loadIndex } from "./search-index.js";
import { boxes, clear, filterPanel, form, list, more, nothing, query, removals, results, status, suggestions, text }
  from "./search-page.js";
import { spellingSuggestions } from "./search-spelling.js";

const PAGE_SIZE = 20;
const FEW_RESULTS = 3; // fewer than this, and the page looks for misspellings

let shown = [];
let latest = 0;

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

function showCounts(counts) {
  for (const box of boxes) {
    const count = counts[box.name]?.[box.value] ?? 0;
    box.labels[0].querySelector(".search__count").textContent = fill(text("textCount"), { count });
    box.closest(".search__option").classList.toggle("search__option--none", count === 0);
  }
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
  showFeedback(state, count, text("textSeparator"));
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
    await loadIndex();
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
