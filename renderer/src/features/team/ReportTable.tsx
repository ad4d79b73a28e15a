import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Link, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import type { CellValue, ColumnKind } from '../../../../shared/export/table';
import { formatNumber } from '../../components/format';
import { formatPercent } from './format';
import type { ScreenTable } from './screenTable';

interface Props {
  table: ScreenTable;
  /** Accessible name of the table. */
  label: string;
  onDrill?(key: string): void;
  /** Rows per page; longer tables get pages. */
  pageSize?: number;
  emptyText?: string;
  maxHeight?: number;
  /** A trailing column of controls (screen only, never exported), per row index. */
  action?: { header: string; render(rowIndex: number): ReactNode };
}

/** Longer texts (a summary, the customer's words) wrap; short ones (dates, numbers, names) never break. */
const LONG_TEXT = 32;
/**
 * Short headers stay on one line; longer ones wrap (numbers are narrow, so their headers wrap
 * sooner: "Wk 41 ·" over "10/5" keeps eight weeks and the total on screen).
 */
const headerSx = (header: string, numeric: boolean) => {
  const short = header.length <= (numeric ? 10 : 12);
  return { fontWeight: 600, whiteSpace: short ? 'nowrap' : 'normal', minWidth: short ? undefined : numeric ? 80 : 96 };
};

/**
 * The first column (who or what the row is about) stays in view when a wide table scrolls
 * sideways. (Its header cell is already sticky, to the top, with the header's background.)
 */
const STICKY = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } as const;

function display(value: CellValue, kind: ColumnKind | undefined, language: string): string {
  if (value === null) return kind === 'percent' ? '—' : '';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return formatPercent(value, language, 1);
  if (kind === 'money') return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return formatNumber(value, language);
}

/** A report or list as a table: numbers right-aligned, figures open their drill-down, records link to their page. */
export function ReportTable({ table, label, onDrill, pageSize = 50, emptyText, maxHeight, action }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(pageSize);
  const paged = table.rows.length > pageSize;
  const start = paged ? Math.min(page, Math.max(0, Math.ceil(table.rows.length / perPage) - 1)) * perPage : 0;
  const end = paged ? start + perPage : table.rows.length;
  const numeric = (kind: ColumnKind | undefined) => kind === 'number' || kind === 'money' || kind === 'percent';

  if (table.rows.length === 0) return <Typography color="text.secondary" sx={{ py: 2 }}>{emptyText ?? t('team.noRecords')}</Typography>;
  return (
    <Box>
      <TableContainer sx={{ maxHeight, overflowX: 'auto' }}>
        <Table size="small" stickyHeader aria-label={label} sx={{ '& .MuiTableCell-root': { px: 1.25 } }}>
          <TableHead>
            <TableRow>
              {table.columns.map((c, i) => (
                <TableCell key={i} align={numeric(c.kind) ? 'right' : 'left'} sx={{ ...headerSx(c.header, numeric(c.kind)), ...(i === 0 ? { left: 0, zIndex: 3 } : undefined) }}>{c.header}</TableCell>
              ))}
              {action && <TableCell sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{action.header}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {table.rows.slice(start, end).map((row, offset) => {
              const r = start + offset;
              const total = r === table.totalRow;
              return (
                <TableRow key={r} hover sx={total ? { '& td, & th': { fontWeight: 700, borderTop: 2, borderTopColor: 'divider' } } : undefined}>
                  {row.map((value, c) => {
                    const kind = table.columns[c]?.kind;
                    const text = display(value, kind, i18n.language);
                    const drill = table.drills?.[r]?.[c] ?? null;
                    const link = table.links?.[r]?.[c] ?? null;
                    const content = drill && onDrill ? (
                      <Link component="button" type="button" underline="hover" onClick={() => onDrill(drill)} sx={{ font: 'inherit', fontWeight: 'inherit' }}>{text}</Link>
                    ) : link ? (
                      <Link component={RouterLink} to={link} underline="hover">{text}</Link>
                    ) : text;
                    return c === 0 ? (
                      <TableCell key={c} component="th" scope="row" sx={{ whiteSpace: 'nowrap', ...STICKY }}>{content}</TableCell>
                    ) : (
                      <TableCell key={c} align={numeric(kind) ? 'right' : 'left'} sx={text.length > LONG_TEXT ? { minWidth: 240, maxWidth: 480, overflowWrap: 'anywhere' } : { whiteSpace: 'nowrap' }}>{content}</TableCell>
                    );
                  })}
                  {action && <TableCell sx={{ whiteSpace: 'nowrap', py: 0.5 }}>{action.render(r)}</TableCell>}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {paged && (
        <TablePagination
          component="div"
          count={table.rows.length}
          page={start / perPage}
          rowsPerPage={perPage}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_, p) => setPage(p)}
          onRowsPerPageChange={(e) => {
            setPerPage(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage={t('team.rowsPerPage')}
          labelDisplayedRows={({ from, to, count }) => t('team.displayedRows', { from, to, count })}
          getItemAriaLabel={(type) => t(`team.pageNav.${type}`)}
        />
      )}
    </Box>
  );
}
