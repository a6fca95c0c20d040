// Search on the search page, on Pagefind's JavaScript API. The page works without this script: its form
// keeps the query in the address and it links to every life phase, topic and district.
// The state lives in the address (?q=…&stadtteil=lintorf), so a search can be shared, bookmarked and restored
// with the back button. Filter values are ids, the same in every language; the checkboxes' labels name them.
//
// One index serves every language. It holds each offer's German page and its translations; the search page
// of a language shows the translation where there is one, otherwise the German page's result linked to the
// page with the facts in this language.

import { counted } from "./texts.js";

const PAGE_SIZE = 20;
const form = document.getElementById("suche");
const results = document.querySelector(".search__results");
const status = document.getElementById("suche-status");
const list = document.getElementById("suche-ergebnisse");
const more = document.querySelector(".search__more");
const clear = document.querySelector(".search__clear");
const query = document.getElementById("suche-wort");
const text = (name) => results.dataset[name];
const language = results.dataset.language;
const siteRoot = new URL("../", import.meta.url).pathname;
const versions = language === "de" ? { fassung: { any: ["de"] } }
  : { fassung: { any: ["de", language] }, uebersetzt: { none: [language] } };

let pagefind = null;
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
  for (const box of form.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ??= []).push(box.value);
  }
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
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = (state.filters[box.name] ?? []).includes(box.value);
  }
  if (Object.keys(state.filters).length) form.querySelector("details").open = true;
}

function isEmpty(state) {
  return !state.q && Object.keys(state.filters).length === 0;
}

function label(name, value) {
  const box = [...form.querySelectorAll("input[type=checkbox]")].find((b) => b.name === name && b.value === value);
  return box ? box.labels[0].textContent.trim() : value;
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

async function showMore() {
  const next = shown.splice(0, PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  list.append(...data.map(card));
  more.hidden = shown.length === 0;
}

async function search(state) {
  const run = ++latest;
  list.replaceChildren();
  more.hidden = true;
  clear.hidden = isEmpty(state);
  if (isEmpty(state)) {
    status.textContent = "";
    return;
  }
  const filters = {
    ...Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }])),
    ...versions,
  };
  const options = state.q ? { filters } : { filters, sort: { titel: "asc" } };
  const found = await pagefind.search(state.q || null, options);
  if (run !== latest) return; // a newer search has started meanwhile
  shown = [...found.results];
  const count = shown.length;
  const chosen = Object.entries(state.filters).flatMap(([name, values]) => values.map((v) => label(name, v)));
  const summary = count === 0 ? text("textNone")
    : counted(JSON.parse(text("textFound")), count);
  status.textContent = chosen.length ? `${summary} ${text("textChosen")} ${chosen.join(", ")}.` : summary;
  await showMore();
}

function submit(event) {
  event?.preventDefault();
  const state = stateFromForm();
  history.pushState(null, "", addressFor(state));
  search(state);
}

async function start() {
  for (const element of document.querySelectorAll("[data-search-only]")) element.hidden = false;
  for (const element of document.querySelectorAll("[data-no-js]")) element.hidden = true;
  status.textContent = text("textLoading");
  try {
    pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
    await pagefind.init();
  } catch (error) {
    status.textContent = text("textError");
    for (const element of document.querySelectorAll("[data-no-js]")) element.hidden = false;
    return;
  }
  status.textContent = "";
  const state = stateFromAddress();
  showState(state);
  search(state);
  form.addEventListener("submit", submit);
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox") submit();
  });
  more.addEventListener("click", showMore);
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
