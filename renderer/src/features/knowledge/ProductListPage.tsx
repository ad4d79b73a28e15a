import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Chip, InputAdornment, List, ListItem, ListItemButton, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import MedicationOutlinedIcon from '@mui/icons-material/MedicationOutlined';
import type { Article, Product } from '../../../../shared/schemas';
import { foldText } from '../../../../shared/search/normalize';
import { useAllArticles, useProducts } from './useKnowledge';

/** Published articles per product id. */
export function articleCounts(articles: readonly Article[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const id = a.product?.productId;
    if (id && a.status === 'published') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const haystack = (p: Product) => foldText([p.name, p.code, p.genericName, p.indications].filter(Boolean).join('\n'));

/** The product catalogue: what the company sells, with the approved product knowledge. */
export function ProductListPage() {
  const { t } = useTranslation();
  const { data: products, loading } = useProducts();
  const articles = useAllArticles().data;
  const counts = useMemo(() => articleCounts(articles), [articles]);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const terms = foldText(filter).split(/\s+/).filter(Boolean);
    return products.filter((p) => {
      const hay = haystack(p);
      return terms.every((term) => hay.includes(term));
    });
  }, [products, filter]);

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h1">{t('catalog.title')}</Typography>
        <Typography color="text.secondary">{t('catalog.count', { count: products.length })}</Typography>
      </Stack>
      <TextField
        type="search"
        label={t('catalog.filterLabel')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        sx={{ maxWidth: 420 }}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
      />
      {!loading && shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>{products.length === 0 ? t('catalog.empty') : t('catalog.noMatch', { query: filter })}</Typography>
      ) : (
        <List aria-label={t('catalog.list')} sx={{ mx: -3, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }} disablePadding>
          {shown.map((p) => (
            <ListItem key={p.id} disablePadding divider>
              <ListItemButton component={Link} to={`/products/${encodeURIComponent(p.id)}`} sx={{ px: 3, py: 1.5, gap: 2, alignItems: 'flex-start' }}>
                <MedicationOutlinedIcon color="primary" sx={{ mt: 0.25 }} />
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600 }}>{p.name}</Typography>
                    <Chip size="small" variant="outlined" label={t(`catalog.type.${p.type}`)} />
                    {p.status === 'inactive' && <Chip size="small" label={t('catalog.status.inactive')} />}
                    <Typography variant="body2" color="text.secondary">{p.code}</Typography>
                  </Stack>
                  {p.genericName && <Typography variant="body2" color="text.secondary">{p.genericName}</Typography>}
                  {p.indications && (
                    <Typography variant="body2" sx={{ mt: 0.5, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
                      {p.indications}
                    </Typography>
                  )}
                </Box>
                <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                  {t('catalog.articleCount', { count: counts.get(p.id) ?? 0 })}
                </Typography>
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
