import type { ImportMode, ImportResult } from '../../shared/import/api';
import { checkRows, type ImportContext, type ImportInputs } from '../../shared/import/checkRows';
import { mappingProblems } from '../../shared/import/mapping';
import type { ColumnMapping, ImportKind, Table } from '../../shared/import/types';
import type { Store } from '../store/types';
import type { ImportEnv, ImportPlan } from './plan';
import { planArticles, planCustomers, planProducts } from './planDocs';
import { planTerritories, planUsers } from './planOrg';

/**
 * One import, the same for the CLI and the admin endpoint: check every row with the shared core
 * and the organisation's data, decide against the store what would change, and in commit mode
 * write it. Nothing is written when a row is invalid, unless the admin chose `validOnly`.
 */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
  constructor(message: string, readonly result?: ImportResult) {
    super(message);
  }
}

export interface ImportRun {
  kind: ImportKind;
  table: Table;
  mapping: ColumnMapping;
  mode: ImportMode;
  validOnly?: boolean;
}

async function contextOf(store: Store): Promise<ImportContext> {
  return {
    territoryIds: new Set((await store.listTerritories()).map((t) => t.id)),
    userNames: new Set((await store.listUsers()).map((u) => u.userName)),
  };
}

const PLANNERS: { [K in ImportKind]: (store: Store, rows: ImportInputs[K][], env: ImportEnv) => Promise<ImportPlan> } = {
  customers: planCustomers,
  products: planProducts,
  articles: planArticles,
  users: planUsers,
  territories: planTerritories,
};

export async function runImport(store: Store, run: ImportRun, env: ImportEnv): Promise<ImportResult> {
  const problems = mappingProblems(run.kind, run.table.headers, run.mapping);
  if (problems.length > 0) throw new ImportRefused(problems.join('; '));
  const checked = checkRows(run.kind, run.table, run.mapping, await contextOf(store));
  const decide = PLANNERS[run.kind] as (store: Store, rows: ImportInputs[ImportKind][], env: ImportEnv) => Promise<ImportPlan>;
  let plan = await decide(store, checked.valid, env);
  const errors = [...checked.errors, ...plan.errors].sort((a, b) => a.line - b.line);
  if (plan.errors.length > 0) {
    // Decide again without the rows the store's data refused, so counts and writes leave them out.
    const refused = new Set(plan.errors.map((e) => e.line));
    plan = await decide(store, checked.valid.filter((r) => !refused.has(r.line)), env);
  }
  const invalidLines = new Set(errors.map((e) => e.line)).size;
  const result: ImportResult = {
    kind: run.kind,
    mode: run.mode,
    total: checked.total,
    valid: checked.total - invalidLines,
    errors,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    skipped: 0,
  };
  if (run.mode === 'preview') return result;
  if (errors.length > 0 && !run.validOnly) {
    throw new ImportRefused(`${invalidLines} of ${checked.total} rows have errors: nothing was imported (fix them, or import the valid rows only)`, result);
  }
  const passwords = await plan.apply();
  return { ...result, skipped: invalidLines, ...(run.kind === 'users' ? { passwords } : {}) };
}
