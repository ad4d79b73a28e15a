import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { Article } from '../../../../shared/schemas';
import { articleHighlightParts } from '../../../../shared/search/articleSearch';
import { Highlight } from '../../components/Highlight';

const CATEGORY_COLOR = { product: 'primary', business: 'secondary', service: 'success' } as const;

export function CategoryChip({ category }: Readonly<{ category: Article['category'] }>) {
  const { t } = useTranslation();
  return <Chip size="small" color={CATEGORY_COLOR[category]} variant="outlined" label={t(`knowledge.categoryShort.${category}`)} />;
}

export function DraftChip() {
  const { t } = useTranslation();
  return <Chip size="small" color="warning" label={t('knowledge.status.draft')} />;
}

interface Props {
  article: Article;
  query?: string;
  /** 'text' in result lists, 'link' (to the product page) on the article, 'none' on the product's own page. */
  product?: 'text' | 'link' | 'none';
}

/** Category, product, tags (with matches marked) and draft state of an article, in one row. */
export function ArticleChips({ article, query = '', product = 'text' }: Readonly<Props>) {
  const productName = article.product ? <Highlight text={article.product.name} query={query} highlighter={articleHighlightParts} /> : null;
  return (
    <Stack direction="row" sx={{ gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }}>
      {article.status === 'draft' && <DraftChip />}
      <CategoryChip category={article.category} />
      {article.product && product === 'text' && (
        <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 500 }}>{productName}</Typography>
      )}
      {article.product && product === 'link' && (
        article.product.productId ? (
          <MuiLink component={Link} to={`/products/${encodeURIComponent(article.product.productId)}`} variant="body2" sx={{ fontWeight: 500 }}>{productName}</MuiLink>
        ) : (
          <Typography variant="body2" sx={{ fontWeight: 500 }}>{productName}</Typography>
        )
      )}
      {(article.tags ?? []).map((tag) => (
        <Chip key={tag} size="small" variant="outlined" sx={{ height: 20, fontSize: '0.75rem' }} label={<Highlight text={`#${tag}`} query={query} highlighter={articleHighlightParts} />} />
      ))}
    </Stack>
  );
}
