import type { RowError } from '../../../../shared/import/types';
import type { LooseT } from '../../i18n';

/** A row error in the UI language: "Line 4, Territory: there is no territory "t-xx"". */
export function rowErrorText(t: LooseT, e: RowError): string {
  const field = e.field ? t(`adminImport.field.${e.field}`) : '';
  return t('adminImport.errorRow', { line: e.line, field, reason: t(`adminImport.error.${e.code}`, e.params ?? {}) });
}
