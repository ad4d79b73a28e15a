/**
 * In-memory customer search for the customer list. The UI searches on every keystroke,
 * so everything expensive (folding, pinyin) is done once per document version in
 * `update()`, and `search()` is a scan of precomputed strings.
 */
import type { Customer, CustomerTier, CustomerType } from '../schemas/customer';
import { foldText, queryTerms } from './normalize';
import { pinyinKeys, type PinyinKeys } from './pinyin';

export { highlightParts, type HighlightPart } from './highlight';

export interface CustomerSearchFilters {
  /** Only these customer types; empty or absent means all. */
  types?: readonly CustomerType[];
  /** Only these tiers (`assessment.tier`); empty or absent means all, customers without a tier excluded otherwise. */
  tiers?: readonly CustomerTier[];
}

/** Field separator in the haystacks: fields have whitespace collapsed and terms have none, so no match spans two fields. */
const SEP = '\n';

/** Rank buckets, best first. */
const RANK_CODE = 0;
const RANK_NAME_PREFIX = 1;
const RANK_NAME_CONTAINS = 2;
const RANK_OTHER = 3;

interface Entry {
  doc: Customer;
  updatedAt: string;
  /** Generation of the last `update()` that contained this document. */
  seen: number;
  code: string;
  name: string;
  /** Name order key: pinyin for Chinese names, folded text otherwise. */
  sortKey: string;
  /** Pinyin forms of the name (full, initials, v-spelling), for prefix ranking. */
  namePinyin: string[];
  /** Name and its pinyin forms, for "name contains" ranking. */
  nameHay: string;
  /** Every searchable field and pinyin form. */
  hay: string;
}

// Name order: by the pinyin sort key (a plain string compare, much cheaper than a collator
// on 10k names), so Chinese and Latin names interleave A–Z like a phone's contact list.
// It also reads surnames right (单 → Shan), which zh-CN collation cannot.
// Equal keys (张伟 / 章伟) fall back to zh-CN collation, then code, then id.
const nameCollator = new Intl.Collator('zh-CN', { numeric: true });
const byName = (a: Entry, b: Entry): number =>
  (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) ||
  nameCollator.compare(a.doc.name, b.doc.name) ||
  nameCollator.compare(a.doc.code, b.doc.code) ||
  (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);

/** Letters and digits only; digit runs zero-padded so "第2医院" sorts before "第10医院". */
const sortKeyOf = (foldedOrPinyin: string): string =>
  foldedOrPinyin.replace(/[^\p{L}\p{N}]+/gu, '').replace(/\d+/g, (d) => d.padStart(10, '0'));

const fold = (text: string | undefined): string => (text ? foldText(text).replace(/\s+/gu, ' ').trim() : '');

const PINYIN_CACHE_MAX = 50_000;
/** Up to this many new or changed documents are binary-inserted into name order; more trigger a full sort. */
const SORT_INSERT_MAX = 64;

export class CustomerSearchIndex {
  private entries = new Map<string, Entry>();
  /** All entries in name order; search walks it so results come out name-sorted within each rank. */
  private sorted: Entry[] = [];
  /** Institutions and cities repeat across thousands of customers: convert each text once. */
  private pinyinCache = new Map<string, PinyinKeys | null>();
  private generation = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Takes the whole current list; only documents new or changed since the last call (by id and `updatedAt`) are re-processed. */
  update(customers: readonly Customer[]): void {
    // Entries are updated in place and stamped with this call's generation; rebuilding a
    // 10k-entry Map on every change would cost more than the rest of the update.
    const gen = ++this.generation;
    const fresh: Entry[] = [];
    for (const doc of customers) {
      const prev = this.entries.get(doc.id);
      if (prev && prev.updatedAt === doc.updatedAt) {
        prev.doc = doc; // same version: keep the prepared keys, hand out the caller's current object
        prev.seen = gen;
      } else {
        const entry = this.prepare(doc, gen);
        this.entries.set(doc.id, entry);
        fresh.push(entry);
      }
    }
    let removed = false;
    for (const [id, e] of this.entries) {
      if (e.seen !== gen) {
        this.entries.delete(id);
        removed = true;
      }
    }
    if (fresh.length === 0 && !removed) return;
    // A full sort of 10k entries costs several ms; a typical edit touches one document,
    // so drop stale entries and binary-insert the fresh ones instead.
    if (fresh.length > SORT_INSERT_MAX) {
      this.sorted = [...this.entries.values()].sort(byName);
      return;
    }
    const sorted = this.sorted.filter((e) => this.entries.get(e.doc.id) === e);
    for (const e of fresh) {
      if (this.entries.get(e.doc.id) !== e) continue; // duplicate id in the input: the last one won
      sorted.splice(insertionPoint(sorted, e), 0, e);
    }
    this.sorted = sorted;
  }

