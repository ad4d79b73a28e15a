import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Box, Button, FormControlLabel, InputAdornment, LinearProgress, MenuItem, Paper, Stack, Switch, TextField, Typography,
} from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import AddIcon from '@mui/icons-material/Add';
import { ARTICLE_CATEGORIES, type Article } from '../../../../shared/schemas';
import type { ArticleFilters } from '../../../../shared/search/articleSearch';
import { AskExpertButton } from '../questions/AskExpertButton';
import { ArticleResults } from './ArticleResults';
import { canWriteKnowledge, useMyRoles } from './permissions';
import { useArticleSearch, useProducts } from './useKnowledge';

/** Selects whose empty value means "all": show that choice instead of an empty box. */
const ALL_SHOWN = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/**
 * The knowledge base: search as you type over every article on this computer (works offline),
 * filter by category and product; when nothing fits, ask an expert in one step with the
 * search text. Search and filters live in the URL so Back returns to them.
 */
export function KnowledgePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const roles = useMyRoles();
  const writer = canWriteKnowledge(roles);
  const query = params.get('q') ?? '';
  const categoryParam = params.get('category') ?? '';
  const category = (ARTICLE_CATEGORIES as readonly string[]).includes(categoryParam) ? (categoryParam as Article['category']) : undefined;
  const productId = params.get('product') ?? '';
  const drafts = writer && params.get('drafts') === '1';
  const filters = useMemo<ArticleFilters>(
    () => ({ publishedOnly: !drafts, ...(category ? { category } : {}), ...(productId ? { productId } : {}) }),
    [drafts, category, productId],
  );
  const { hits, units, building, total, indexed } = useArticleSearch(query, filters);
  const products = useProducts().data;

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

  const searching = query.trim() !== '' && units.length > 0;
  const complete = hits.filter((h) => h.complete).length;
  const askPrefill = { text: query.trim(), ...(productId ? { productId } : {}) };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: '100%', p: 3, pb: 0, gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('knowledge.title')}</Typography>
        <Typography color="text.secondary" aria-live="polite">
          {searching ? t('knowledge.matches', { count: complete }) : t('knowledge.count', { count: hits.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <AskExpertButton variant="outlined" prefill={askPrefill} />
        {writer && (
          <Button component={Link} to="/knowledge/new" variant="contained" startIcon={<AddIcon />}>
            {t('knowledge.newArticle')}
          </Button>
        )}
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          autoFocus
          type="search"
          label={t('knowledge.searchLabel')}
          placeholder={t('knowledge.searchPlaceholder')}
          value={query}
          onChange={(e) => update('q', e.target.value)}
          sx={{ flex: '1 1 360px', maxWidth: 560 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
        <TextField select label={t('knowledge.category')} value={category ?? ''} onChange={(e) => update('category', e.target.value)} sx={{ width: 180 }} slotProps={ALL_SHOWN}>
          <MenuItem value="">{t('knowledge.allCategories')}</MenuItem>
          {ARTICLE_CATEGORIES.map((c) => <MenuItem key={c} value={c}>{t(`knowledge.categoryName.${c}`)}</MenuItem>)}
        </TextField>
        <TextField select label={t('knowledge.product')} value={productId} onChange={(e) => update('product', e.target.value)} sx={{ width: 260 }} slotProps={ALL_SHOWN}>
          <MenuItem value="">{t('knowledge.allProducts')}</MenuItem>
          {products.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
        </TextField>
        {writer && (
          <FormControlLabel
            control={<Switch checked={drafts} onChange={(e) => update('drafts', e.target.checked ? '1' : '')} />}
            label={t('knowledge.showDrafts')}
          />
        )}
      </Stack>
      {building && total > 0 && (
        <Box role="status">
          <Typography variant="caption" color="text.secondary">{t('knowledge.indexing', { done: Math.min(indexed, total), total })}</Typography>
          <LinearProgress variant="determinate" value={(100 * Math.min(indexed, total)) / total} />
        </Box>
      )}
      {searching && units.length > 1 && (
        <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>{t('knowledge.searchedFor', { units: units.join(' · ') })}</Typography>
      )}

      {searching && complete === 0 && !building && (
        <Paper variant="outlined" role="region" aria-label={t('knowledge.askExpert')} sx={{ p: 3, textAlign: 'center' }}>
          <Typography variant="h3" component="p" sx={{ mb: 1 }}>{t('knowledge.noMatch', { query: query.trim() })}</Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>{t('knowledge.noMatchHelp')}</Typography>
          <AskExpertButton variant="contained" prefill={askPrefill} />
        </Paper>
      )}
      {!searching && hits.length === 0 && !building && (
        <Typography color="text.secondary" sx={{ py: 6, textAlign: 'center' }}>{t('knowledge.empty')}</Typography>
      )}
      {hits.length > 0 && (
        <Box sx={{ mx: -3, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper', flex: 1 }}>
          <ArticleResults hits={hits} query={query} />
          {searching && complete > 0 && (
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'center', gap: 1.5, py: 3 }}>
              <Typography color="text.secondary">{t('knowledge.notFoundHint')}</Typography>
              <AskExpertButton prefill={askPrefill} />
            </Stack>
          )}
        </Box>
      )}
    </Box>
  );
}
