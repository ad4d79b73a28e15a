import type { Role } from '../schemas';
import { hasErrors, validateDocument, type FieldErrorCode } from '../validation/validateDocument';
import { fieldsOf, naturalKeyOf } from './fields';
import { rowError } from './messages';
import type { ColumnMapping, ImportKind, RowError, RowErrorCode, Table, TableRow } from './types';
import { ENUM_VALUES, enumValue, parseList, parseNumber, type EnumName } from './values';

/**
 * Every row of a table checked for one kind of import: against the document schemas in
 * shared/schemas and the organisation's rules. Gives the rows ready to apply (with their line)
 * and the errors (line, field, reason). Reference checks (territories, users) need `context`
 * from the server; without it (the app offline) only what the file itself shows is checked.
 */
export interface ImportContext {
  territoryIds: ReadonlySet<string>;
  /** Lower-case user names of every user, active or not. */
  userNames: ReadonlySet<string>;
}

interface Base { line: number; key: string }
export interface CustomerInput extends Base { doc: Record<string, unknown>; ownerUserName?: string }
export interface ProductInput extends Base { doc: Record<string, unknown> }
export interface ArticleInput extends Base { doc: Record<string, unknown>; product?: string }
export interface UserInput extends Base {
  displayName: string;
  roles: Role[];
  territoryIds: string[];
  managerUserName?: string;
  /** Only used when the user is created; never logged. */
  password?: string;
}
export interface TerritoryInput extends Base { name: string }

export interface ImportInputs {
  customers: CustomerInput;
  products: ProductInput;
  articles: ArticleInput;
  users: UserInput;
  territories: TerritoryInput;
}
export type ImportInput = ImportInputs[ImportKind];

