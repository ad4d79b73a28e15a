import type { Reminder } from '../../../../shared/schemas';
import type { ReminderItem } from '../../../../shared/reminders/items';

/** Custom and replenishment reminders are documents the rep wrote, so they can be edited (and deleted). */
export function editableDoc(item: ReminderItem): Reminder | undefined {
  return item.kind === 'custom' || item.kind === 'replenishment' ? item.state : undefined;
}
