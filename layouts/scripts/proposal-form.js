// The proposal form and what it holds, for the modules of the page „Angebot vorschlagen" (proposal.js).

export const data = JSON.parse(document.getElementById("vorschlag-daten").textContent);
export const { rules, texts } = data;
export const form = document.getElementById("vorschlag");
export const NEW_PROVIDER = "+neu";

export const value = (name) => (form.elements[name]?.value ?? "").trim();
export const chosen = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
export const rows = (kind) => [...form.querySelectorAll(`[data-repeat="${kind}"]`)].map((row) => row.dataset.number);
export const pattern = (name) => new RegExp(rules.patterns[name]);

// The town is filled in beforehand, so a place counts as given only when something else about it is.
export function placeUsed() {
  return ["ort-name", "ort-strasse", "ort-plz", "ort-hinweis"].some((name) => value(name));
}
