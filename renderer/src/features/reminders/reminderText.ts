import type { TFunction } from 'i18next';
import type { AgendaEntry } from '../../../../shared/reminders/due';
import type { ReminderItem } from '../../../../shared/reminders/items';
import { formatDay } from '../../components/format';

/** The headline of a reminder in the UI language: the rep's words, or one composed from its source. */
export function reminderTitle(item: ReminderItem, t: TFunction): string {
  const name = item.customerName ?? '';
  switch (item.kind) {
    case 'follow_up':
      return item.title || t('reminders.followUpWith', { name });
    case 'key_date': {
      const kind = t(`keyDateKind.${item.keyDate?.kind ?? 'other'}`);
      return item.title ? t('reminders.keyDateLabelled', { label: item.title, name }) : t('reminders.keyDateTitle', { kind, name });
    }
    default:
      return item.title;
  }
}

/** The small print under the headline: where it comes from and what is special about it. */
export function reminderDetails(entry: Pick<AgendaEntry, 'item' | 'snoozed' | 'day'>, t: TFunction, lang: string): string[] {
  const { item } = entry;
  const out: string[] = [];
  if (item.dueTime) out.push(t('reminders.at', { time: item.dueTime }));
  if (item.kind === 'follow_up') {
    if (item.visitDraft) out.push(t('reminders.draftVisit'));
    if (item.undated) out.push(t('reminders.undated'));
  }
  if (item.kind === 'key_date') out.push(t('reminders.keyDateOn', { date: formatDay(item.dueDate, lang) }));
  if (item.kind === 'replenishment') {
    if (item.product && !item.title.includes(item.product.name)) out.push(item.product.name);
    out.push(t('reminders.every', { count: item.intervalDays ?? 0 }));
    if (item.lastSupplied) out.push(t('reminders.lastSupplied', { date: formatDay(item.lastSupplied, lang) }));
  }
  if (entry.snoozed) out.push(t('reminders.snoozedUntil', { date: formatDay(entry.day, lang) }));
  if (item.customerMissing) out.push(t('reminders.customerGone'));
  return out;
}

/** Body of a desktop notification for one reminder: customer, and how late or when. */
export function notificationBody(entry: Pick<AgendaEntry, 'item' | 'daysOverdue'>, t: TFunction): string {
  const parts = [entry.item.customerName, entry.daysOverdue > 0 ? t('reminders.overdueDays', { count: entry.daysOverdue }) : entry.item.dueTime ? t('reminders.at', { time: entry.item.dueTime }) : undefined];
  return parts.filter(Boolean).join(' · ');
}
