// Spelling suggestions for the search page: the words of the catalogue nearest to what a family typed.
// Pagefind finds only words as written, and only from their start, so „Jugentreff“, „Krabelgruppe“ or
// „Madchen“ find nothing. The build writes every word a search can find (catalogue/model/search_words.py,
// suche/woerter.json, the most used first); search.js loads this module and that file only when a query finds
// nothing or very little.
//
// Near means: few letters added, left out, changed or swapped (edit distance with transpositions), wherever
// in the word, after folding case, accents and umlauts (ä as a and as ae, ß as ss). A typed word also counts
// as near to a compound it is the start or end of („Grupe“ → „Krabbelgruppe“), and a typed compound to a
// word it ends or starts with („Kinderschwimmkurs“ → „Schwimmkurs“); both rank behind whole words.

const SHORTEST_WORD = 4; // as search_words.SHORTEST_WORD: shorter words are left as typed
const LONGEST_ENDING = 3; // a known word with an ending („Familien“ for „Familie“) is not misspelt
const COMPOUND_PENALTY = 1.5; // a part of a compound ranks behind a whole word with one mistake

// How many mistakes a word of this length may have: one in a short word, up to three in a long one.
const allowedMistakes = (length) => (length <= 5 ? 1 : length <= 10 ? 2 : 3);

// Lower case without accents or dots: „Väter“ → „vater“, „Straße“ → „strasse“, „Çocuk“ → „cocuk“.
export function folded(word) {
  return word.toLocaleLowerCase().replace(/ß/g, "ss").replace(/ı/g, "i").normalize("NFD").replace(/\p{M}/gu, "");
}

// The same, with ae, oe and ue read as the umlauts they stand for („Maedchen“ = „Mädchen“).
const withoutDigraphs = (word) => word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");

// Edit distance with transpositions of neighbours (optimal string alignment), or limit + 1 once it is larger.
export function distance(a, b, limit) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= y.length; j++) {
      let cost = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
      row.push(cost);
      smallest = Math.min(smallest, cost);
    }
    if (smallest > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[y.length];
}

export class Vocabulary {
  // words: as written, the most used first (the file's order is the rank among equally near words)
  constructor(words) {
    this.entries = words.map((word, rank) => {
      const plain = folded(word);
      return { word, rank, lower: word.toLocaleLowerCase(), plain, digraphs: withoutDigraphs(plain) };
    });
  }

  // A word Pagefind finds as typed: a word of the catalogue starts with it, or it is one with an ending.
  knows(typed) {
    const lower = typed.toLocaleLowerCase();
    return this.entries.some((entry) => entry.lower.startsWith(lower)
      || (lower.startsWith(entry.lower) && lower.length - entry.lower.length <= LONGEST_ENDING
          && entry.lower.length >= SHORTEST_WORD));
  }

  // The words nearest to `typed`, nearest first: [{word, score}].
  nearest(typed, count) {
    const plain = folded(typed);
    const digraphs = withoutDigraphs(plain);
    const limit = allowedMistakes([...plain].length);
    const near = (a, b, c, d) => Math.min(distance(a, b, limit), distance(c, d, limit));
    const found = [];
    for (const entry of this.entries) {
      let score = near(plain, entry.plain, digraphs, entry.digraphs);
      if (score > limit) score = this.compoundScore(plain, entry, limit);
      if (score <= limit + COMPOUND_PENALTY && entry.lower !== typed.toLocaleLowerCase()) found.push({ word: entry.word, score, rank: entry.rank });
    }
    found.sort((a, b) => a.score - b.score || a.rank - b.rank);
    return found.slice(0, count);
  }

  // The typed word against the start or end of a longer compound, or a typed compound against a word at its
  // start or end.
  compoundScore(plain, entry, limit) {
    const [shorter, longer] = plain.length < entry.plain.length ? [plain, entry.plain] : [entry.plain, plain];
    if (shorter.length < SHORTEST_WORD || longer.length - shorter.length < SHORTEST_WORD - 1) return Infinity;
    const partLimit = Math.min(limit, allowedMistakes(shorter.length));
    let best = partLimit + 1;
    for (const length of [shorter.length - 1, shorter.length, shorter.length + 1]) {
      best = Math.min(best, distance(shorter, longer.slice(0, length), partLimit),
        distance(shorter, longer.slice(-length), partLimit));
    }
    // the longer the part that matches, the likelier the meaning
    return best > partLimit ? Infinity : best + COMPOUND_PENALTY - shorter.length / 1000;
  }

  // Other queries for `query`: each word Pagefind does not know (or, with alsoKnown, each word) replaced by a
  // near one, the nearest first.
  corrections(query, count, alsoKnown = false) {
    const words = query.split(/\s+/).filter(Boolean);
    const unknown = words.map((word, index) => ({ word, index }))
      .filter(({ word }) => [...word].length >= SHORTEST_WORD && (alsoKnown || !this.knows(word)));
    if (unknown.length === 0) return [];
    const options = unknown.map(({ word }) => this.nearest(word, count));
    const best = words.slice();
    unknown.forEach(({ index }, i) => { if (options[i].length) best[index] = options[i][0].word; });
    const queries = [];
    // the nearest word for each unknown one, and the runners-up of each in turn
    unknown.forEach(({ index }, i) => {
      for (const option of options[i]) {
        const corrected = best.slice();
        corrected[index] = option.word;
        queries.push(corrected.join(" "));
      }
    });
    return [...new Set(queries)].filter((corrected) => corrected !== words.join(" ")).slice(0, count);
  }
}
