/**
 * Text analysis for the knowledge base search, for Chinese, English and both mixed.
 *
 * The query is split into words by `Intl.Segmenter` (ICU's dictionary word segmentation), so
 * 康脉宁老年患者的剂量 becomes 康脉宁 · 老年 · 患者 · 剂量 and each word must match. ICU does not
 * split a word the same way in every context (降压 alone is 降|压, inside 降压药 it is one word;
 * 医保 is 医|保), so documents are indexed by overlapping bigrams of each run of Han characters
 * (as Lucene's CJK analyzer does) and a query word matches when all its bigrams occur: 降压
 * finds 降压药, 医保 finds 医保报销, and 脉康 does not match 康脉宁. Latin words are folded
 * (case, width, accents) and stemmed (Porter), so "dosing" meets "doses".
 */
import { stemmer } from 'stemmer';
import { foldText } from './normalize';

export interface Token {
  /** The index term: a Latin stem, a number, a Han bigram, or a lone Han character. */
  term: string;
  /** UTF-16 range in the analysed text, for highlighting. */
  start: number;
  end: number;
}

/** What a query asks for: every unit must match for a full hit. */
export interface QueryUnit {
  /** Shown to the user (the query word as typed, folded). */
  text: string;
  /** Latin: alternatives (any one matches). Han: required bigrams (all must match). */
  kind: 'latin' | 'han';
  terms: string[];
  /** Latin words may also match index terms that start with this (as-you-type). */
  prefix?: string;
  /**
   * Han: joined from characters ICU left single (康|脉|宁 → 康脉宁). A guess: where the index
   * lacks some of its bigrams, the search falls back to the parts it has (用|缬|平 → 缬平).
   */
  joined?: boolean;
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
const LATIN_WORD = /^[a-z]+$/;
const WORDISH = /[\p{L}\p{N}]+/gu;
const HAN_OR_OTHER = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

/** Short English words that carry no meaning for search. */
const EN_STOP = new Set(
  ('a an and are as at be by can could do does for from has have how i if in into is it its may me my no not of on or ' +
    'our should so than that the their them there these this to was we what when where which who why will with you your')
    .split(' '),
);
/** Chinese function words and question words (as ICU segments them). */
const ZH_STOP = new Set(['的', '了', '和', '与', '及', '是', '在', '有', '吗', '呢', '吧', '啊', '么', '或', '也', '都', '就', '对', '能', '会', '请问', '什么', '怎么', '如何', '哪些', '是否', '可以', '能否', '一下', '有没有']);
/**
 * Question phrases ICU splits into a function word and a stray character (怎么|办, 怎么|用):
 * blanked out of the query before segmenting, so 办 or 用 alone does not become a search word.
 */
const ZH_QUESTION_PHRASES = /怎么办|怎么用|怎么做|怎么样|怎样|能不能|可不可以|是不是|会不会|要不要|有没有/g;

type Segment = { segment: string; index: number };

const segmenter: { segment(text: string): Iterable<Segment & { isWordLike?: boolean }> } | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/** Word-like segments of a query with their offsets; without Intl.Segmenter, runs of letters and digits. */
export function words(text: string): Segment[] {
  const out: Segment[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) if (s.isWordLike) out.push({ segment: s.segment, index: s.index });
    return out;
  }
  for (const m of text.matchAll(WORDISH)) out.push({ segment: m[0], index: m.index });
  return out;
}

const termCache = new Map<string, string | null>();
const TERM_CACHE_MAX = 100_000;

/** The index term of a non-Han word, or null when it carries nothing (stop word, single letter). */
export function latinTerm(word: string): string | null {
  let term = termCache.get(word);
  if (term !== undefined) return term;
  const folded = foldText(word);
  if (folded.length === 0 || EN_STOP.has(folded)) term = null;
  else if (LATIN_WORD.test(folded)) term = folded.length < 2 ? null : folded.length > 2 ? stemmer(folded) : folded;
  else term = folded;
  if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
  termCache.set(word, term);
  return term;
}

