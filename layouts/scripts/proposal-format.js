// Turning what people type into what the content format wants (proposal.js writes the files with it).

const PLAIN_ID = /^[a-z][a-z0-9-]*$/;
const YAML_WORDS = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n"]);

// Letters of other scripts as Latin letters, so a name in Russian, Ukrainian or Greek still gives a readable file
// name (Семья и дети → semya-i-deti). Ukrainian is told from Russian by its own letters (і ї є ґ), which also
// read г as h and и as y. A script without such a table here (Arabic, Hebrew, Chinese, …) gives no letters:
// the form then asks for the file name (texts: propose_errors, kennung_missing and anbieter_kennung_missing).
const CYRILLIC = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g",
};
const UKRAINIAN = { ...CYRILLIC, г: "h", и: "y" };
const GREEK = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x",
  ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
};
const spelled = (text, table) => [...text].map((c) => (Object.hasOwn(table, c) ? table[c] : c)).join("");

export function slug(text) {
  const lower = text.normalize("NFC").toLowerCase().replace(/['’ʼ`]/g, "")
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  const latin = spelled(lower, /[іїєґ]/.test(lower) ? UKRAINIAN : CYRILLIC)
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ου/g, "ou");
  const id = spelled(latin, GREEK).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
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
