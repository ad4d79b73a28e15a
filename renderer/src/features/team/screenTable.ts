import type { ExportTable } from '../../../../shared/export/table';

/**
 * A report table as shown and as exported: the export writes `columns` and `rows` as they
 * are; the screen also makes some cells open a drill-down or link to a record.
 */
export interface ScreenTable extends ExportTable {
  /** Per cell: the drill-down key it opens, or null. Same shape as `rows`. */
  drills?: (string | null)[][];
  /** Per cell: an in-app route it links to, or null. Same shape as `rows`. */
  links?: (string | null)[][];
  /** Index of a row that totals the others (shown in bold). */
  totalRow?: number;
}
