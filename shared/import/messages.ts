import type { RowError, RowErrorCode } from './types';

/** English reasons for the CLI, the API and logs (the app shows its own, translated, by code). */
const MESSAGES: Record<RowErrorCode, (p: Record<string, string | number>) => string> = {
  required: () => 'is required',
  tooLong: (p) => `is longer than ${p.max} characters`,
  invalid: () => 'is not valid',
  oneOf: (p) => `"${p.value}" is not one of: ${p.allowed}`,
  email: () => 'is not an email address',
  phone: () => 'is not a phone number',
  codeFormat: () => 'may hold only letters, digits and . _ / - (starting with a letter or digit)',
  idFormat: () => 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  userNameFormat: () => 'must be 2-64 lowercase letters, digits, ".", "_" or "-"',
  number: (p) => `"${p.value}" is not a number`,
  nonNegative: () => 'must not be negative',
  integer: () => 'must be a whole number',
  range: (p) => `must be between ${p.min} and ${p.max}`,
  date: () => 'is not a date (YYYY-MM-DD)',
  currency: () => 'must be a three-letter currency code such as CNY',
  duplicate: (p) => `"${p.value}" is already on line ${p.line}`,
  passwordTooShort: () => 'must be at least 8 characters',
  unknownTerritory: (p) => `no territory "${p.value}"`,
  unknownUser: (p) => `no user "${p.value}"`,
  unknownRole: (p) => `"${p.value}" is not a role (rep, manager, admin, expert, medical_affairs)`,
  ambiguous: (p) => `${p.count} existing records have "${p.value}": fix them in the app first`,
  repNeedsTerritory: () => 'a rep needs at least one territory',
  managerCycle: (p) => `"${p.value}" would end up managing themselves`,
  publishedToDraft: () => 'a published article cannot go back to draft',
};

export function rowError(line: number, field: string, code: RowErrorCode, params?: Record<string, string | number>): RowError {
  const reason = MESSAGES[code](params ?? {});
  return { line, field, code, ...(params ? { params } : {}), message: field ? `${field}: ${reason}` : reason };
}

/** "line 7, territory: no territory "t-xx"" — one error per line of CLI output. */
export function formatRowError(e: RowError): string {
  return `line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message}`;
}
