// Turning what people type into what the content format wants (proposal.js writes the files with it).

const PLAIN_ID = /^[a-z][a-z0-9-]*$/;
const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);

export function slug(text) {
  const id = text.toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return id.slice(0, 80).replace(/-+$/, "");
}

// "9.30", "9:30" and "9 Uhr" all mean 09:30 or 09:00; anything else is left for the check to reject.
export function clockTime(text) {
  const match = text.match(/^(\d{1,2})(?:[:.](\d{2}))?(?:\s*uhr)?$/i);
  return match ? `${match[1].padStart(2, "0")}:${match[2] ?? "00"}` : text;
}

// "1.3.2027" as Germans write it, or 2027-03-01; returns "" for anything that is not a real day.
export function isoDate(text) {
  let match = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const [year, month, day] = match ? [match[3], match[2], match[1]] : (text.match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? []).slice(1);
  if (!year) return "";
  const date = new Date(Date.UTC(+year, +month - 1, +day));
  if (date.getUTCMonth() !== +month - 1 || date.getUTCDate() !== +day) return "";
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

export function scalar(text) {
  return PLAIN_ID.test(text) && !YAML_WORDS.has(text) ? text : JSON.stringify(text);
}

export const list = (items) => `[${items.map(scalar).join(", ")}]`;
