import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Button, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { Product } from '../../../../shared/schemas';
import type { ArticleHit } from '../../../../shared/search/articleSearch';
import { AskExpertButton } from '../questions/AskExpertButton';
import { ArticleResults } from './ArticleResults';
import { useAllArticles, useProduct } from './useKnowledge';

const SECTIONS = ['indications', 'composition', 'benefits', 'risks', 'market'] as const;

/** A product with its approved knowledge and the published articles about it. */
export function ProductPage() {
  const { t } = useTranslation();
  const { productId } = useParams();
  const { data: product, loading } = useProduct(productId);
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  return (
    <Box sx={{ p: 3 }}>
      <Button component={Link} to="/products" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('catalog.backToList')}
      </Button>
      {product ? <ProductView product={product} /> : <Typography color="text.secondary" sx={{ py: 4 }}>{t('catalog.missing')}</Typography>}
    </Box>
  );
}

function ProductView({ product }: Readonly<{ product: Product }>) {
  const { t } = useTranslation();
  const articles = useAllArticles().data;
  const hits = useMemo<ArticleHit[]>(
    () =>
      articles
        .filter((a) => a.product?.productId === product.id && a.status === 'published')
        .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'))
        .map((article) => ({ article, score: 0, complete: true })),
    [articles, product.id],
  );
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="h1">{product.name}</Typography>
        <Chip size="small" variant="outlined" label={t(`catalog.type.${product.type}`)} />
        <Chip size="small" color={product.status === 'active' ? 'success' : 'default'} label={t(`catalog.status.${product.status}`)} />
        <Typography color="text.secondary">{product.code}</Typography>
        <Box sx={{ flex: 1 }} />
        <AskExpertButton variant="outlined" label={t('catalog.askAbout')} prefill={{ productId: product.id }} />
      </Stack>
      {product.genericName && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>{t('catalog.genericName')}: {product.genericName}</Typography>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 5fr) minmax(0, 6fr)' }, gap: 2, alignItems: 'start' }}>
        <Card component="section" aria-labelledby="product-facts">
          <CardContent>
            <Typography id="product-facts" variant="h2" sx={{ mb: 1.5 }}>{t('catalog.facts')}</Typography>
            <Box component="dl" sx={{ m: 0 }}>
              {SECTIONS.filter((key) => product[key]).map((key) => (
                <Box key={key} sx={{ mb: 1.5 }}>
                  <Typography component="dt" variant="subtitle2" color="primary">{t(`catalog.${key}`)}</Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-line', lineHeight: 1.7 }}>{product[key]}</Typography>
                </Box>
              ))}
            </Box>
          </CardContent>
        </Card>
        <Card component="section" aria-labelledby="product-articles">
          <CardContent sx={{ px: 0 }}>
            <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1.5, px: 2, mb: 1 }}>
              <Typography id="product-articles" variant="h2">{t('catalog.articles')}</Typography>
              <Typography variant="body2" color="text.secondary">{t('catalog.articleCount', { count: hits.length })}</Typography>
            </Stack>
            {hits.length === 0 ? (
              <Typography color="text.secondary" sx={{ px: 2, py: 1 }}>{t('catalog.noArticles')}</Typography>
            ) : (
              <ArticleResults hits={hits} query="" showProduct={false} />
            )}
          </CardContent>
        </Card>
      </Box>
    </>
  );
}
