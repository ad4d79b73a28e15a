import type { Article, Question } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import type { FieldbookDatabase } from '../../db/database';
import { articleFromAnswer, published } from './articleModel';

/**
 * Article writes: local and instant; sync takes them to the server, which lets only managers
 * and admins write and stamps the trusted meta fields.
 */
export async function saveArticle(db: FieldbookDatabase, article: Article): Promise<void> {
  await db.articles.upsert(article);
}

/** Publishes the article: version 1 the first time, the next version after that. */
export async function publishArticle(db: FieldbookDatabase, article: Article, now: string): Promise<Article> {
  const current = await db.articles.findOne(article.id).exec();
  const doc = published(article, current?.status === 'published', now);
  await db.articles.upsert(doc);
  return doc;
}

/** Withdraws an article (soft delete: it syncs as `_deleted` and disappears for everyone). */
export async function withdrawArticle(db: FieldbookDatabase, id: string): Promise<void> {
  const current = await db.articles.findOne(id).exec();
  if (current) await current.remove();
}

/**
 * Promotes an answered question to a published article in one step and links the question
 * to it. Promoting twice returns the existing article.
 */
export async function promoteAnswer(db: FieldbookDatabase, question: Question, userId: string, now: string): Promise<string> {
  if (question.articleId) {
    const existing = await db.articles.findOne(question.articleId).exec();
    if (existing) return existing.id;
  }
  const article = articleFromAnswer(question, { id: newId(), userId, now });
  await db.articles.insert(article);
  const current = await db.questions.findOne(question.id).exec();
  if (current) await current.incrementalPatch({ articleId: article.id, updatedAt: now, updatedBy: userId });
  return article.id;
}
