import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CustomerTier } from '../../../../shared/schemas';

const COLORS: Record<CustomerTier, 'error' | 'warning' | 'info' | 'default'> = { A: 'error', B: 'warning', C: 'info', D: 'default' };

export function TierChip({ tier }: Readonly<{ tier: CustomerTier | undefined }>) {
  const { t } = useTranslation();
  if (!tier) return null;
  return <Chip size="small" label={t(`tier.${tier}`)} color={COLORS[tier]} variant="outlined" sx={{ fontWeight: 600 }} />;
}
