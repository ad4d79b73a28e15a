import { ARTICLE_CATEGORIES, type Article, type Product, type Question } from '../../../../shared/schemas';

/** What the article editor edits. */
export interface ArticleFormValues {
  title: string;
  body: string;
  category: Article['category'];
  /** Catalogue product id, '' for none. */
  productId: string;
  tags: string[];
  lang: NonNullable<Article['lang']>;
}

export type ArticleFormErrors = Partial<Record<'title' | 'body' | 'tags', 'required' | 'tooLong'>>;

export const TITLE_MAX = 500;
export const BODY_MAX = 100_000;
export const TAG_MAX = 50;
export const TAGS_MAX = 30;

const HAN = /\p{Script=Han}/u;

/** The language an article is written in, guessed from its text (any Chinese character: zh-CN). */
export function guessLang(text: string): ArticleFormValues['lang'] {
  return HAN.test(text) ? 'zh-CN' : 'en';
}

export function emptyArticleValues(lang: ArticleFormValues['lang']): ArticleFormValues {
  return { title: '', body: '', category: 'product', productId: '', tags: [], lang };
}

export function valuesOf(article: Article): ArticleFormValues {
  return {
    title: article.title,
    body: article.body,
    category: ARTICLE_CATEGORIES.includes(article.category) ? article.category : 'product',
    productId: article.product?.productId ?? '',
    tags: [...(article.tags ?? [])],
    lang: article.lang ?? guessLang(`${article.title} ${article.body}`),
  };
}

/** Tags as entered: trimmed, without blanks and repeats (case-insensitively). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export function validateArticle(v: ArticleFormValues): ArticleFormErrors {
  const errors: ArticleFormErrors = {};
  if (!v.title.trim()) errors.title = 'required';
  else if (v.title.trim().length > TITLE_MAX) errors.title = 'tooLong';
  if (!v.body.trim()) errors.body = 'required';
  else if (v.body.length > BODY_MAX) errors.body = 'tooLong';
  const tags = cleanTags(v.tags);
  if (tags.length > TAGS_MAX || tags.some((t) => t.length > TAG_MAX)) errors.tags = 'tooLong';
  return errors;
}

export interface ArticleContext {
  id: string;
  userId: string;
  now: string;
  products: readonly Pick<Product, 'id' | 'name'>[];
}

/**
 * The article document for the form values. A new article starts as version 1, draft; an
 * existing one keeps its status, version and publication until `published()` is applied.
 * The meta fields are set for instant local display; the server stamps the trusted ones.
 */
export function buildArticle(v: ArticleFormValues, base: Article | undefined, ctx: ArticleContext): Article {
  const product = ctx.products.find((p) => p.id === v.productId);
  const tags = cleanTags(v.tags);
  const { product: _p, tags: _t, ...rest } = base ?? ({} as Partial<Article>);
  return {
    ...rest,
    id: base?.id ?? ctx.id,
    title: v.title.trim(),
    body: v.body,
    category: v.category,
    ...(product ? { product: { productId: product.id, name: product.name } } : {}),
    ...(tags.length ? { tags } : {}),
    lang: v.lang,
    version: base?.version ?? 1,
    status: base?.status ?? 'draft',
    authorId: base?.authorId ?? ctx.userId,
    createdAt: base?.createdAt ?? ctx.now,
    createdBy: base?.createdBy ?? ctx.userId,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  };
}

/**
 * The article as published now. The version counts publications: the first publication is
 * version 1, every later publication of changes is the next version.
 */
export function published(article: Article, wasPublished: boolean, now: string): Article {
  return { ...article, status: 'published', version: wasPublished ? article.version + 1 : article.version, publishedAt: now };
}

/** Knowledge category for a question's type: market and company questions are business knowledge. */
export function categoryForQuestion(q: Pick<Question, 'type'>): Article['category'] {
  return q.type === 'product_service' ? 'product' : 'business';
}

/** A published article made from an answered question (promotion to the knowledge base), in one step. */
export function articleFromAnswer(q: Question, ctx: Omit<ArticleContext, 'products'>): Article {
  const answer = q.answer?.text ?? '';
  const title = q.text.trim().replace(/\s+/g, ' ');
  const article: Article = {
    id: ctx.id,
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    body: answer,
    category: categoryForQuestion(q),
    ...(q.product ? { product: { ...q.product } } : {}),
    lang: guessLang(`${q.text} ${answer}`),
    version: 1,
    status: 'draft',
    authorId: ctx.userId,
    sourceQuestionId: q.id,
    createdAt: ctx.now,
    createdBy: ctx.userId,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
  };
  return published(article, false, ctx.now);
}
