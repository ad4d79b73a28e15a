/**
 * Full-text search over knowledge articles (Chinese, English, mixed), ranked with BM25 over
 * weighted fields: title (the question) > tags > product > body (the answer).
 *
 * The index is an inverted index kept in memory and updated incrementally: `update()` takes the
 * whole current article list (from the reactive query) and re-analyses only the articles that
 * are new or changed (by id and `updatedAt`). `search()` touches only the postings of the query's
 * terms, so it stays in the low milliseconds with thousands of articles.
 */
import type { Article } from '../schemas/article';
import { eachTerm, queryUnits, type QueryUnit } from './analyze';
import type { HighlightPart } from './highlight';
import { markdownToText } from './markdownText';

export type { HighlightPart } from './highlight';

/** Indexed fields and their weights. */
const FIELDS = ['title', 'tags', 'product', 'body'] as const;
type Field = (typeof FIELDS)[number];
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = { title: 3, tags: 2, product: 1.5, body: 1 };
const WEIGHTS = FIELDS.map((f) => FIELD_WEIGHTS[f]);
const NF = FIELDS.length;

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** A word matched only as a prefix (or a character inside a bigram) counts less than the word itself. */
const PREFIX_FACTOR = 0.6;
/** At most this many index terms per prefix (a two-letter prefix would otherwise touch everything). */
const MAX_PREFIX_TERMS = 50;
/** Joined single characters longer than this are cut before looking for their parts (which takes quadratic time). */
const MAX_JOINED = 10;
/** Term counts per field are packed into one number, 8 bits each (BM25 saturates long before 255). */
const TF_MAX = 255;

interface Entry {
  slot: number;
  article: Article;
  updatedAt: string;
  seen: number;
  /** Field lengths in terms, in FIELDS order. */
  len: number[];
  /** The distinct terms of this article, to take it out of the postings again. */
  terms: string[];
}

/** Articles holding a term: their slots and packed per-field counts, in parallel. */
interface Posting {
  slots: number[];
  tfs: number[];
}

export interface ArticleFilters {
  /** Only published articles (what reps read); false includes drafts. Default true. */
  publishedOnly?: boolean;
  category?: Article['category'];
  productId?: string;
  lang?: Article['lang'];
}

export interface ArticleHit {
  article: Article;
  score: number;
  /** Every unit of the query matched (otherwise a partial match, shown after the full ones). */
  complete: boolean;
}

export interface ArticleSearchResult {
  hits: ArticleHit[];
  /** The query's units as understood (for "searched for: 降压 · 不良 · 反应"). */
  units: string[];
}

/** Partial hits need at least this share of the query's units, two at least (so only queries of three units or more have them). */
const MIN_PARTIAL_COVERAGE = 0.5;

export class ArticleSearchIndex {
  private byId = new Map<string, Entry>();
  /** Entries by slot; freed slots are reused. */
  private slots: (Entry | undefined)[] = [];
  private free: number[] = [];
  private postings = new Map<string, Posting>();
  private totalLen = FIELDS.map(() => 0);
  private generation = 0;
  /** Latin terms in sorted order, for prefix lookups; rebuilt lazily after the vocabulary changes. */
  private sortedLatin: string[] | null = null;
  /** All entries by recency, for the empty query; rebuilt lazily after a change. */
  private recent: Entry[] | null = null;

  get size(): number {
    return this.byId.size;
  }

  /**
   * Brings the index up to the whole current list: only articles new or changed since the last
   * call (by id and `updatedAt`) are analysed, articles no longer listed are dropped. With
   * `maxChanges`, stops after analysing that many and returns false: call again (with this or a
   * newer list) to go on, so a first build of thousands of articles never blocks the UI for long.
   */
  update(articles: readonly Article[], maxChanges = Number.POSITIVE_INFINITY): boolean {
    const gen = ++this.generation;
    let changes = 0;
    for (const article of articles) {
      const prev = this.byId.get(article.id);
      if (prev && prev.updatedAt === article.updatedAt) {
        if (prev.article !== article) this.recent = null;
        prev.article = article; // same version: keep the analysis, hand out the caller's current object
        prev.seen = gen;
        continue;
      }
      if (changes >= maxChanges) return false;
      changes += 1;
      if (prev) this.remove(prev);
      this.add(article, gen);
    }
    for (const e of this.byId.values()) if (e.seen !== gen) this.remove(e);
    return true;
  }