/** Per UTF-16 unit: 0 not yet known, 1 Han, 2 other letter or digit, 3 neither. Filled lazily. */
const charClass = new Uint8Array(65_536);
const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const HAN_CLASS = 1;
const WORD_CLASS = 2;

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    // A character outside the BMP (rare CJK extension characters in names): classify the pair.
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    return HAN_CHAR.test(ch) ? HAN_CLASS : WORD_CHAR.test(ch) ? WORD_CLASS : 3;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 4; // the second half of a pair already taken
  let k = charClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = HAN_CHAR.test(ch) ? HAN_CLASS : WORD_CHAR.test(ch) ? WORD_CLASS : 3;
    charClass[c] = k;
  }
  return k;
}

/**
 * Calls `emit` for each index term of a text, in order, with its position. Documents are split
 * by a character scan, not by Intl.Segmenter: Han runs become bigrams either way, and ICU's
 * dictionary segmentation is several times slower (and slower than linear on long texts).
 */
export function eachTerm(text: string, emit: (term: string, start: number, end: number) => void): void {
  const n = text.length;
  const starts: number[] = [];
  let i = 0;
  while (i < n) {
    const k = classOf(text, i);
    if (k === HAN_CLASS) {
      starts.length = 0;
      let j = i;
      while (j < n && classOf(text, j) === HAN_CLASS) {
        starts.push(j);
        j += text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff ? 2 : 1;
      }
      starts.push(j);
      if (starts.length === 2) emit(text.slice(i, j), i, j);
      else for (let c = 0; c + 2 < starts.length; c++) emit(text.slice(starts[c], starts[c + 2]), starts[c]!, starts[c + 2]!);
      i = j;
    } else if (k === WORD_CLASS) {
      let j = i + 1;
      for (let kj = classOf(text, j); j < n && (kj === WORD_CLASS || kj === 4); kj = classOf(text, ++j));
      const term = latinTerm(text.slice(i, j));
      if (term) emit(term, i, j);
      i = j;
    } else i += 1;
  }
}

/** Index tokens of a text, in order, with their positions. */
export function analyze(text: string): Token[] {
  const out: Token[] = [];
  eachTerm(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/**
 * The units of a query. Chinese: ICU words, with runs of single characters joined again
 * (降|压 → 降压, 康|脉|宁 → 康脉宁) and function words dropped; each unit needs all its bigrams.
 * Latin: stemmed words; the folded word is also a prefix (so "hyperten" finds "hypertension").
 */
export function queryUnits(query: string): QueryUnit[] {
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const add = (u: QueryUnit | null): void => {
    if (!u) return;
    const key = `${u.kind}:${u.terms.join(' ')}:${u.prefix ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    units.push(u);
  };
  let single = '';
  let singleEnd = -1;
  const flushSingle = (): void => {
    if (single.length > 1) add({ ...hanUnit(single), joined: true });
    else if (single && !ZH_STOP.has(single)) add(hanUnit(single));
    single = '';
  };
  for (const { segment, index } of words(query.replace(ZH_QUESTION_PHRASES, (m) => ' '.repeat(m.length)))) {
    if (HAN_ONLY.test(segment)) {
      if (segment.length === 1) {
        if (single && singleEnd !== index) flushSingle();
        if (ZH_STOP.has(segment)) {
          flushSingle();
          continue;
        }
        single += segment;
        singleEnd = index + 1;
        continue;
      }
      flushSingle();
      if (!ZH_STOP.has(segment)) add(hanUnit(segment));
      continue;
    }
    flushSingle();
    // Split like the index does ("2.5" is one ICU word, two index terms).
    for (const w of segment.matchAll(WORDISH)) {
      for (const m of w[0].matchAll(HAN_OR_OTHER)) {
        if (HAN_ONLY.test(m[0])) add(hanUnit(m[0]));
        else add(latinUnit(m[0]));
      }
    }
  }
  flushSingle();
  return units;
}

function latinUnit(word: string): QueryUnit | null {
  const term = latinTerm(word);
  if (!term) return null;
  const folded = foldText(word);
  return {
    kind: 'latin',
    text: folded,
    terms: term === folded ? [term] : [term, folded],
    ...(LATIN_WORD.test(folded) && folded.length >= 2 ? { prefix: folded } : {}),
  };
}

function hanUnit(text: string): QueryUnit {
  const terms = new Set<string>();
  eachTerm(text, (term) => terms.add(term));
  return { kind: 'han', text, terms: [...terms] };
}
