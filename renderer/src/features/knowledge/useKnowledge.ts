import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Article, Product } from '../../../../shared/schemas';
import { ArticleSearchIndex, type ArticleFilters, type ArticleSearchResult } from '../../../../shared/search/articleSearch';
import { useDatabase } from '../../db/DatabaseContext';
import type { FieldbookDatabase } from '../../db/database';
import { useRxQueryOne, useRxQueryResults } from '../../db/useRxQuery';

/** Every article this user may read on this computer (drafts only reach managers and admins), live. */
export function useAllArticles() {
  const db = useDatabase();
  const query = useMemo(() => db.articles.find(), [db]);
  return useRxQueryResults<Article>(query);
}

export function useArticle(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.articles.findOne(id) : null), [db, id]);
  return useRxQueryOne<Article>(query);
}

/** The whole catalogue, by name, live. */
export function useProducts() {
  const db = useDatabase();
  const query = useMemo(() => db.products.find({ sort: [{ name: 'asc' }] }), [db]);
  return useRxQueryResults<Product>(query);
}

export function useProduct(id: string | undefined) {
  const db = useDatabase();
  const query = useMemo(() => (id ? db.products.findOne(id) : null), [db, id]);
  return useRxQueryOne<Product>(query);
}

/** Articles analysed per slice of the first build; between slices the UI gets the main thread back. */
const SLICE = 250;

/**
 * One search index per open database, kept for the life of the page: leaving the knowledge
 * base and coming back does not rebuild it. It follows the reactive article query.
 */
const indexes = new WeakMap<FieldbookDatabase, ArticleSearchIndex>();

/**
 * The search index, brought up to date from the live article list incrementally (only new and
 * changed articles are analysed) and, for thousands of new articles, in slices between frames.
 * `version` changes whenever the index did, so searches re-run then and only then.
 */
export function useArticleIndex() {
  const db = useDatabase();
  const { data, loading } = useAllArticles();
  const index = useMemo(() => {
    let ix = indexes.get(db);
    if (!ix) {
      ix = new ArticleSearchIndex();
      indexes.set(db, ix);
    }
    return ix;
  }, [db]);
  const [state, setState] = useState({ version: 0, building: true });
  useEffect(() => {
    if (loading) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = (): void => {
      if (cancelled) return;
      const done = index.update(data, SLICE);
      setState((s) => ({ version: s.version + 1, building: !done }));
      if (!done) timer = setTimeout(step, 0);
    };
    step();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [data, loading, index]);
  return { index, version: state.version, building: state.building || loading, total: data.length, indexed: index.size };
}

const EMPTY: ArticleSearchResult = { hits: [], units: [] };

/** Search as you type: the query is deferred so typing never waits for the results. */
export function useArticleSearch(query: string, filters: ArticleFilters) {
  const { index, version, building, total, indexed } = useArticleIndex();
  const deferred = useDeferredValue(query);
  const result = useMemo(
    () => (version > 0 ? index.search(deferred, filters) : EMPTY),
    // `version` stands for the index content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, version, deferred, filters.category, filters.lang, filters.productId, filters.publishedOnly],
  );
  return { ...result, building, total, indexed, stale: deferred !== query };
}
