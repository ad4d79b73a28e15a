import { useRef } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Box, ListItemButton, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/schemas';
import { Highlight } from '../../components/Highlight';
import { TierChip } from './TierChip';
import { CustomerTypeIcon } from './CustomerTypeIcon';

const ROW_HEIGHT = 60;

/** The customer list, virtualised: only the rows on screen exist, so 10,000 stay smooth. */
export function CustomerList({ customers, query }: Readonly<{ customers: readonly Customer[]; query: string }>) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed for this use
  const virtualizer = useVirtualizer({
    count: customers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <Box ref={scrollRef} sx={{ flex: 1, minHeight: 0, overflow: 'auto' }} role="list" aria-label={t('customers.list')}>
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const c = customers[item.index] as Customer;
          const sub = [c.institution, c.department, c.address?.city].filter(Boolean).join(' · ');
          return (
            <Box key={c.id} role="listitem" sx={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              <ListItemButton component={Link} to={`/customers/${c.id}`} sx={{ height: ROW_HEIGHT, borderBottom: 1, borderColor: 'divider', gap: 1.5 }}>
                <CustomerTypeIcon type={c.type} />
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
                    <Typography noWrap sx={{ fontWeight: 600 }}>
                      <Highlight text={c.name} query={query} />
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap>
                      <Highlight text={c.code} query={query} />
                    </Typography>
                  </Stack>
                  <Typography variant="body2" color="text.secondary" noWrap>
                    {t(`customerTypeShort.${c.type}`)}
                    {sub ? ' · ' : ''}
                    <Highlight text={sub} query={query} />
                  </Typography>
                </Box>
                <TierChip tier={c.assessment?.tier} />
              </ListItemButton>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
