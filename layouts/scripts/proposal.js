// The page „Angebot vorschlagen": checks the form in the browser and writes the offer file (and, for a provider
// not yet in the catalogue, the provider file) in the content format, ready to download, copy or open on GitHub.
// Nothing is sent anywhere. Without this script the page offers the template and the e-mail route instead.
// The limits and patterns come from the build's own JSON Schemas, so a file this form accepts passes `check`.

import { fill } from "./texts.js";

const data = JSON.parse(document.getElementById("vorschlag-daten").textContent);
const { rules, texts } = data;
const form = document.getElementById("vorschlag");
const summary = document.getElementById("vorschlag-fehler");
const result = document.getElementById("ergebnis");
const resultStatus = document.getElementById("ergebnis-status");
const rowStatus = document.getElementById("vorschlag-zeilen");
const newProvider = document.getElementById("neuer-anbieter");
const NEW_PROVIDER = "+neu";
const STORAGE_KEY = "angebot-vorschlagen";
const PLAIN_ID = /^[a-z][a-z0-9-]*$/;
const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?\/?>/;

const value = (name) => (form.elements[name]?.value ?? "").trim();
const chosen = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
const rows = (kind) => [...form.querySelectorAll(`[data-repeat="${kind}"]`)].map((row) => row.dataset.number);
const pattern = (name) => new RegExp(rules.patterns[name]);

// The ids already taken, fetched when the form is first sent (a large catalogue's list is not small).
let knownIds = { angebote: [], anbieter: [] };
let knownIdsLoaded = null;
function loadKnownIds() {
  knownIdsLoaded ??= fetch(rules.knownIds)
    .then((response) => (response.ok ? response.json() : knownIds))
    .then((ids) => { knownIds = ids; })
    .catch(() => {}); // without the list the build's check still finds a taken id
  return knownIdsLoaded;
}

// --- turning what people type into what the content format wants ---------------------------------------------

function slug(text) {
  const id = text.toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return id.slice(0, 80).replace(/-+$/, "");
}

