// A result as a card, in this language's page: the offer's title, summary and facts.

import { language } from "./search-page.js";

const siteRoot = new URL("../", import.meta.url).pathname;

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

export function card(data) {
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
