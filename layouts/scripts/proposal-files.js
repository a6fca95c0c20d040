// Writing the files: the offer (and a new provider) in the content format, to download, copy or open on GitHub.

import { fill } from "./texts.js";
import { chosen, data, form, NEW_PROVIDER, placeUsed, rows, rules, texts, value } from "./proposal-form.js";
import { clockTime, isoDate, list, scalar } from "./proposal-format.js";

const result = document.getElementById("ergebnis");
const resultStatus = document.getElementById("ergebnis-status");

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

export function showResult() {
  const providerId = value("anbieter") === NEW_PROVIDER ? value("anbieter-kennung") : value("anbieter");
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
