// A search's state (its query and chosen filters) in the address, where it can be shared, bookmarked and restored
// with the back button, and in the form.
//
// Anyone can craft an address: its parameter names (__proto__, constructor, toString) are never keys of an object
// with a prototype. The filters are kept in prototype-less objects (filterMap), and only the names of the page's
// own filters are taken from the address; any other parameter (utm_source=…) is left alone.

import { boxes, filterPanel, query } from "./search-page.js";

// An object without a prototype, holding only what it is given: filters[name] is never something inherited.
export const filterMap = (entries = []) => Object.assign(Object.create(null), Object.fromEntries(entries));

export function stateFromAddress() {
  const params = new URLSearchParams(location.search);
  const names = new Set(boxes.map((box) => box.name));
  const filters = filterMap();
  for (const [name, value] of params) {
    if (names.has(name) && value) (filters[name] ??= []).push(value);
  }
  return { q: params.get("q") ?? "", filters };
}

export function stateFromForm() {
  const filters = filterMap();
  for (const box of boxes.filter((b) => b.checked)) (filters[box.name] ??= []).push(box.value);
  return { q: query.value.trim(), filters };
}

export function addressFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [name, values] of Object.entries(state.filters)) values.forEach((v) => params.append(name, v));
  const search = params.toString();
  return search ? `?${search}` : location.pathname;
}

export function showState(state) {
  query.value = state.q;
  for (const box of boxes) box.checked = (state.filters[box.name] ?? []).includes(box.value);
  if (Object.keys(state.filters).length) filterPanel.open = true;
}

export function isEmpty(state) {
  return !state.q && Object.keys(state.filters).length === 0;
}

export function label(name, value) {
  const box = boxes.find((b) => b.name === name && b.value === value);
  return box ? box.labels[0].querySelector(".search__option-name").textContent.trim() : value;
}

export function withoutFilter(state, name, value) {
  const filters = filterMap(Object.entries(state.filters));
  filters[name] = (state.filters[name] ?? []).filter((v) => v !== value);
  if (filters[name].length === 0) delete filters[name];
  return { q: state.q, filters };
}

export function withoutFilters(state, name) {
  const filters = filterMap(Object.entries(state.filters));
  delete filters[name];
  return { q: state.q, filters };
}
