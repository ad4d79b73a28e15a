import type { RxJsonSchema } from 'rxdb';
import { activitySchema, type Activity } from './activity';
import { adverseEventSchema, type AdverseEvent } from './adverseEvent';
import { articleSchema, type Article } from './article';
import { colleagueSchema, type Colleague } from './colleague';
import { commentSchema, type Comment } from './comment';
import { conflictSchema, type Conflict } from './conflict';
import { customerSchema, type Customer } from './customer';
import { feedbackSchema, type Feedback } from './feedback';
import { productSchema, type Product } from './product';
import { questionSchema, type Question } from './question';
import { reminderSchema, type Reminder } from './reminder';
import { visitSchema, type Visit } from './visit';

export * from './activity';
export * from './adverseEvent';
export * from './article';
export * from './colleague';
export * from './comment';
export * from './conflict';
export * from './customer';
export * from './feedback';
export * from './product';
export * from './question';
export * from './reminder';
export * from './visit';

/** Document type of each collection, by collection name (names are RxDB-safe: lowercase). */
export interface DocTypes {
  customers: Customer;
  visits: Visit;
  feedback: Feedback;
  adverseevents: AdverseEvent;
  products: Product;
  articles: Article;
  questions: Question;
  reminders: Reminder;
  colleagues: Colleague;
  activities: Activity;
  comments: Comment;
  conflicts: Conflict;
}
export type CollectionName = keyof DocTypes;

/**
 * Every collection of the product, designed up front. RxDB's free tier opens at most 13
 * collections per process: 12 are used, one is spare.
 */
export const schemas: { [K in CollectionName]: RxJsonSchema<DocTypes[K]> } = {
  customers: customerSchema,
  visits: visitSchema,
  feedback: feedbackSchema,
  adverseevents: adverseEventSchema,
  products: productSchema,
  articles: articleSchema,
  questions: questionSchema,
  reminders: reminderSchema,
  colleagues: colleagueSchema,
  activities: activitySchema,
  comments: commentSchema,
  conflicts: conflictSchema,
};

export const COLLECTION_NAMES = Object.keys(schemas) as CollectionName[];
