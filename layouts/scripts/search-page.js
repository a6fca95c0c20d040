// The search page's parts and texts, for the modules of the search (search.js).

export const form = document.getElementById("suche");
export const results = document.querySelector(".search__results");
export const status = document.getElementById("suche-status");
export const list = document.getElementById("suche-ergebnisse");
export const more = document.querySelector(".search__more");
export const clear = document.querySelector(".search__clear");
export const query = document.getElementById("suche-wort");
export const suggestions = document.querySelector(".search__suggestions");
export const nothing = document.querySelector(".search__nothing");
export const removals = document.querySelector(".search__remove");
export const boxes = [...form.querySelectorAll("input[type=checkbox]")];
export const filterPanel = form.querySelector("details");
export const text = (name) => results.dataset[name];
export const language = results.dataset.language;
