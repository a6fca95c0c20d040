// „Nichts Passendes gefunden?“ under a search that finds three offers or fewer: the links to write to the city,
// with what was searched (the words and the chosen filters by the names the page shows) and the page's address.
// The mail link opens the reader's own mail program, where they read and change everything before sending;
// the form link (feedback.url in site.yaml) carries the same facts as parameters. Nothing is sent from here.
// The same texts and encoding as the pages built in Python (catalogue/render/feedback.py): subject and body
// percent-encoded with encodeURIComponent (RFC 6068), line breaks as CRLF.

import { fill } from "./texts.js";
import { addressFor, isEmpty, label } from "./search-address.js";

export const FEW = 3; // this many offers or fewer, and the page asks what was missing

const section = document.querySelector("[data-feedback]");

// The words and the chosen filters, as one line: „Hebamme (Lintorf, kostenlos)“.
function searched(state, separator) {
  const chosen = Object.entries(state.filters).flatMap(([name, values]) => values.map((v) => label(name, v)));
  if (!chosen.length) return state.q;
  return state.q ? `${state.q} (${chosen.join(separator)})` : chosen.join(separator);
}

function mailHref(data, what, page) {
  const subject = what ? fill(data.textSubjectAbout, { about: what }) : data.textSubject;
  const lines = [data.textIntro, ""];
  if (what) lines.push(fill(data.textSearch, { query: what }));
  lines.push(fill(data.textPage, { url: page }), "", data.textMissing, "", "");
  return `mailto:${data.address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(lines.join("\r\n"))}`;
}

function formHref(base, what, page) {
  // a Map, never an object: the names are ours, the values the reader's words
  const values = new Map([["suche", what], ["seite", page]]);
  const query = [...values].filter(([, value]) => value)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  return base + (base.includes("?") ? "&" : "?") + query;
}

export function showFeedback(state, count, separator) {
  if (!section) return;
  section.hidden = isEmpty(state) || count > FEW;
  if (section.hidden) return;
  const data = section.dataset;
  const what = searched(state, separator);
  const address = addressFor(state);
  const page = data.page + (address.startsWith("?") ? address : "");
  const mail = section.querySelector(".feedback-invitation__mail");
  if (mail) mail.href = mailHref(data, what, page);
  const form = section.querySelector(".feedback-invitation__form");
  if (form) form.href = formHref(data.form, what, page);
}
