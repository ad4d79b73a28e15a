import { describe, expect, it } from 'vitest';
import type { Article, Question } from '../../../../shared/schemas';
import { hasErrors, validateDocument } from '../../../../shared/validation/validateDocument';
import {
  articleFromAnswer, buildArticle, cleanTags, emptyArticleValues, guessLang, published, validateArticle, valuesOf,
} from './articleModel';

const NOW = '2026-03-02T05:00:00.000Z';
const LATER = '2026-03-09T05:00:00.000Z';
const products = [{ id: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }];
const ctx = { id: 'kb-1', userId: 'u-mgr', now: NOW, products };

describe('article form model', () => {
  it('validates title and body and tag length', () => {
    expect(validateArticle(emptyArticleValues('en'))).toEqual({ title: 'required', body: 'required' });
    expect(validateArticle({ ...emptyArticleValues('en'), title: 'x'.repeat(501), body: 'ok' })).toEqual({ title: 'tooLong' });
    expect(validateArticle({ ...emptyArticleValues('en'), title: 't', body: 'b', tags: ['x'.repeat(51)] })).toEqual({ tags: 'tooLong' });
  });
  it('cleans tags', () => {
    expect(cleanTags([' 医保 ', '', 'GI', 'gi', '医保'])).toEqual(['医保', 'GI']);
  });
  it('guesses the language', () => {
    expect(guessLang('How to log a complaint')).toBe('en');
    expect(guessLang('Glucostat 的用法')).toBe('zh-CN');
  });
  it('a new article is a valid version 1 draft with the product reference', () => {
    const a = buildArticle({ ...emptyArticleValues('zh-CN'), title: ' 康脉宁的剂量 ', body: '每日一次', productId: 'prod-cardiolin', tags: ['高血压'] }, undefined, ctx);
    expect(a).toMatchObject({ id: 'kb-1', title: '康脉宁的剂量', status: 'draft', version: 1, authorId: 'u-mgr', product: { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }, tags: ['高血压'] });
    expect(hasErrors(validateDocument('articles', { ...a }))).toBe(false);
  });
  it('editing keeps identity, status and version; removing the product and tags removes them', () => {
    const base = published(buildArticle({ ...emptyArticleValues('en'), title: 'T', body: 'B', productId: 'prod-cardiolin', tags: ['a'] }, undefined, ctx), false, NOW);
    const edited = buildArticle({ ...valuesOf(base), productId: '', tags: [], body: 'B2' }, base, { ...ctx, id: 'other', userId: 'u-admin', now: LATER });
    expect(edited).toMatchObject({ id: 'kb-1', status: 'published', version: 1, authorId: 'u-mgr', createdAt: NOW, updatedAt: LATER, body: 'B2' });
    expect(edited.product).toBeUndefined();
    expect(edited.tags).toBeUndefined();
  });
  it('versions count publications', () => {
    const draft = buildArticle({ ...emptyArticleValues('en'), title: 'T', body: 'B' }, undefined, ctx);
    const v1 = published(draft, false, NOW);
    expect(v1).toMatchObject({ status: 'published', version: 1, publishedAt: NOW });
    const v2 = published(buildArticle({ ...valuesOf(v1), body: 'B2' }, v1, { ...ctx, now: LATER }), true, LATER);
    expect(v2).toMatchObject({ status: 'published', version: 2, publishedAt: LATER });
  });
});

describe('promoting an answer', () => {
  const q: Question = {
    id: 'q-1', territoryId: 't-bj', askedBy: 'u-rep', type: 'market', routedTo: 'expert', text: '医院药事会要求提供\n药物经济学数据，怎么办？',
    status: 'answered', askedAt: NOW, answer: { text: '请联系市场准入部获取 **药物经济学** 资料包。', by: 'u-expert', at: LATER },
    product: { productId: 'prod-coagusafe', name: '凝安 Coagusafe 20 mg' },
    createdAt: NOW, updatedAt: LATER, createdBy: 'u-rep', updatedBy: 'u-expert',
  };
  it('makes a valid published article from the question and answer, linked back', () => {
    const a: Article = articleFromAnswer(q, { id: 'kb-q', userId: 'u-mgr', now: LATER });
    expect(a).toMatchObject({
      id: 'kb-q', title: '医院药事会要求提供 药物经济学数据，怎么办？', body: q.answer!.text, category: 'business', lang: 'zh-CN',
      status: 'published', version: 1, publishedAt: LATER, sourceQuestionId: 'q-1', product: q.product, authorId: 'u-mgr',
    });
    expect(hasErrors(validateDocument('articles', { ...a }))).toBe(false);
    expect(articleFromAnswer({ ...q, type: 'product_service' }, { id: 'x', userId: 'u', now: NOW }).category).toBe('product');
  });
});
