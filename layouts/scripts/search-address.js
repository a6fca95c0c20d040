// A search's state (its query and chosen filters) in the address, where it can be shared, bookmarked and restored
// with the back button, and in the form.

import { boxes, filterPanel, query } from "./search-page.js";

export function stateFromAddress() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name, value] of params) {
    if (name !== "q" && value) (filters[name] ??= []).push(value);
  }
  return { q: params.get("q") ?? "", filters };
}

export function stateFromForm() {
  const filters = {};
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
  const filters = { ...state.filters, [name]: state.filters[name].filter((v) => v !== value) };
  if (filters[name].length === 0) delete filters[name];
  return { q: state.q, filters };
}

export function withoutFilters(state, name) {
  const filters = { ...state.filters };
  delete filters[name];
  return { q: state.q, filters };
}
