import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Button, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import AddIcon from '@mui/icons-material/Add';
import { CUSTOMER_TIERS, CUSTOMER_TYPES, type CustomerTier, type CustomerType } from '../../../../shared/schemas';
import { useUiStore } from '../../app/uiStore';
import { useCustomerSearch } from './useCustomers';
import { CustomerList } from './CustomerList';
import { CustomerFilters } from './CustomerFilters';

function listParam<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  return (params.get(key) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Customers: search as you type, filter, open a file. Search and filters live in the URL so Back returns to them. */
export function CustomerListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const typesParam = params.get('type') ?? '';
  const tiersParam = params.get('tier') ?? '';
  const filters = useMemo(() => {
    const p = new URLSearchParams({ type: typesParam, tier: tiersParam });
    return { types: listParam<CustomerType>(p, 'type', CUSTOMER_TYPES), tiers: listParam<CustomerTier>(p, 'tier', CUSTOMER_TIERS) };
  }, [typesParam, tiersParam]);
  const { results, total, loading } = useCustomerSearch(query, filters);

  const searchRef = useRef<HTMLInputElement>(null);
  const focusTick = useUiStore((s) => s.searchFocusTick);
  useEffect(() => {
    if (focusTick > 0) searchRef.current?.focus();
  }, [focusTick]);
  // Not autoFocus: focusing forces a layout of the whole new page, which at start-up would hold
  // back the list's query; a task later the query has been sent.
  useEffect(() => {
    const timer = setTimeout(() => searchRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  const update = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const filtered = query.trim() !== '' || filters.types.length > 0 || filters.tiers.length > 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', p: 3, pb: 0, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h1">{t('customers.title')}</Typography>
        <Typography color="text.secondary" aria-live="polite">
          {filtered ? `${results.length} / ${total}` : t('customers.count', { count: total })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button component={Link} to="/customers/new" variant="contained" startIcon={<AddIcon />}>
          {t('customers.new')}
        </Button>
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          inputRef={searchRef}
          type="search"
          label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          value={query}
          onChange={(e) => update('q', e.target.value)}
          sx={{ maxWidth: 480, flex: '1 1 320px' }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
        <CustomerFilters
          types={filters.types}
          tiers={filters.tiers}
          onTypes={(v) => update('type', v.join(','))}
          onTiers={(v) => update('tier', v.join(','))}
        />
      </Stack>
      {!loading && results.length === 0 ? (
        <Box sx={{ py: 6, textAlign: 'center' }}>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {filtered ? t('customers.noMatch', { query }) : t('customers.empty')}
          </Typography>
          {filtered ? (
            <Button onClick={() => setParams({}, { replace: true })}>{t('customers.clearFilters')}</Button>
          ) : (
            <Button component={Link} to="/customers/new" variant="outlined" startIcon={<AddIcon />}>
              {t('customers.new')}
            </Button>
          )}
        </Box>
      ) : (
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', mx: -3, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <CustomerList customers={results} query={query} />
        </Box>
      )}
    </Box>
  );
}
