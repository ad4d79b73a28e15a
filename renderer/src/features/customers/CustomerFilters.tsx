import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_TIERS, CUSTOMER_TYPES, type CustomerTier, type CustomerType } from '../../../../shared/schemas';

interface Props {
  types: readonly CustomerType[];
  tiers: readonly CustomerTier[];
  onTypes(types: CustomerType[]): void;
  onTiers(tiers: CustomerTier[]): void;
}

/** Type and tier filters; several may be on at once (none on = all). */
export function CustomerFilters({ types, tiers, onTypes, onTiers }: Readonly<Props>) {
  const { t } = useTranslation();
  return (
    <>
      <ToggleButtonGroup size="small" value={types} onChange={(_, v: CustomerType[]) => onTypes(v)} aria-label={t('customers.typeFilter')}>
        {CUSTOMER_TYPES.map((type) => (
          <ToggleButton key={type} value={type} sx={{ px: 1.5, textTransform: 'none' }}>
            {t(`customerTypeShort.${type}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ToggleButtonGroup size="small" value={tiers} onChange={(_, v: CustomerTier[]) => onTiers(v)} aria-label={t('customers.tierFilter')}>
        {CUSTOMER_TIERS.map((tier) => (
          <ToggleButton key={tier} value={tier} aria-label={t(`tier.${tier}`)} sx={{ px: 1.5 }}>
            {tier}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </>
  );
}
