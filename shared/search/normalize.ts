/**
 * Text folding for search: one canonical form for what the user types and what we index,
 * so "ＡＢＣ", "Abc" and "ábc" all meet as "abc". Chinese characters pass through unchanged.
 */

// Printable ASCII is the common case (codes, pinyin, English names): lowercasing is all it
// needs. Anything else (incl. control characters) takes the per-character path, same result.
const ASCII_ONLY = /^[ -~\t\n\r]*$/;
const COMBINING_MARKS = /\p{M}/gu;

// Folding one code point is a few normalize() calls; the set of distinct non-ASCII
// characters in a customer list is small (a few thousand Han characters), so cache them.
const foldedChars = new Map<string, string>();

/** Folds one code point: NFKC (full-width → half-width, ligatures), lower case, accents removed. */
function foldChar(ch: string): string {
  if (ch < '\x80') return ch.toLowerCase();
  let out = foldedChars.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
    foldedChars.set(ch, out);
  }
  return out;
}

/**
 * Canonical search form of a text. Folds code point by code point (not the whole string)
 * so that `foldWithMap` below produces exactly the same text and highlight offsets line up.
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Folds like `foldText` and also records, for each UTF-16 unit of the result, the range
 * of the original text it came from. Used to highlight matches in the original text.
 */
export function foldWithMap(text: string): { folded: string; start: number[]; end: number[] } {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    // A dropped combining mark belongs to the character before it (e + ◌́): extend that range.
    if (f === '' && end.length > 0) end[end.length - 1] = i + ch.length;
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, start, end };
}

/** Splits a query into folded, non-empty terms (any Unicode whitespace, incl. full-width space). */
export function queryTerms(query: string): string[] {
  return foldText(query).split(/\s+/u).filter((t) => t.length > 0);
}
