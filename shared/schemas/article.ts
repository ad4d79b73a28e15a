import { toTypedRxJsonSchema, type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema } from 'rxdb';
import { idField, instantField, metaProperties, metaRequired, productRefField, refField } from './fragments';

export const ARTICLE_CATEGORIES = ['product', 'business', 'service'] as const;
export const ARTICLE_STATUSES = ['draft', 'published'] as const;

/** Knowledge base article or FAQ (销售经理知识模块). The answer is Markdown, rendered safely. */
const articleSchemaLiteral = {
  title: 'article',
  description: 'Knowledge article or FAQ',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    title: { type: 'string', minLength: 1, maxLength: 500 },
    body: { type: 'string', maxLength: 100_000 },
    product: productRefField,
    category: { type: 'string', enum: ARTICLE_CATEGORIES },
    tags: { type: 'array', maxItems: 30, items: { type: 'string', maxLength: 50 } },
    lang: { type: 'string', enum: ['zh-CN', 'en'] },
    version: { type: 'integer', minimum: 1 },
    status: { type: 'string', enum: ARTICLE_STATUSES, maxLength: 10 },
    publishedAt: instantField,
    authorId: refField,
    /** The expert question this article was promoted from. */
    sourceQuestionId: refField,
    ...metaProperties,
  },
  required: ['id', 'title', 'body', 'category', 'version', 'status', 'authorId', ...metaRequired],
  indexes: ['status'],
} as const;

export const articleSchemaTyped = toTypedRxJsonSchema(articleSchemaLiteral);
export type Article = ExtractDocumentTypeFromTypedRxJsonSchema<typeof articleSchemaTyped>;
export const articleSchema: RxJsonSchema<Article> = articleSchemaLiteral;
