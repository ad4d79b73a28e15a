import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert, Autocomplete, Box, Button, Chip, CircularProgress, MenuItem, Paper, Stack, TextField, Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { ARTICLE_CATEGORIES, type Article } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useDatabase } from '../../db/DatabaseContext';
import { buildArticle, emptyArticleValues, validateArticle, valuesOf, type ArticleFormValues } from './articleModel';
import { publishArticle, saveArticle } from './articleRepository';
import { DraftChip } from './ArticleChips';
import { MarkdownView } from './MarkdownView';
import { canWriteKnowledge, useMyRoles } from './permissions';
import { useAllArticles, useArticle, useProducts } from './useKnowledge';
import { useOpenLink } from './useOpenLink';

/** Write or edit an article with a live preview; save a draft or publish (managers and admins). */
export function ArticleEditorPage() {
  const { t } = useTranslation();
  const { articleId } = useParams();
  const { data: article, loading } = useArticle(articleId);
  const writer = canWriteKnowledge(useMyRoles());
  if (articleId && loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (!writer) return <Alert severity="info" sx={{ m: 3 }}>{t('knowledge.editor.notAllowed')}</Alert>;
  if (articleId && !article) return <Typography color="text.secondary" sx={{ p: 3 }}>{t('knowledge.missing')}</Typography>;
  // Keyed so that opening another article starts a fresh form.
  return <ArticleEditor key={article?.id ?? 'new'} article={article ?? undefined} />;
}

function ArticleEditor({ article }: Readonly<{ article: Article | undefined }>) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const navigate = useNavigate();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const products = useProducts().data;
  const allArticles = useAllArticles().data;
  const openLink = useOpenLink();
  const initial = useMemo(() => (article ? valuesOf(article) : emptyArticleValues(i18n.language === 'en' ? 'en' : 'zh-CN')), [article, i18n.language]);
  const [values, setValues] = useState<ArticleFormValues>(initial);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const errors = validateArticle(values);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const guard = useLeaveGuard(dirty);
  const [newArticleId] = useState(() => newId());
  const wasPublished = article?.status === 'published';
  const knownTags = useMemo(() => [...new Set(allArticles.flatMap((a) => a.tags ?? []))].sort(), [allArticles]);
  const set = <K extends keyof ArticleFormValues>(key: K, value: ArticleFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const message = (e: 'required' | 'tooLong' | undefined, max: number) =>
    e === 'required' ? t('validation.required') : e === 'tooLong' ? t('validation.tooLong', { max }) : undefined;

  const save = async (publish: boolean) => {
    setTried(true);
    if (Object.keys(errors).length > 0) {
      showToast(t('common.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const now = new Date().toISOString();
      const doc = buildArticle(values, article, { id: newArticleId, userId: user.id, now, products });
      if (publish) {
        const done = await publishArticle(db, doc, now);
        showToast(t('knowledge.editor.publishedToast', { version: done.version }));
      } else {
        await saveArticle(db, doc);
        showToast(t('knowledge.editor.draftSaved'));
      }
      guard.allowLeave();
      void navigate(`/knowledge/${encodeURIComponent(doc.id)}`, { replace: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ p: 3 }}>
      {guard.dialog}
      <Button component={Link} to={article ? `/knowledge/${encodeURIComponent(article.id)}` : '/knowledge'} startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('knowledge.backToList')}
      </Button>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{article ? t('knowledge.editor.editTitle') : t('knowledge.editor.newTitle')}</Typography>
        {article?.status === 'draft' && <DraftChip />}
        {article && <Typography color="text.secondary">{t('knowledge.version', { version: article.version })}</Typography>}
        <Box sx={{ flex: 1 }} />
        {!wasPublished && (
          <Button variant="outlined" disabled={saving} onClick={() => void save(false)}>{t('knowledge.editor.saveDraft')}</Button>
        )}
        <Button variant="contained" disabled={saving} onClick={() => void save(true)}>
          {wasPublished ? t('knowledge.editor.publishVersion', { version: article.version + 1 }) : t('knowledge.editor.publish')}
        </Button>
      </Stack>
      {wasPublished && (
        <Alert severity="info" sx={{ mb: 2 }}>{t('knowledge.editor.publishedNote', { version: article.version, next: article.version + 1 })}</Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 3, alignItems: 'start' }}>
        <Stack spacing={2} component="form" aria-label={article ? t('knowledge.editor.editTitle') : t('knowledge.editor.newTitle')} onSubmit={(e) => e.preventDefault()}>
          <TextField
            required
            label={t('knowledge.editor.title')}
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            error={tried && Boolean(errors.title)}
            helperText={(tried && message(errors.title, 500)) || t('knowledge.editor.titleHelp')}
          />
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <TextField select label={t('knowledge.category')} value={values.category} onChange={(e) => set('category', e.target.value as Article['category'])} sx={{ flex: '1 1 140px' }}>
              {ARTICLE_CATEGORIES.map((c) => <MenuItem key={c} value={c}>{t(`knowledge.categoryName.${c}`)}</MenuItem>)}
            </TextField>
            <TextField select label={t('knowledge.product')} value={values.productId} onChange={(e) => set('productId', e.target.value)} sx={{ flex: '2 1 200px' }}>
              <MenuItem value="">{t('knowledge.editor.noProduct')}</MenuItem>
              {products.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
            </TextField>
            <TextField select label={t('knowledge.language')} value={values.lang} onChange={(e) => set('lang', e.target.value as ArticleFormValues['lang'])} sx={{ flex: '1 1 100px' }}>
              <MenuItem value="zh-CN">{t('knowledge.lang.zh-CN')}</MenuItem>
              <MenuItem value="en">{t('knowledge.lang.en')}</MenuItem>
            </TextField>
          </Stack>
          <Autocomplete
            multiple
            freeSolo
            options={knownTags}
            value={values.tags}
            onChange={(_, tags) => set('tags', tags)}
            renderValue={(tags, getItemProps) =>
              tags.map((tag, index) => {
                const { key, ...rest } = getItemProps({ index });
                return <Chip key={key} size="small" label={tag} {...rest} />;
              })
            }
            renderInput={(params) => (
              <TextField {...params} label={t('knowledge.tags')} error={tried && Boolean(errors.tags)} helperText={(tried && message(errors.tags, 50)) || t('knowledge.editor.tagsHelp')} />
            )}
          />
          <TextField
            required
            multiline
            minRows={14}
            label={t('knowledge.editor.body')}
            value={values.body}
            onChange={(e) => set('body', e.target.value)}
            error={tried && Boolean(errors.body)}
            helperText={(tried && message(errors.body, 100_000)) || t('knowledge.editor.bodyHelp')}
            slotProps={{ htmlInput: { style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 14 } } }}
          />
        </Stack>
        <Paper variant="outlined" component="section" aria-labelledby="preview-heading" sx={{ px: 3, py: 2, position: { lg: 'sticky' }, top: 0 }}>
          <Typography id="preview-heading" variant="overline" color="text.secondary">{t('knowledge.editor.preview')}</Typography>
          {values.title.trim() || values.body.trim() ? (
            <>
              <Typography variant="h2" component="p" sx={{ mt: 0.5, mb: 1 }}>{values.title}</Typography>
              <MarkdownView source={values.body} onOpenLink={openLink} />
            </>
          ) : (
            <Typography color="text.secondary" sx={{ py: 2 }}>{t('knowledge.editor.previewEmpty')}</Typography>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