  search(query: string, filters: ArticleFilters = {}, limit = 100): ArticleSearchResult {
    const units = this.resolve(queryUnits(query));
    const passes = filterOf(filters);
    if (units.length === 0) {
      this.recent ??= [...this.byId.values()].sort((a, b) => byRecent(a.article, b.article));
      const hits: ArticleHit[] = [];
      for (const e of this.recent) {
        if (hits.length >= limit) break;
        if (passes(e.article)) hits.push({ article: e.article, score: 0, complete: true });
      }
      return { hits, units: [] };
    }

    const size = this.slots.length;
    const n = this.byId.size;
    const avg = this.totalLen.map((l) => (n > 0 ? l / n : 1) || 1);
    const scores = new Float64Array(size);
    const matched = new Uint16Array(size);
    const unitScore = new Float64Array(size);
    const unitHits = new Uint16Array(size);
    const touched: number[] = [];
    for (const unit of units) {
      const unitTouched = this.scoreUnit(unit, n, avg, unitScore, unitHits);
      for (const slot of unitTouched) {
        if (unitScore[slot]! > 0) {
          if (matched[slot] === 0) touched.push(slot);
          matched[slot]! += 1;
          scores[slot]! += unitScore[slot]!;
        }
        unitScore[slot] = 0;
        unitHits[slot] = 0;
      }
    }

    const need = units.length >= 3 ? Math.max(2, Math.ceil(units.length * MIN_PARTIAL_COVERAGE)) : units.length;
    const hits: ArticleHit[] = [];
    for (const slot of touched) {
      const count = matched[slot]!;
      const e = this.slots[slot]!;
      if (count < need || !passes(e.article)) continue;
      // A partial hit is scaled by its coverage, so it never outranks a full hit of similar weight.
      const complete = count === units.length;
      hits.push({ article: e.article, score: scores[slot]! * (complete ? 1 : count / units.length), complete });
    }
    hits.sort((a, b) => Number(b.complete) - Number(a.complete) || b.score - a.score || byRecent(a.article, b.article));
    if (hits.length > limit) hits.length = limit;
    return { hits, units: units.map((u) => u.text) };
  }

  /**
   * A unit joined from single characters (a guess) that no article holds whole together with the
   * query's other Chinese words is replaced by its longest part, two characters at least, that
   * one does: 孕妇 + 用缬平 (用|缬|平) → 孕妇 + 缬平. Otherwise it stays as it is.
   */
  private resolve(units: QueryUnit[]): QueryUnit[] {
    if (!units.some((u) => u.joined)) return units;
    const fixed = units.filter((u) => u.kind === 'han' && !u.joined).flatMap((u) => u.terms);
    const base = fixed.length > 0 ? this.slotsHolding(fixed, null) : null;
    const out: QueryUnit[] = [];
    for (const u of units) {
      const chars = u.joined && base?.size !== 0 ? Array.from(u.text).slice(0, MAX_JOINED) : [];
      let found: QueryUnit | undefined;
      for (let len = chars.length; len >= 2 && !found; len--) {
        for (let at = 0; at + len <= chars.length && !found; at++) {
          const part = hanUnitOf(chars.slice(at, at + len).join(''));
          if (this.slotsHolding(part.terms, base, true).size > 0) found = part;
        }
      }
      const unit = found ?? u;
      if (!out.some((o) => o.kind === unit.kind && o.text === unit.text)) out.push(unit);
    }
    return out;
  }

