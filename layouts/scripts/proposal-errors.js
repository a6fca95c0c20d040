// Showing problems: in the summary at the top, and at each field.

import { form, texts } from "./proposal-form.js";

const summary = document.getElementById("vorschlag-fehler");

function fieldParts(name) {
  const wrapper = form.querySelector(`[data-field="${name}"]`);
  const id = `feld-${name}`;
  const group = document.getElementById(id)?.tagName === "FIELDSET";
  return { wrapper, error: document.getElementById(`${id}-fehler`), described: document.getElementById(id),
           target: group ? `${id}-1` : id, group };
}

// Adds or removes a field's error message from what a screen reader reads with it; errorId "" removes all.
export function describedBy(element, errorId, on) {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(" ")
    .filter((x) => x && x !== errorId && (errorId || !x.endsWith("-fehler")));
  if (on) ids.push(errorId);
  if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

export function showErrors(errors) {
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