  /**
   * Customers matching every whitespace-separated term of `query` (each term may match a
   * different field), best first: exact code, name prefix, name contains, other fields;
   * ties by name. An empty query returns all customers passing the filters, by name.
   */
  search(query: string, filters: CustomerSearchFilters = {}, limit = Number.POSITIVE_INFINITY): Customer[] {
    if (!(limit > 0)) return [];
    const types = filters.types?.length ? new Set<string>(filters.types) : undefined;
    const tiers = filters.tiers?.length ? new Set<string | undefined>(filters.tiers) : undefined;
    const passes = (doc: Customer): boolean =>
      (!types || types.has(doc.type)) && (!tiers || tiers.has(doc.assessment?.tier));

    const terms = queryTerms(query);
    if (terms.length === 0) {
      const out: Customer[] = [];
      for (const e of this.sorted) {
        if (!passes(e.doc)) continue;
        out.push(e.doc);
        if (out.length >= limit) break;
      }
      return out;
    }

    const spaced = terms.join(' ');
    // "zhang wei" typed with a space must still match the pinyin "zhangwei".
    const compact = terms.join('');
    const buckets: Customer[][] = [[], [], [], []];
    // Plain loops, no per-entry allocation: this runs over every customer on every keystroke.
    for (const e of this.sorted) {
      if (!passes(e.doc)) continue;
      if (!containsAll(e.hay, terms) && !(terms.length > 1 && e.hay.includes(compact))) continue;
      buckets[rank(e, terms, spaced, compact)]!.push(e.doc);
    }
    // concat, not flat(): flat() is several times slower on large arrays in V8.
    const out = ([] as Customer[]).concat(...buckets);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  private prepare(doc: Customer, seen: number): Entry {
    const code = fold(doc.code);
    const name = fold(doc.name);
    const nameKeys = this.pinyin(doc.name, doc.type === 'hcp');
    const namePinyin = keyList(nameKeys);
    const nameHay = [name, ...namePinyin].join(SEP);
    const sortKey = sortKeyOf(nameKeys ? nameKeys.full : name);
    const hay = [
      nameHay,
      code,
      fold(doc.institution),
      ...keyList(this.pinyin(doc.institution)),
      fold(doc.department),
      ...keyList(this.pinyin(doc.department)),
      fold(doc.address?.city),
      ...keyList(this.pinyin(doc.address?.city)),
      fold(doc.notes),
    ]
      .filter((s) => s !== '')
      .join(SEP);
    return { doc, updatedAt: doc.updatedAt, seen, code, name, sortKey, namePinyin, nameHay, hay };
  }

  private pinyin(text: string | undefined, personName = false): PinyinKeys | undefined {
    if (!text) return undefined;
    const key = (personName ? 'p:' : 't:') + text;
    let keys = this.pinyinCache.get(key);
    if (keys === undefined) {
      if (this.pinyinCache.size >= PINYIN_CACHE_MAX) this.pinyinCache.clear();
      keys = pinyinKeys(text, personName) ?? null;
      this.pinyinCache.set(key, keys);
    }
    return keys ?? undefined;
  }
}

function keyList(keys: PinyinKeys | undefined): string[] {
  if (!keys) return [];
  return keys.fullV ? [keys.full, keys.initials, keys.fullV] : [keys.full, keys.initials];
}

function insertionPoint(sorted: readonly Entry[], e: Entry): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byName(sorted[mid]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function containsAll(hay: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!hay.includes(t)) return false;
  return true;
}

function rank(e: Entry, terms: readonly string[], spaced: string, compact: string): number {
  if (e.code === compact) return RANK_CODE;
  if (e.name.startsWith(spaced) || e.name.startsWith(compact)) return RANK_NAME_PREFIX;
  for (const p of e.namePinyin) if (p.startsWith(compact)) return RANK_NAME_PREFIX;
  if (e.nameHay.includes(compact) || containsAll(e.nameHay, terms)) return RANK_NAME_CONTAINS;
  return RANK_OTHER;
}