  /** Slots of the articles holding every one of `terms` (and in `base` if given); with `any`, the first one found only. */
  private slotsHolding(terms: readonly string[], base: ReadonlySet<number> | null, any = false): Set<number> {
    const found = new Set<number>();
    const lists: Posting[] = [];
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) return found;
      lists.push(p);
    }
    lists.sort((a, b) => a.slots.length - b.slots.length);
    let candidates = base ? lists[0]!.slots.filter((s) => base.has(s)) : lists[0]!.slots;
    for (let i = 1; i < lists.length && candidates.length > 0; i++) {
      const set = new Set(lists[i]!.slots);
      candidates = candidates.filter((s) => set.has(s));
    }
    for (const s of candidates) {
      found.add(s);
      if (any) break;
    }
    return found;
  }

  /**
   * Scores one unit into `score` (by slot) and returns the slots it touched; a slot with a
   * score of 0 there did not match the unit.
   */
  private scoreUnit(unit: QueryUnit, n: number, avg: number[], score: Float64Array, hits: Uint16Array): number[] {
    const touched: number[] = [];
    if (unit.kind === 'han' && unit.text.length > 1) {
      // Every bigram must occur: count the bigrams each article holds, keep those holding all.
      const lists: Posting[] = [];
      for (const t of unit.terms) {
        const p = this.postings.get(t);
        if (!p) return touched;
        lists.push(p);
      }
      for (const p of lists) {
        const w = this.idf(p, n) / lists.length;
        for (let i = 0; i < p.slots.length; i++) {
          const slot = p.slots[i]!;
          if (hits[slot] === 0) touched.push(slot);
          hits[slot]! += 1;
          score[slot]! += w * this.tfScore(slot, p.tfs[i]!, avg);
        }
      }
      for (const slot of touched) if (hits[slot] !== lists.length) score[slot] = 0;
      return touched;
    }
    // Alternatives of one word (stem, prefix completions, bigrams holding a character): the best one counts.
    const candidates = new Map<string, number>();
    if (unit.kind === 'han') {
      for (const t of this.termsWithChar(unit.text)) candidates.set(t, t === unit.text ? 1 : PREFIX_FACTOR);
    } else {
      for (const t of unit.terms) if (this.postings.has(t)) candidates.set(t, 1);
      if (unit.prefix) for (const t of this.prefixTerms(unit.prefix)) if (!candidates.has(t)) candidates.set(t, PREFIX_FACTOR);
    }
    for (const [t, factor] of candidates) {
      const p = this.postings.get(t)!;
      const w = this.idf(p, n) * factor;
      for (let i = 0; i < p.slots.length; i++) {
        const slot = p.slots[i]!;
        if (hits[slot] === 0) {
          hits[slot] = 1;
          touched.push(slot);
        }
        const s = w * this.tfScore(slot, p.tfs[i]!, avg);
        if (s > score[slot]!) score[slot] = s;
      }
    }
    return touched;
  }

  private idf(p: Posting, n: number): number {
    const df = p.slots.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Field-weighted BM25 term-frequency part for one article and one term's packed counts. */
  private tfScore(slot: number, packed: number, avg: number[]): number {
    const len = this.slots[slot]!.len;
    let s = 0;
    let rest = packed;
    for (let f = 0; f < NF; f++) {
      const x = rest % 256;
      rest = (rest - x) / 256;
      if (x === 0) continue;
      s += (WEIGHTS[f]! * (x * (K1 + 1))) / (x + K1 * (1 - B + (B * len[f]!) / avg[f]!));
    }
    return s;
  }

  /** A one-character Chinese query: the character itself and every bigram holding it. */
  private termsWithChar(ch: string): string[] {
    const out: string[] = [];
    for (const t of this.postings.keys()) if (t.length <= 2 && t.includes(ch)) out.push(t);
    return out;
  }

  private prefixTerms(prefix: string): string[] {
    if (!this.sortedLatin) {
      this.sortedLatin = [...this.postings.keys()].filter((t) => t >= 'a' && t < '{').sort();
    }
    const list = this.sortedLatin;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && out.length < MAX_PREFIX_TERMS && list[i]!.startsWith(prefix); i++) out.push(list[i]!);
    return out;
  }

  private add(article: Article, gen: number): void {
    const slot = this.free.pop() ?? this.slots.length;
    const texts = fieldTexts(article);
    const counts = new Map<string, number>();
    const len = FIELDS.map(() => 0);
    let unit = 1;
    for (let f = 0; f < NF; f++) {
      let l = 0;
      const u = unit;
      eachTerm(texts[FIELDS[f]!], (term) => {
        l += 1;
        const c = counts.get(term) ?? 0;
        if (Math.floor(c / u) % 256 < TF_MAX) counts.set(term, c + u);
      });
      len[f] = l;
      unit *= 256;
    }
    const entry: Entry = { slot, article, updatedAt: article.updatedAt, seen: gen, len, terms: [...counts.keys()] };
    this.slots[slot] = entry;
    this.byId.set(article.id, entry);
    for (const [term, packed] of counts) {
      let p = this.postings.get(term);
      if (!p) {
        p = { slots: [], tfs: [] };
        this.postings.set(term, p);
        this.sortedLatin = null;
      }
      p.slots.push(slot);
      p.tfs.push(packed);
    }
    for (let f = 0; f < NF; f++) this.totalLen[f]! += len[f]!;
    this.recent = null;
  }

  private remove(entry: Entry): void {
    if (this.byId.get(entry.article.id) === entry) this.byId.delete(entry.article.id);
    for (const term of entry.terms) {
      const p = this.postings.get(term);
      if (!p) continue;
      const i = p.slots.lastIndexOf(entry.slot);
      if (i === -1) continue;
      // Order within a posting does not matter: move the last one into the gap.
      p.slots[i] = p.slots[p.slots.length - 1]!;
      p.tfs[i] = p.tfs[p.tfs.length - 1]!;
      p.slots.pop();
      p.tfs.pop();
      if (p.slots.length === 0) {
        this.postings.delete(term);
        this.sortedLatin = null;
      }
    }
    for (let f = 0; f < NF; f++) this.totalLen[f]! -= entry.len[f]!;
    this.slots[entry.slot] = undefined;
    this.free.push(entry.slot);
    this.recent = null;
  }
}

