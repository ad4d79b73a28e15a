import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, List, ListItem, ListItemButton, ListSubheader, Typography } from '@mui/material';
import type { ArticleHit } from '../../../../shared/search/articleSearch';
import { articleHighlightParts, articleSnippet } from '../../../../shared/search/articleSearch';
import { Highlight, MarkedParts } from '../../components/Highlight';
import { formatDay } from '../../components/format';
import { ArticleChips } from './ArticleChips';

/** Search results: title and an excerpt with the matched words marked; full matches, then partial ones. */
export function ArticleResults({ hits, query, showProduct = true }: Readonly<{ hits: readonly ArticleHit[]; query: string; showProduct?: boolean }>) {
  const { t } = useTranslation();
  const complete = hits.filter((h) => h.complete);
  const partial = hits.filter((h) => !h.complete);
  return (
    <List aria-label={t('knowledge.list')} disablePadding>
      {complete.map((h) => <ResultRow key={h.article.id} hit={h} query={query} showProduct={showProduct} />)}
      {partial.length > 0 && (
        <ListSubheader disableSticky sx={{ bgcolor: 'transparent', lineHeight: 2.5, px: 3 }}>{t('knowledge.partialHeading')}</ListSubheader>
      )}
      {partial.map((h) => <ResultRow key={h.article.id} hit={h} query={query} showProduct={showProduct} />)}
    </List>
  );
}

function ResultRow({ hit, query, showProduct }: Readonly<{ hit: ArticleHit; query: string; showProduct: boolean }>) {
  const { i18n } = useTranslation();
  const a = hit.article;
  const to = `/knowledge/${encodeURIComponent(a.id)}${query.trim() ? `?q=${encodeURIComponent(query)}` : ''}`;
  return (
    <ListItem disablePadding divider>
      <ListItemButton component={Link} to={to} sx={{ display: 'block', px: 3, py: 1.5 }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'baseline' }}>
          <Typography variant="subtitle1" component="span" sx={{ fontWeight: 600, flex: 1, minWidth: 0 }}>
            <Highlight text={a.title} query={query} highlighter={articleHighlightParts} />
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {formatDay((a.publishedAt ?? a.updatedAt).slice(0, 10), i18n.language)}
          </Typography>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ my: 0.5 }}>
          <MarkedParts parts={articleSnippet(a.body, query, 180)} />
        </Typography>
        <ArticleChips article={a} query={query} product={showProduct ? 'text' : 'none'} />
      </ListItemButton>
    </ListItem>
  );
}
