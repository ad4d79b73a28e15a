import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../../../shared/export/csv';
import { exportFileName, type ExportTable } from '../../../../shared/export/table';
import { localDay } from '../../../../shared/util/time';
import { useToastStore } from '../../app/toastStore';
import { downloadBlob } from './export/download';
import { toXlsx } from './export/xlsx';

/** Saves a table as CSV or xlsx, generated here (offline), with the filters it was made with. */
export function useExport(filters: [string, string][]) {
  const { t } = useTranslation();
  const show = useToastStore((s) => s.show);
  return useCallback(
    async (table: ExportTable, format: 'csv' | 'xlsx') => {
      const withFilters = { ...table, filters: [...filters, [t('team.export.exportedAt'), new Date().toLocaleString()] as [string, string]] };
      const fileName = exportFileName(table.name, localDay(), format);
      try {
        const blob = format === 'csv'
          ? new Blob([toCsv(withFilters)], { type: 'text/csv;charset=utf-8' })
          : await toXlsx(withFilters, t('team.export.filtersSheet'));
        downloadBlob(blob, fileName);
        show(t('team.export.done', { file: fileName }));
      } catch (e) {
        show(t('team.export.failed', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [filters, show, t],
  );
}