/** A Han query unit for a run of characters: every bigram required. */
function hanUnitOf(text: string): QueryUnit {
  const terms: string[] = [];
  eachTerm(text, (t) => {
    if (!terms.includes(t)) terms.push(t);
  });
  return { kind: 'han', text, terms };
}

function fieldTexts(a: Article): Record<Field, string> {
  return {
    title: a.title,
    tags: (a.tags ?? []).join(' · '),
    product: a.product?.name ?? '',
    body: markdownToText(a.body),
  };
}

function filterOf(f: ArticleFilters): (a: Article) => boolean {
  const publishedOnly = f.publishedOnly ?? true;
  return (a) =>
    (!publishedOnly || a.status === 'published') &&
    (!f.category || a.category === f.category) &&
    (!f.productId || a.product?.productId === f.productId) &&
    (!f.lang || a.lang === f.lang);
}

/** Most recently published or changed first, then by id for a stable order. */
function byRecent(a: Article, b: Article): number {
  const ka = a.publishedAt ?? a.updatedAt;
  const kb = b.publishedAt ?? b.updatedAt;
  return ka < kb ? 1 : ka > kb ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---- Highlighting ---------------------------------------------------------------------------

interface Matcher {
  exact: Set<string>;
  prefixes: string[];
  singles: Set<string>;
}

/**
 * What marks a match, per query. A result list highlights the same query in a few hundred
 * texts (titles, excerpts, tags), so the query is segmented once, not once per text.
 */
const matchers = new Map<string, Matcher | null>();
const MATCHERS_MAX = 50;

function matcherOf(query: string): Matcher | null {
  const cached = matchers.get(query);
  if (cached !== undefined) return cached;
  const units = queryUnits(query);
  let m: Matcher | null = null;
  if (units.length > 0) {
    m = { exact: new Set(), prefixes: [], singles: new Set() };
    for (const u of units) {
      for (const t of u.terms) m.exact.add(t);
      if (u.prefix) m.prefixes.push(u.prefix);
      if (u.kind === 'han' && u.text.length === 1) m.singles.add(u.text);
    }
  }
  if (matchers.size >= MATCHERS_MAX) matchers.clear();
  matchers.set(query, m);
  return m;
}

/** Plain text of article bodies, for excerpts: the same bodies are shown again at every keystroke. */
const bodyTexts = new Map<string, string>();
const BODY_TEXTS_MAX = 2000;

function bodyText(body: string): string {
  let text = bodyTexts.get(body);
  if (text === undefined) {
    text = markdownToText(body);
    if (bodyTexts.size >= BODY_TEXTS_MAX) bodyTexts.clear();
    bodyTexts.set(body, text);
  }
  return text;
}

const isLatinTerm = (term: string): boolean => {
  const c = term.charCodeAt(0);
  return c >= 97 && c <= 122; // a-z
};

/** UTF-16 ranges [start, end) of `text` that match the query, merged and in order. */
export function matchRanges(text: string, query: string): [number, number][] {
  const m = matcherOf(query);
  if (!m || text === '') return [];
  const { exact, prefixes, singles } = m;
  const ranges: [number, number][] = [];
  eachTerm(text, (term, start, end) => {
    if (exact.has(term)) ranges.push([start, end]);
    else if (prefixes.length > 0 && isLatinTerm(term)) {
      const word = text.slice(start, end).toLowerCase();
      if (prefixes.some((p) => word.startsWith(p) || term.startsWith(p))) ranges.push([start, end]);
    } else if (singles.size > 0 && term.length === 2) {
      for (let i = 0; i < 2; i++) if (singles.has(term[i]!)) ranges.push([start + i, start + i + 1]);
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` split into matched and unmatched parts (the shape the Highlight component renders). */
export function articleHighlightParts(text: string, query: string): HighlightPart[] {
  if (text === '') return [];
  return partsOf(text, matchRanges(text, query));
}

function partsOf(text: string, ranges: readonly [number, number][]): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push({ text: text.slice(at, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/**
 * A short plain-text excerpt of a Markdown body around its first match (or its start), with
 * the matches marked. Ellipses show where text was cut.
 */
export function articleSnippet(body: string, query: string, maxLength = 160): HighlightPart[] {
  const text = bodyText(body);
  const ranges = matchRanges(text, query);
  if (text.length <= maxLength) return partsOf(text, ranges);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(maxLength / 4), text.length - maxLength));
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start -= 1;
  const end = Math.min(text.length, start + maxLength);
  const slice = text.slice(start, end);
  const shifted = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [Math.max(0, s - start), Math.min(slice.length, e - start)]);
  const parts = partsOf(slice, shifted);
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