// "9.30", "9:30" and "9 Uhr" all mean 09:30 or 09:00; anything else is left for the check to reject.
function clockTime(text) {
  const match = text.match(/^(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?$/i);
  return match ? `${match[1].padStart(2, "0")}:${match[2] ?? "00"}` : text;
}

// "1.3.2027" as Germans write it, or 2027-03-01; returns "" for anything that is not a real day.
function isoDate(text) {
  let match = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const [year, month, day] = match ? [match[3], match[2], match[1]] : (text.match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? []).slice(1);
  if (!year) return "";
  const date = new Date(Date.UTC(+year, +month - 1, +day));
  if (date.getUTCMonth() !== +month - 1 || date.getUTCDate() !== +day) return "";
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function scalar(text) {
  return PLAIN_ID.test(text) && !YAML_WORDS.has(text) ? text : JSON.stringify(text);
}

const list = (items) => `[${items.map(scalar).join(", ")}]`;

// --- checking ------------------------------------------------------------------------------------------------

function check() {
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
    if (!value("anbieter-name")) add("anbieter-name", "anbieter_name_missing");
    else if (knownIds.anbieter.includes(slug(value("anbieter-name")))) {
      add("anbieter-name", "anbieter_name_taken", { id: slug(value("anbieter-name")) });
    }
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
  if (!/^[a-z0-9][a-z0-9-]{2,79}$/.test(id)) add("kennung", "kennung_form");
  else if (knownIds.angebote.includes(id)) add("kennung", "kennung_taken", { id });
  return errors;
}

// The town is filled in beforehand, so a place counts as given only when something else about it is.
function placeUsed() {
  return ["ort-name", "ort-strasse", "ort-plz", "ort-hinweis"].some((name) => value(name));
}

// --- showing problems: in the summary at the top, and at each field ------------------------------------------

function fieldParts(name) {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  const id = `feld-${name}`;
  const group = document.getElementById(id)?.tagName === "FIELDSET";
  return { wrapper, error: document.getElementById(`${id}-fehler`), described: document.getElementById(id),
           target: group ? `${id}-1` : id, group };
}

// Adds or removes a field's error message from what a screen reader reads with it; errorId "" removes all.
function describedBy(element, errorId, on) {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(" ")
    .filter((x) => x && x !== errorId && (errorId || !x.endsWith("-fehler")));
  if (on) ids.push(errorId);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

function showErrors(errors) {
  for (const wrapper of form.querySelectorAll(".field--error")) {
    const { error, described } = fieldParts(wrapper.dataset.field);
    wrapper.classList.remove("field--error");
    error.hidden = true;
    error.textContent = "";
    describedBy(described, error.id, false);
    described.removeAttribute("aria-invalid");
  }
  const items = summary.querySelector("ul");
  items.replaceChildren();
  const shown = new Set();
  for (const { name, message } of errors) {
    const { wrapper, error, described, target, group } = fieldParts(name);
    const link = document.createElement("a");
    link.href = `#${target}`;
    link.textContent = message;
    const item = document.createElement("li");
    item.append(link);
    items.append(item);
    if (shown.has(name)) continue; // one message at a field; the summary lists them all
    shown.add(name);
    wrapper.classList.add("field--error");
    const prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = `${texts.errorPrefix} `;
    error.replaceChildren(prefix, message);
    error.hidden = false;
    describedBy(described, error.id, true);
    if (!group) described.setAttribute("aria-invalid", "true");
  }
  summary.hidden = errors.length === 0;
  if (errors.length) summary.focus();
}

// A link in the summary puts the cursor into the field and shows its label or question above it.
summary.addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link) return;
  const input = document.getElementById(link.hash.slice(1));
  if (!input) return;
  event.preventDefault();
  const question = input.closest("fieldset")?.querySelector("legend") ?? form.querySelector(`label[for="${input.id}"]`);
  (question ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
});

// --- writing the files ---------------------------------------------------------------------------------------

function offerFile(providerId) {
  const lines = ["---", `# yaml-language-server: $schema=${rules.schema}`];
  const text = (key, name) => { if (value(name)) lines.push(`${key}: ${scalar(value(name))}`); };
  text("titel", "titel");
  text("kurz", "kurz");
  lines.push(`anbieter: ${scalar(providerId)}`);
  lines.push(`themen: ${list(chosen("themen"))}`);
  lines.push(`lebensphasen: ${list(chosen("lebensphasen"))}`);
  lines.push(`stadtteile: ${list(chosen("stadtteile"))}`);
  if (value("alter-von") || value("alter-bis")) {
    lines.push("alter:");
    if (value("alter-von")) lines.push(`  von: ${Number(value("alter-von"))}`);
    if (value("alter-bis")) lines.push(`  bis: ${Number(value("alter-bis"))}`);
  }
  if (value("kostenlos")) lines.push(`kostenlos: ${value("kostenlos")}`);
  text("kosten", "kosten");
  text("anmeldung", "anmeldung");
  lines.push(`sprachen: ${list(chosen("sprachen"))}`);
  if (chosen("barrierefreiheit").length) lines.push(`barrierefreiheit: ${list(chosen("barrierefreiheit"))}`);
  lines.push(`format: ${list(chosen("format"))}`);
  if (placeUsed()) {
    lines.push("orte:", `  - name: ${scalar(value("ort-name"))}`);
    for (const [key, name] of [["strasse", "ort-strasse"], ["plz", "ort-plz"], ["ort", "ort-ort"], ["hinweis", "ort-hinweis"]]) {
      if (value(name)) lines.push(`    ${key}: ${JSON.stringify(value(name))}`);
    }
  }
  const times = rows("zeiten").filter((n) => chosen(`zeiten-${n}-tage`).length);
  if (times.length) lines.push("zeiten:");
  for (const n of times) {
    lines.push(`  - tage: ${list(chosen(`zeiten-${n}-tage`))}`,
               `    von: "${clockTime(value(`zeiten-${n}-von`))}"`, `    bis: "${clockTime(value(`zeiten-${n}-bis`))}"`);
    if (value(`zeiten-${n}-hinweis`)) lines.push(`    hinweis: ${JSON.stringify(value(`zeiten-${n}-hinweis`))}`);
  }
  const events = rows("termine").filter((n) => value(`termine-${n}-datum`));
  if (events.length) lines.push("termine:");
  for (const n of events) {
    lines.push(`  - datum: ${isoDate(value(`termine-${n}-datum`))}`);
    for (const part of ["von", "bis"]) {
      if (value(`termine-${n}-${part}`)) lines.push(`    ${part}: "${clockTime(value(`termine-${n}-${part}`))}"`);
    }
  }
  const contact = ["name", "telefon", "email", "web"].filter((key) => value(`kontakt-${key}`));
  if (contact.length) lines.push("kontakt:");
  for (const key of contact) lines.push(`  ${key}: ${JSON.stringify(value(`kontakt-${key}`))}`);
  const keywords = [...new Set(value("schlagworte").split(",").map((word) => word.trim()).filter(Boolean))];
  if (keywords.length) lines.push(`schlagworte: [${keywords.map((word) => JSON.stringify(word)).join(", ")}]`);
  if (value("gueltig-bis")) lines.push(`gueltig_bis: ${isoDate(value("gueltig-bis"))}`);
  lines.push(`stand: ${rules.today}`, "---");
  const body = form.elements.beschreibung.value.replace(/\r\n?/g, "\n").trim();
  return `${lines.join("\n")}\n${body ? `${body}\n` : ""}`;
}

function providerFile() {
  const lines = ["---", `# yaml-language-server: $schema=${rules.providerSchema}`,
                 `name: ${JSON.stringify(value("anbieter-name"))}`];
  for (const key of ["art", "adresse", "telefon", "email", "web"]) {
    if (value(`anbieter-${key}`)) lines.push(`${key}: ${JSON.stringify(value(`anbieter-${key}`))}`);
  }
  lines.push(`stand: ${rules.today}`, "---");
  return `${lines.join("\n")}\n`;
}

function showFile(kind, file) {
  const box = result.querySelector(`[data-file="${kind}"]`);
  box.hidden = !file;
  if (!file) return;
  const output = box.querySelector("textarea");
  output.value = file.text;
  box.querySelector("[data-file-label]").textContent = fill(texts.fileContent, { path: `${kind}/${file.name}` });
  const download = box.querySelector("[data-download]");
  if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([file.text], { type: "text/markdown;charset=utf-8" }));
  download.download = file.name;
  download.textContent = fill(texts.download, { file: file.name });
  const base = kind === "anbieter" ? rules.providerFileUrl : rules.newFileUrl;
  const repository = box.querySelector("[data-repository]");
  repository.hidden = !base;
  if (base) {
    const link = repository.querySelector("a");
    link.href = `${base}?filename=${encodeURIComponent(file.name)}&value=${encodeURIComponent(file.text)}`;
    link.textContent = fill(texts.repository, { path: `${kind}/${file.name}` });
  }
}