export interface CheckedRows<K extends ImportKind = ImportKind> {
  kind: K;
  /** Data rows in the file. */
  total: number;
  /** The rows without any error, in file order. */
  valid: ImportInputs[K][];
  errors: RowError[];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const USER_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const PLACEHOLDER_TIME = '2000-01-01T00:00:00.000Z';
const META = { createdAt: PLACEHOLDER_TIME, updatedAt: PLACEHOLDER_TIME, createdBy: 'import', updatedBy: 'import' };

/** Where each import field lands in the document (for fields that are not top level with the same name). */
const DOC_PATHS: Partial<Record<ImportKind, Record<string, string>>> = {
  customers: {
    territory: 'territoryId', owner: 'ownerId', address: 'address.line', city: 'address.city', province: 'address.province',
    postalCode: 'address.postalCode', tier: 'assessment.tier', rating: 'assessment.rating',
    annualSales: 'assessment.annualSales', potentialValue: 'assessment.potentialValue',
  },
};

const FIELD_CODES: Partial<Record<FieldErrorCode, RowErrorCode>> = {
  required: 'required', tooLong: 'tooLong', email: 'email', phone: 'phone', number: 'number', nonNegative: 'nonNegative',
  integer: 'integer', range: 'range', codeFormat: 'codeFormat', date: 'date', keyDate: 'date', currency: 'currency',
};

/** One row being read: its cells by field, and the errors found so far. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(private readonly row: TableRow, private readonly mapping: ColumnMapping) {}
  get line(): number { return this.row.line; }
  cell(field: string): string {
    const column = this.mapping[field];
    return column === undefined ? '' : (this.row.cells[column] ?? '').trim();
  }
  fail(field: string, code: RowErrorCode, params?: Record<string, string | number>): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push(rowError(this.row.line, field, code, params));
  }
  enum<E extends EnumName>(field: string, name: E): (typeof ENUM_VALUES)[E][number] | undefined {
    const text = this.cell(field);
    if (text === '') return undefined;
    const value = enumValue(name, text);
    if (value === undefined) this.fail(field, 'oneOf', { value: text, allowed: ENUM_VALUES[name].join(', ') });
    return value;
  }
  number(field: string): number | undefined {
    const text = this.cell(field);
    if (text === '') return undefined;
    const value = parseNumber(text);
    if (Number.isNaN(value)) {
      this.fail(field, 'number', { value: text });
      return undefined;
    }
    return value;
  }
}

/** Sets a dotted path in a plain object ("address.city"), leaving out empty values. */
function put(doc: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined || value === '') return;
  const parts = path.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** Schema errors of a candidate document, reported on the import fields they came from. */
function schemaErrors(r: RowReader, kind: 'customers' | 'products' | 'articles', candidate: Record<string, unknown>): void {
  const errors = validateDocument(kind, candidate);
  if (!hasErrors(errors)) return;
  const paths = DOC_PATHS[kind] ?? {};
  const fieldOfPath = new Map(Object.entries(paths).map(([field, path]) => [path, field]));
  for (const [path, error] of Object.entries(errors)) {
    const field = fieldOfPath.get(path) ?? path.split('.')[0] ?? '';
    r.fail(field, FIELD_CODES[error.code] ?? 'invalid', error.params);
  }
}

function text(r: RowReader, doc: Record<string, unknown>, fields: readonly string[], kind: ImportKind): void {
  const paths = DOC_PATHS[kind] ?? {};
  for (const field of fields) put(doc, paths[field] ?? field, r.cell(field));
}

function readCustomer(r: RowReader): CustomerInput {
  const doc: Record<string, unknown> = {};
  text(r, doc, ['code', 'name', 'territory', 'institution', 'department', 'title', 'specialty', 'phone', 'email', 'address', 'city', 'province', 'postalCode', 'repCode', 'notes'], 'customers');
  put(doc, 'type', r.enum('type', 'customerType'));
  put(doc, 'assessment.tier', r.enum('tier', 'tier'));
  for (const field of ['rating', 'annualSales', 'potentialValue', 'creditLimit'] as const) put(doc, DOC_PATHS.customers![field] ?? field, r.number(field));
  put(doc, 'currency', r.cell('currency').toUpperCase());
  schemaErrors(r, 'customers', { id: 'import', ownerId: 'import', code: 'x', name: 'x', type: 'hcp', territoryId: 'x', ...doc, ...META });
  const owner = r.cell('owner').toLowerCase();
  return { line: r.line, key: r.cell('code'), doc, ...(owner ? { ownerUserName: owner } : {}) };
}

function readProduct(r: RowReader): ProductInput {
  const doc: Record<string, unknown> = {};
  text(r, doc, ['code', 'name', 'genericName', 'composition', 'indications', 'market', 'benefits', 'risks'], 'products');
  put(doc, 'type', r.enum('type', 'productType'));
  put(doc, 'status', r.enum('status', 'productStatus'));
  schemaErrors(r, 'products', { id: 'import', code: 'x', name: 'x', type: 'rx', status: 'active', ...doc, ...META });
  return { line: r.line, key: r.cell('code'), doc };
}

function readArticle(r: RowReader): ArticleInput {
  const doc: Record<string, unknown> = {};
  text(r, doc, ['title', 'body'], 'articles');
  put(doc, 'category', r.enum('category', 'articleCategory'));
  put(doc, 'lang', r.enum('lang', 'lang'));
  put(doc, 'status', r.enum('status', 'articleStatus'));
  const tags = parseList(r.cell('tags'));
  if (tags.length > 0) doc.tags = tags;
  const id = r.cell('id');
  if (id && !ID_PATTERN.test(id)) r.fail('id', 'idFormat');
  const product = r.cell('product');
  schemaErrors(r, 'articles', {
    id: 'import', title: 'x', body: '', category: 'product', version: 1, status: 'draft', authorId: 'import', ...doc,
    ...(product ? { product: { name: product } } : {}), ...META,
  });
  return { line: r.line, key: id, doc, ...(product ? { product } : {}) };
}

function readUser(r: RowReader): UserInput {
  const userName = r.cell('userName').toLowerCase();
  if (userName && !USER_NAME_PATTERN.test(userName)) r.fail('userName', 'userNameFormat');
  const displayName = r.cell('displayName');
  if (displayName.length > 200) r.fail('displayName', 'tooLong', { max: 200 });
  const roles: Role[] = [];
  for (const word of parseList(r.cell('roles'))) {
    const role = enumValue('role', word);
    if (role === undefined) r.fail('roles', 'unknownRole', { value: word });
    else if (!roles.includes(role)) roles.push(role);
  }
  const territoryIds = parseList(r.cell('territories'));
  for (const id of territoryIds) if (!ID_PATTERN.test(id)) r.fail('territories', 'idFormat');
  if (roles.includes('rep') && territoryIds.length === 0) r.fail('territories', 'repNeedsTerritory');
  const manager = r.cell('manager').toLowerCase();
  if (manager && manager === userName) r.fail('manager', 'managerCycle', { value: userName });
  const password = r.cell('password');
  if (password && password.length < 8) r.fail('password', 'passwordTooShort');
  if (password.length > 1024) r.fail('password', 'tooLong', { max: 1024 });
  return {
    line: r.line, key: userName, displayName, roles, territoryIds,
    ...(manager ? { managerUserName: manager } : {}), ...(password ? { password } : {}),
  };
}

function readTerritory(r: RowReader): TerritoryInput {
  const id = r.cell('id');
  if (id && !ID_PATTERN.test(id)) r.fail('id', 'idFormat');
  const name = r.cell('name');
  if (name.length > 200) r.fail('name', 'tooLong', { max: 200 });
  return { line: r.line, key: id, name };
}

const READERS: { [K in ImportKind]: (r: RowReader) => ImportInputs[K] } = {
  customers: readCustomer,
  products: readProduct,
  articles: readArticle,
  users: readUser,
  territories: readTerritory,
};

/** Reference checks that need the organisation (the server's context). */
function checkReferences(kind: ImportKind, input: ImportInput, r: RowReader, context: ImportContext, fileUserNames: ReadonlySet<string>): void {
  if (kind === 'customers') {
    const c = input as CustomerInput;
    const territory = c.doc.territoryId as string | undefined;
    if (territory && !context.territoryIds.has(territory)) r.fail('territory', 'unknownTerritory', { value: territory });
    if (c.ownerUserName && !context.userNames.has(c.ownerUserName)) r.fail('owner', 'unknownUser', { value: c.ownerUserName });
  } else if (kind === 'users') {
    const u = input as UserInput;
    for (const id of u.territoryIds) if (!context.territoryIds.has(id)) r.fail('territories', 'unknownTerritory', { value: id });
    if (u.managerUserName && !context.userNames.has(u.managerUserName) && !fileUserNames.has(u.managerUserName)) {
      r.fail('manager', 'unknownUser', { value: u.managerUserName });
    }
  }
}

/** Users of the file whose manager chain (inside the file) comes back to them. */
function managerCycles(users: readonly UserInput[]): Set<string> {
  const managerOf = new Map(users.map((u) => [u.key, u.managerUserName]));
  const cyclic = new Set<string>();
  for (const u of users) {
    const seen = new Set<string>([u.key]);
    for (let m = u.managerUserName; m !== undefined; m = managerOf.get(m)) {
      if (seen.has(m)) {
        if (m === u.key) cyclic.add(u.key);
        break;
      }
      seen.add(m);
    }
  }
  return cyclic;
}

export function checkRows<K extends ImportKind>(kind: K, table: Table, mapping: ColumnMapping, context?: ImportContext): CheckedRows<K> {
  const keyField = naturalKeyOf(kind);
  const required = fieldsOf(kind).filter((x) => x.required).map((x) => x.key);
  const read: Array<{ reader: RowReader; input: ImportInputs[K] }> = [];
  const firstLineOfKey = new Map<string, number>();
  for (const row of table.rows) {
    const reader = new RowReader(row, mapping);
    for (const field of required) if (reader.cell(field) === '') reader.fail(field, 'required');
    const input = READERS[kind](reader) as ImportInputs[K];
    if (input.key) {
      // Keys compare as stored: codes and ids exactly, user names in lower case (already).
      const first = firstLineOfKey.get(input.key);
      if (first !== undefined) reader.fail(keyField, 'duplicate', { value: input.key, line: first });
      else firstLineOfKey.set(input.key, row.line);
    }
    read.push({ reader, input });
  }
  if (context) {
    const fileUserNames = new Set(kind === 'users' ? read.map((x) => x.input.key) : []);
    for (const { reader, input } of read) checkReferences(kind, input, reader, context, fileUserNames);
  }
  if (kind === 'users') {
    const cyclic = managerCycles(read.map((x) => x.input as UserInput));
    for (const { reader, input } of read) if (cyclic.has(input.key)) reader.fail('manager', 'managerCycle', { value: input.key });
  }
  if (kind === 'users' && context) {
    // A manager who is only in the file must be imported too: an invalid manager row fails its team's rows.
    const failed = (): Set<string> => new Set(read.filter((x) => x.reader.errors.length > 0).map((x) => x.input.key));
    for (let bad = failed(), before = -1; bad.size !== before; before = bad.size, bad = failed()) {
      for (const { reader, input } of read) {
        const m = (input as UserInput).managerUserName;
        if (m && bad.has(m) && !context.userNames.has(m)) reader.fail('manager', 'unknownUser', { value: m });
      }
    }
  }
  // In file order: by line, then by the column the field comes from.
  const column = (field: string): number => mapping[field] ?? Number.MAX_SAFE_INTEGER;
  const errors = read.flatMap((x) => x.reader.errors).sort((a, b) => a.line - b.line || column(a.field) - column(b.field));
  const valid = read.filter((x) => x.reader.errors.length === 0).map((x) => x.input);
  return { kind, total: table.rows.length, valid, errors };
}
