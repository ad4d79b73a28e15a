import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Box, Button, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import type { Article } from '../../../../shared/schemas';
import { articleHighlightParts } from '../../../../shared/search/articleSearch';
import { useToastStore } from '../../app/toastStore';
import { Highlight } from '../../components/Highlight';
import { formatDay } from '../../components/format';
import { useDatabase } from '../../db/DatabaseContext';
import { AskExpertButton } from '../questions/AskExpertButton';
import { useColleagueNames } from '../questions/useQuestions';
import { ArticleChips } from './ArticleChips';
import { withdrawArticle } from './articleRepository';
import { MarkdownView } from './MarkdownView';
import { canWriteKnowledge, useMyRoles } from './permissions';
import { useArticle } from './useKnowledge';
import { useOpenLink } from './useOpenLink';

/** One article, readable offline; the words of the search it was opened from are marked. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { articleId } = useParams();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const { data: article, loading } = useArticle(articleId);
  const back = `/knowledge${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  return (
    <Box sx={{ p: 3, maxWidth: 980 }}>
      <Button component={Link} to={back} startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('knowledge.backToList')}
      </Button>
      {article ? <ArticleView article={article} query={query} /> : <Typography color="text.secondary" sx={{ py: 4 }}>{t('knowledge.missing')}</Typography>}
    </Box>
  );
}

function ArticleView({ article, query }: Readonly<{ article: Article; query: string }>) {
  const { t, i18n } = useTranslation();
  const writer = canWriteKnowledge(useMyRoles());
  const names = useColleagueNames();
  const openLink = useOpenLink();
  const [confirm, setConfirm] = useState(false);
  const db = useDatabase();
  const navigate = useNavigate();
  const showToast = useToastStore((s) => s.show);
  const author = names.get(article.authorId);
  const meta = [
    article.status === 'published' && article.publishedAt ? t('knowledge.publishedOn', { date: formatDay(article.publishedAt.slice(0, 10), i18n.language) }) : t('knowledge.updatedOn', { date: formatDay(article.updatedAt.slice(0, 10), i18n.language) }),
    t('knowledge.version', { version: article.version }),
    author ? t('knowledge.by', { name: author }) : null,
    article.lang ? t(`knowledge.lang.${article.lang}`) : null,
  ].filter(Boolean).join(' · ');

  const withdraw = async () => {
    await withdrawArticle(db, article.id);
    showToast(t('knowledge.withdrawn'));
    void navigate('/knowledge', { replace: true });
  };

  return (
    <article aria-labelledby="article-title">
      <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 2, mb: 1 }}>
        <Typography id="article-title" variant="h1" sx={{ flex: 1, lineHeight: 1.35 }}>
          <Highlight text={article.title} query={query} highlighter={articleHighlightParts} />
        </Typography>
        {writer && (
          <Stack direction="row" sx={{ gap: 1, flexShrink: 0 }}>
            <Button component={Link} to={`/knowledge/${encodeURIComponent(article.id)}/edit`} variant="outlined" startIcon={<EditOutlinedIcon />}>
              {t('common.edit')}
            </Button>
            <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setConfirm(true)}>
              {t('knowledge.withdraw')}
            </Button>
          </Stack>
        )}
      </Stack>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">{meta}</Typography>
        {article.sourceQuestionId && <Chip size="small" variant="outlined" color="info" label={t('knowledge.fromQuestion')} />}
      </Stack>
      <ArticleChips article={article} query={query} product="link" />
      <Paper variant="outlined" sx={{ px: 3, py: 2, mt: 2 }}>
        <MarkdownView source={article.body} highlight={query} onOpenLink={openLink} />
      </Paper>
      <Stack direction="row" sx={{ mt: 2, gap: 1.5, alignItems: 'center' }}>
        <Typography color="text.secondary">{t('knowledge.notFoundHint')}</Typography>
        <AskExpertButton
          label={t('knowledge.askFollowUp')}
          prefill={{ text: `${article.title}\n`, ...(article.product?.productId ? { productId: article.product.productId } : {}), type: article.category === 'product' ? 'product_service' : 'company_business' }}
        />
      </Stack>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby="withdraw-title">
        <DialogTitle id="withdraw-title">{t('knowledge.withdrawTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('knowledge.withdrawBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} autoFocus>{t('common.cancel')}</Button>
          <Button color="error" onClick={() => void withdraw()}>{t('knowledge.withdraw')}</Button>
        </DialogActions>
      </Dialog>
    </article>
  );
}