function showResult() {
  const providerId = value("anbieter") === NEW_PROVIDER ? slug(value("anbieter-name")) : value("anbieter");
  showFile("angebote", { name: `${value("kennung")}.md`, text: offerFile(providerId) });
  showFile("anbieter", value("anbieter") === NEW_PROVIDER ? { name: `${providerId}.md`, text: providerFile() } : null);
  const mail = result.querySelector("[data-mail]");
  if (mail) mail.href = `mailto:${data.email}?subject=${encodeURIComponent(fill(texts.emailSubject, { title: value("titel") }))}`;
  resultStatus.textContent = "";
  result.hidden = false;
  result.focus();
}

result.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const output = button.closest("[data-file]").querySelector("textarea");
  try {
    await navigator.clipboard.writeText(output.value);
    resultStatus.textContent = texts.copied;
  } catch {
    output.focus();
    output.select();
    resultStatus.textContent = texts.copyFailed;
  }
});

// --- more regular times and dates ----------------------------------------------------------------------------

function addRow(kind, focus = true) {
  const first = form.querySelector(`[data-repeat="${kind}"][data-number="1"]`);
  const number = rows(kind).length + 1;
  const row = first.cloneNode(true);
  row.dataset.number = number;
  const from = `${kind}-1-`;
  const to = `${kind}-${number}-`;
  for (const element of row.querySelectorAll("[id], [for], [name], [aria-describedby], [data-field]")) {
    for (const attribute of ["id", "for", "name", "aria-describedby", "data-field"]) {
      const old = element.getAttribute(attribute);
      if (old) element.setAttribute(attribute, old.replaceAll(from, to));
    }
    if (element.hasAttribute("aria-describedby")) describedBy(element, "", false);
  }
  for (const input of row.querySelectorAll("input")) {
    if (input.type === "checkbox") input.checked = false;
    else input.value = "";
    input.removeAttribute("aria-invalid");
  }
  for (const wrapper of row.querySelectorAll(".field--error")) wrapper.classList.remove("field--error");
  for (const error of row.querySelectorAll(".field__error")) {
    error.hidden = true;
    error.textContent = "";
  }
  row.querySelector("legend").textContent = fill(texts[kind], { number });
  form.querySelector(`[data-rows="${kind}"]`).append(row);
  if (focus) {
    rowStatus.textContent = fill(texts[`${kind}Added`], { number });
    row.querySelector("input").focus();
  }
}

