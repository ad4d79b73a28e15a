import { isoWeekNumber } from '../../../../shared/reports/days';
import { localDay } from '../../../../shared/util/time';
import type { LooseT } from '../../i18n';

/** Plain, sortable, language-neutral date texts for tables and exports. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${localDay(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function localDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : localDay(d);
}

/** "Wk 47 · 11/16" / "第47周 · 11/16": the ISO week of a Monday and its date. */
export function weekLabel(monday: string, t: LooseT, language: string): string {
  const [y, m, d] = monday.split('-').map(Number);
  const date = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric' }).format(new Date(y!, m! - 1, d!));
  return t('team.weekLabel', { week: isoWeekNumber(monday), date });
}

export function formatPercent(share: number | null, language: string, fractionDigits = 0): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: fractionDigits }).format(share);
}
