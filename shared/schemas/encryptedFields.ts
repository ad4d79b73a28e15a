import type { CollectionName, DocTypes } from './index';

/**
 * Fields the app keeps encrypted at rest on the laptop (RxDB's encryption plugin, AES with the
 * per-installation key the desktop shell keeps in the OS keychain). Encryption is a local storage
 * concern only: the schemas, the server and its validation see plain documents.
 *
 * What is encrypted: everything personal about a person (names, contact details, dates, bank
 * data, consent) and every free text a rep or customer wrote (notes, summaries, customer's words,
 * questions, answers, patient data of adverse events, coaching comments, reminder texts, and the
 * copies of values kept by conflicts). What stays clear: ids, codes, types, statuses, dates of
 * records and territory/owner references — the fields RxDB indexes, sorts and selects on (an
 * encrypted field cannot be indexed or queried by the storage). Customer search and name sorting
 * run in memory on decrypted documents, so `name` can be encrypted (it left the index).
 */
type EncryptedFields = { [K in CollectionName]?: readonly (keyof DocTypes[K] & string)[] };

export const ENCRYPTED_FIELDS = {
  customers: [
    'name', 'address', 'phone', 'email', 'contacts', 'institution', 'department', 'title', 'specialty', 'keyDates',
    'bankAccount', 'quotations', 'discountTerms', 'paymentTerms', 'paymentHistory', 'deliveryAddress', 'invoiceAddress',
    'notes', 'dataConsent', 'assessment',
  ],
  visits: ['location', 'cost', 'concessions', 'jointActions', 'summary', 'nextStep'],
  feedback: ['customerWords', 'repReading', 'resolution'],
  questions: ['text', 'answer'],
  adverseevents: ['patient', 'reporter', 'event', 'outcome'],
  comments: ['text'],
  conflicts: ['keptValue', 'otherValue'],
  reminders: ['title', 'notes'],
} as const satisfies EncryptedFields;

export function encryptedFieldsOf(collection: CollectionName): readonly string[] {
  return (ENCRYPTED_FIELDS as EncryptedFields)[collection] ?? [];
}
