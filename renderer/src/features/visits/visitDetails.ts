import type { Visit } from '../../../../shared/schemas';
import { formatDateTime, formatDay, formatMoney } from '../../components/format';
import type { LooseT } from '../../i18n';

/** One label/value line of a visit as read, in the UI language. */
export interface VisitDetailRow {
  /** Stable key: the visit field it shows. */
  id: string;
  label: string;
  /** Formatted value; the "none" dash when the field is empty. Lists are one item per line. */
  text: string;
  empty: boolean;
  /** Long text: shown over the full width. */
  wide?: boolean;
}

/**
 * Every field the visit form edits, formatted for reading (the read-only view of a submitted
 * visit), in the form's order; empty fields are kept and shown as a dash, so a reader sees
 * what was not recorded as well as what was.
 */
export function visitDetailRows(v: Visit, t: LooseT, language: string): VisitDetailRow[] {
  const money = (m: { amount: number; currency: string } | undefined) => (m ? formatMoney(m.amount, m.currency, language) : undefined);
  const lines = (items: string[] | undefined) => (items && items.length ? items.join('\n') : undefined);
  const fields: [id: string, labelKey: string, text: string | undefined, wide?: boolean][] = [
    ['kind', 'visits.kind', t(`visitKind.${v.kind}`)],
    ['startAt', 'visits.when', formatDateTime(v.startAt, language)],
    ['location', 'visits.location', v.location],
    ['durationMinutes', 'visits.duration', v.durationMinutes !== undefined ? t('visits.minutes', { count: v.durationMinutes }) : undefined],
    ['cost', 'visits.cost', money(v.cost)],
    ['productsPresented', 'visits.productsPresented', lines(v.productsPresented?.map((p) => p.name))],
    ['samples', 'visits.samples', lines(v.samples?.map((s) => `${s.product.name} × ${s.quantity}`))],
    [
      'concessions',
      'visits.concessions',
      lines(v.concessions?.map((c) => `${t(`concessionKind.${c.kind}`)}: ${c.description}${c.value ? ` (${money(c.value)})` : ''}`)),
    ],
    ['summary', 'visits.summary', v.summary, true],
    ['jointActions', 'visits.jointActions', v.jointActions, true],
    ['nextStep', 'visits.nextStep', v.nextStep, true],
    ['followUpDate', 'visits.followUpDate', v.followUpDate ? formatDay(v.followUpDate, language) : undefined],
    ['submittedAt', 'visitFlow.submittedAt', v.submittedAt ? formatDateTime(v.submittedAt, language) : undefined],
  ];
  return fields.map(([id, labelKey, text, wide]) => {
    const empty = text === undefined || text.trim() === '';
    return { id, label: t(labelKey), text: empty ? t('common.none') : text, empty, ...(wide ? { wide } : {}) };
  });
}
