import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import AddCommentOutlinedIcon from '@mui/icons-material/AddCommentOutlined';
import type { Colleague, Comment } from '../../../../shared/schemas';
import { formatDateTime } from '../../components/format';

interface Props {
  title: string;
  comments: readonly Comment[];
  colleagues: ReadonlyMap<string, Colleague>;
  currentUserId: string;
  emptyText: string;
  placeholder: string;
  onAdd(text: string): Promise<void>;
}

/** Follow-ups: added, never edited (the record's history is never overwritten). Newest at the bottom, like a conversation. */
export function FollowUps({ title, comments, colleagues, currentUserId, emptyText, placeholder, onAdd }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const add = async () => {
    if (!text.trim()) return;
    setSaving(true);
    try {
      await onAdd(text);
      setText('');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box component="section" aria-labelledby="follow-ups-title">
      <Typography id="follow-ups-title" variant="h2" sx={{ mb: 1 }}>{title}</Typography>
      {comments.length === 0 ? (
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>{emptyText}</Typography>
      ) : (
        <Box component="ol" aria-label={title} sx={{ listStyle: 'none', m: 0, p: 0, mb: 1.5 }}>
          {comments.map((c) => (
            <Box component="li" key={c.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <Typography variant="body2" color="text.secondary">
                {c.authorId === currentUserId ? t('feedback.you') : (colleagues.get(c.authorId)?.displayName ?? t('feedback.unknownPerson'))}
                {' · '}
                {formatDateTime(c.at, i18n.language)}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.text}</Typography>
            </Box>
          ))}
        </Box>
      )}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id="follow-up-text"
          label={t('feedback.followUpLabel')}
          placeholder={placeholder}
          multiline
          minRows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { maxLength: 20_000 } }}
        />
        <Button variant="outlined" startIcon={<AddCommentOutlinedIcon />} onClick={() => void add()} disabled={saving || !text.trim()} sx={{ mt: 1, whiteSpace: 'nowrap' }}>
          {t('feedback.addFollowUp')}
        </Button>
      </Stack>
    </Box>
  );
}
