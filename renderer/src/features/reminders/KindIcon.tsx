import type { SvgIconProps } from '@mui/material';
import ReplyOutlinedIcon from '@mui/icons-material/ReplyOutlined';
import CakeOutlinedIcon from '@mui/icons-material/CakeOutlined';
import InventoryOutlinedIcon from '@mui/icons-material/Inventory2Outlined';
import AlarmOutlinedIcon from '@mui/icons-material/AlarmOutlined';
import type { ReminderKind } from '../../../../shared/reminders/items';

const ICONS = { follow_up: ReplyOutlinedIcon, key_date: CakeOutlinedIcon, replenishment: InventoryOutlinedIcon, custom: AlarmOutlinedIcon } as const;
const COLORS: Record<ReminderKind, SvgIconProps['color']> = { follow_up: 'primary', key_date: 'secondary', replenishment: 'success', custom: 'action' };

/** One icon per kind of reminder, so a long list can be scanned at a glance. */
export function KindIcon({ kind, titleText }: Readonly<{ kind: ReminderKind; titleText: string }>) {
  const Icon = ICONS[kind];
  return <Icon color={COLORS[kind]} titleAccess={titleText} fontSize="small" />;
}
