// Checking the form before the files are written: the same limits and patterns as the build's JSON Schemas.

import { fill } from "./texts.js";
import { chosen, NEW_PROVIDER, pattern, placeUsed, rows, rules, texts, value } from "./proposal-form.js";
import { clockTime, isoDate } from "./proposal-format.js";

const ID = /^[a-z0-9][a-z0-9-]{2,79}$/; // a file name as the build's check takes it (check/context.py)
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?\/?>/;

// The ids already taken, fetched when the form is first sent (a large catalogue's list is not small).
let knownIds = { angebote: [], anbieter: [] };
let knownIdsLoaded = null;
export function loadKnownIds() {
  knownIdsLoaded ??= fetch(rules.knownIds)
    .then((response) => (response.ok ? response.json() : knownIds))
    .then((ids) => { knownIds = ids; })
    .catch(() => {}); // without the list the build's check still finds a taken id
  return knownIdsLoaded;
}

export function check() {
  const errors = [];
  const add = (name, key, values) => errors.push({ name, message: fill(texts.errors[key], values) });
  const within = (name, key) => {
    const [min, max] = rules.limits[name];
    const length = [...value(name)].length;
    if (!length) add(name, `${name}_missing`);
    else if (length < min || length > max) add(name, `${name}_length`, { min, max, n: length });
  };
  const formOf = (name, patternName, key) => {
    if (value(name) && !pattern(patternName).test(value(name))) add(name, key);
  };
  const time = (name, missingKey) => {
    const text = clockTime(value(name));
    if (!text) { if (missingKey) add(name, missingKey); return ""; }
    if (!pattern("uhrzeit").test(text)) { add(name, "zeit_form"); return ""; }
    return text;
  };

  within("titel");
  within("kurz");
  const tag = value("beschreibung").match(HTML_TAG);
  if (tag) add("beschreibung", "beschreibung_html", { tag: tag[0] });
  const provider = value("anbieter");
  if (!provider) add("anbieter", "anbieter_missing");
  if (provider === NEW_PROVIDER) {
    const providerId = value("anbieter-kennung");
    if (!value("anbieter-name")) add("anbieter-name", "anbieter_name_missing");
    else if (!providerId) add("anbieter-kennung", "anbieter_kennung_missing");
    else if (!ID.test(providerId)) add("anbieter-kennung", "anbieter_kennung_form");
    else if (knownIds.anbieter.includes(providerId)) add("anbieter-name", "anbieter_name_taken", { id: providerId });
    formOf("anbieter-telefon", "telefon", "telefon_form");
    formOf("anbieter-email", "email", "email_form");
    formOf("anbieter-web", "web", "web_form");
  }
  if (!chosen("lebensphasen").length) add("lebensphasen", "lebensphasen_missing");
  const [minAge, maxAge] = rules.ageLimits;
  const ages = ["alter-von", "alter-bis"].map((name) => {
    if (!value(name)) return null;
    const age = /^\d+$/.test(value(name)) ? Number(value(name)) : NaN;
    if (!(age >= minAge && age <= maxAge)) { add(name, "alter_number", { min: minAge, max: maxAge }); return null; }
    return age;
  });
  if (ages[0] !== null && ages[1] !== null && ages[0] > ages[1]) add("alter-von", "alter_order");
  if (!chosen("themen").length) add("themen", "themen_missing");
  if (!chosen("stadtteile").length) add("stadtteile", "stadtteile_missing");
  if (!chosen("format").length) add("format", "format_missing");
  if (placeUsed() && !value("ort-name")) add("ort-name", "ort_name_missing");
  for (const n of rows("zeiten")) {
    const name = (part) => `zeiten-${n}-${part}`;
    if (!chosen(name("tage")).length && !value(name("von")) && !value(name("bis")) && !value(name("hinweis"))) continue;
    if (!chosen(name("tage")).length) add(name("tage"), "zeit_tage_missing");
    const start = time(name("von"), "zeit_von_missing");
    const end = time(name("bis"), "zeit_bis_missing");
    if (start && end && start >= end) add(name("bis"), "zeit_order");
  }
  for (const n of rows("termine")) {
    const name = (part) => `termine-${n}-${part}`;
    if (!value(name("datum")) && !value(name("von")) && !value(name("bis"))) continue;
    if (!value(name("datum"))) add(name("datum"), "termin_datum_missing");
    else if (!isoDate(value(name("datum")))) add(name("datum"), "datum_form");
    const start = time(name("von"));
    const end = time(name("bis"));
    if (start && end && start >= end) add(name("bis"), "zeit_order");
  }
  if (!chosen("sprachen").length) add("sprachen", "sprachen_missing");
  formOf("kontakt-telefon", "telefon", "telefon_form");
  formOf("kontakt-email", "email", "email_form");
  formOf("kontakt-web", "web", "web_form");
  if (value("gueltig-bis")) {
    const until = isoDate(value("gueltig-bis"));
    if (!until) add("gueltig-bis", "datum_form");
    else if (until < rules.today) add("gueltig-bis", "gueltig_bis_past");
  }
  const id = value("kennung");
  if (!id && !value("titel")) return errors; // the file name comes from the name, which is already asked for
  if (!id) add("kennung", "kennung_missing"); // a title with no letters the form can spell in Latin
  else if (!ID.test(id)) add("kennung", "kennung_form");
  else if (knownIds.angebote.includes(id)) add("kennung", "kennung_taken", { id });
  return errors;
}
