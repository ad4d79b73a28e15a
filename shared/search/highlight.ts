/**
 * Splits a text into matched / unmatched parts for showing search hits in bold.
 * Only direct substring matches of the query terms are marked (after the same folding as
 * search: case, full-width, accents); pinyin matches are not highlighted.
 */
import { foldWithMap, queryTerms } from './normalize';

export interface HighlightPart {
  text: string;
  match: boolean;
}

export function highlightParts(text: string, query: string): HighlightPart[] {
  if (text === '') return [];
  const terms = queryTerms(query);
  if (terms.length === 0) return [{ text, match: false }];

  const { folded, start, end } = foldWithMap(text);
  // Mark matched original UTF-16 units; overlapping terms simply merge.
  const marked = new Uint8Array(text.length);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const from = start[at] ?? 0;
      const to = end[at + term.length - 1] ?? text.length;
      marked.fill(1, from, to);
    }
  }

  const parts: HighlightPart[] = [];
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[runStart]) {
      parts.push({ text: text.slice(runStart, i), match: marked[runStart] === 1 });
      runStart = i;
    }
  }
  return parts;
}
