import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useActiveProducts, useCustomerVisits } from '../visits/useVisits';
import type { Choice } from './FeedbackForm';
import { useColleagues } from './useFeedback';

/** What the capture forms offer: catalogue products (with a name → id lookup), assignees, the customer's contacts. */
export function useCaptureChoices(customerId: string | undefined) {
  const { t, i18n } = useTranslation();
  const products = useActiveProducts().data;
  const colleagues = useColleagues();
  const visits = useCustomerVisits(customerId || undefined).data;
  return useMemo(() => {
    const ids = new Map(products.map((p) => [p.name, p.id]));
    return {
      productOptions: products.map((p) => p.name),
      productId: (name: string) => ids.get(name),
      assignees: [...colleagues.values()].filter((c) => c.active).map((c): Choice => ({ id: c.id, label: c.displayName })),
      visits: visits.map((v): Choice => ({ id: v.id, label: `${t(`visitKind.${v.kind}`)} · ${formatDateTime(v.startAt, i18n.language)}` })),
    };
  }, [products, colleagues, visits, t, i18n.language]);
}
