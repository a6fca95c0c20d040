// The page „Angebot vorschlagen": checks the form in the browser and writes the offer file (and, for a provider
// not yet in the catalogue, the provider file) in the content format, ready to download, copy or open on GitHub.
// Nothing is sent anywhere. Without this script the page offers the template and the e-mail route instead.
// The limits and patterns come from the build's own JSON Schemas, so a file this form accepts passes `check`.

import { fill } from "./texts.js";
import { check, loadKnownIds } from "./proposal-check.js";
import { describedBy, showErrors } from "./proposal-errors.js";
import { showResult } from "./proposal-files.js";
import { form, NEW_PROVIDER, rows, texts } from "./proposal-form.js";
import { slug } from "./proposal-format.js";

const result = document.getElementById("ergebnis");
const rowStatus = document.getElementById("vorschlag-zeilen");
const newProvider = document.getElementById("neuer-anbieter");
const STORAGE_KEY = "angebot-vorschlagen";

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
                  idEdited: form.elements.kennung.dataset.edited === "true",
                  providerIdEdited: form.elements["anbieter-kennung"].dataset.edited === "true", values: {} };
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
  form.elements["anbieter-kennung"].dataset.edited = String(Boolean(state.providerIdEdited));
}

// The field whose text gives a file name, and that file name's field.
const FILE_NAME_FROM = new Map([["titel", "kennung"], ["anbieter-name", "anbieter-kennung"]]);

// --- wiring --------------------------------------------------------------------------------------------------

function showProviderFields() {
  newProvider.hidden = form.elements.anbieter.value !== NEW_PROVIDER;
}

form.addEventListener("input", (event) => {
  loadKnownIds();
  // The file names follow the names until someone types one (a name in Arabic gives none: the check asks for it).
  const fileName = FILE_NAME_FROM.get(event.target.name);
  if (event.target.name === "kennung" || event.target.name === "anbieter-kennung") event.target.dataset.edited = "true";
  if (fileName && form.elements[fileName].dataset.edited !== "true") {
    form.elements[fileName].value = slug(event.target.value);
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