form.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add]");
  if (button) addRow(button.dataset.add);
});

// --- keeping what was typed when the page is reloaded or left and come back to -------------------------------

function save() {
  const state = { rows: { zeiten: rows("zeiten").length, termine: rows("termine").length },
                  idEdited: form.elements.kennung.dataset.edited === "true", values: {} };
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox" || element.type === "radio") {
      state.values[element.name] ??= [];
      if (element.checked) state.values[element.name].push(element.value);
    } else {
      state.values[element.name] = element.value;
    }
  }
  try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch { /* storage off: nothing kept */ }
}

function restore() {
  let state = null;
  try { state = JSON.parse(sessionStorage.getItem(STORAGE_KEY)); } catch { return; }
  if (!state) return;
  for (const kind of ["zeiten", "termine"]) {
    while (rows(kind).length < (state.rows?.[kind] ?? 1)) addRow(kind, false);
  }
  for (const element of form.elements) {
    if (!element.name || !(element.name in state.values)) continue;
    const saved = state.values[element.name];
    if (element.type === "checkbox" || element.type === "radio") element.checked = saved.includes(element.value);
    else element.value = saved;
  }
  form.elements.kennung.dataset.edited = String(Boolean(state.idEdited));
}

// --- wiring --------------------------------------------------------------------------------------------------

function showProviderFields() {
  newProvider.hidden = form.elements.anbieter.value !== NEW_PROVIDER;
}

form.addEventListener("input", (event) => {
  loadKnownIds();
  if (event.target.name === "kennung") event.target.dataset.edited = "true";
  if (event.target.name === "titel" && form.elements.kennung.dataset.edited !== "true") {
    form.elements.kennung.value = slug(event.target.value);
  }
  save();
});
form.addEventListener("change", () => { showProviderFields(); save(); });
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  await loadKnownIds();
  const errors = check();
  showErrors(errors);
  if (errors.length) result.hidden = true;
  else showResult();
  form.dataset.checked = String(Number(form.dataset.checked ?? 0) + 1); // for tests: this sending is answered
});

restore();
showProviderFields();
for (const element of document.querySelectorAll("[data-proposal-only]")) element.hidden = false;
for (const element of document.querySelectorAll("[data-no-js]")) element.hidden = true;
