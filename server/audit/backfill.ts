import type { MigrationTx } from '../store/migrate';
import { AUDIT_COLUMNS, toAudit, type AuditRow } from '../store/rows';
import { chainEntry, GENESIS_HASH } from './chain';

const PAGE = 1000;

/**
 * Migration step: chains the entries written before the hash chain existed, in id order, inside
 * the migration's transaction. `placeholder(n)` is the dialect's n-th parameter (`?` or `$n`).
 */
export async function chainExistingAuditEntries(tx: MigrationTx, placeholder: (n: number) => string): Promise<number> {
  const p = placeholder;
  let prev = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await tx.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE id > ${p(1)} ORDER BY id LIMIT ${PAGE}`, [afterId]);
    for (const row of rows) {
      const e = toAudit(row);
      const chained = chainEntry(prev, e);
      await tx.query(
        `UPDATE audit SET values_salt = ${p(1)}, values_digest = ${p(2)}, prev_hash = ${p(3)}, hash = ${p(4)} WHERE id = ${p(5)}`,
        [chained.salt, chained.valuesDigest, chained.prevHash, chained.hash, e.id],
      );
      prev = chained.hash;
      afterId = e.id;
      count++;
    }
    if (rows.length < PAGE) return count;
  }
}
