import type { SyncedCollection } from '../../shared/sync/protocol';
import { CUSTOMER_MARKED, CUSTOMER_REMOVED } from './anonymise';

/** A customer's fields that stay as the erasure left them: no push puts personal data back. */
export const ERASED_CUSTOMER_FIELDS: readonly string[] = ['name', 'erasedAt', ...CUSTOMER_REMOVED, ...CUSTOMER_MARKED];

/**
 * The fields a push may not change on this document: the server-owned ones, and on a customer
 * whose personal data was erased also its personal fields. A laptop that was offline during the
 * erasure (or an old copy anywhere) would otherwise push them back; the merge keeps the server's
 * values for these fields and records no conflict, so the old values end up nowhere.
 */
export function protectedFields(collection: SyncedCollection, master: unknown, serverOwned: readonly string[]): readonly string[] {
  const erased = collection === 'customers' && typeof (master as { erasedAt?: unknown } | undefined)?.erasedAt === 'string';
  return erased ? [...serverOwned, ...ERASED_CUSTOMER_FIELDS] : serverOwned;
}
