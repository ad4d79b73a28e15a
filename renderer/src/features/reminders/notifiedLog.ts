import type { NotifiedLog } from '../../../../shared/reminders/notifications';

/**
 * What this device already announced today, per user. Kept in localStorage (a device-local
 * bookkeeping detail, not business data: every device of the rep announces on its own).
 */
const keyFor = (userId: string) => `fieldbook.reminders.notified.${userId}`;

export function loadNotifiedLog(userId: string, storage: Pick<Storage, 'getItem'> = localStorage): NotifiedLog | null {
  try {
    const parsed = JSON.parse(storage.getItem(keyFor(userId)) ?? 'null') as unknown;
    if (parsed === null || typeof parsed !== 'object') return null;
    const { day, keys } = parsed as Partial<NotifiedLog>;
    if (typeof day !== 'string' || !Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return null;
    return { day, keys };
  } catch {
    return null;
  }
}

export function saveNotifiedLog(userId: string, log: NotifiedLog, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(keyFor(userId), JSON.stringify(log));
  } catch {
    // Storage full or disabled: at worst a reminder is announced twice.
  }
}
