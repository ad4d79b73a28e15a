import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import type { Role, Visit } from '../../../../../shared/schemas';
import { nowIso } from '../../../../../shared/util/time';
import { useDatabase } from '../../../db/DatabaseContext';
import { useSessionStore } from '../../../app/sessionStore';
import { useToastStore } from '../../../app/toastStore';
import { canUseTeamWorkspace } from '../teamMembers';
import { addComment, coachingComment } from './commentRepository';
import { CommentList } from './CommentList';
import { useColleagueNames, useVisitComments } from './useVisitComments';

const NO_ROLES: Role[] = [];
const MAX = 20_000;

/**
 * Coaching on a submitted contact: the comments so far, and for a manager a box to add one.
 * The rep sees a manager's comment here after the next sync.
 */
export function VisitCoaching({ visit }: Readonly<{ visit: Visit }>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const roles = useSessionStore((s) => s.session?.user.roles ?? NO_ROLES);
  const show = useToastStore((s) => s.show);
  const { comments } = useVisitComments(visit.id);
  const name = useColleagueNames();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const canComment = canUseTeamWorkspace(roles);
  if (!canComment && comments.length === 0) return null;

  const post = async () => {
    if (!text.trim()) return;
    setSaving(true);
    try {
      await addComment(db, coachingComment(visit, text, user.id, nowIso()));
      setText('');
      show(t('coaching.posted'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="coaching-title" sx={{ px: 3, pb: 3, maxWidth: 960 }}>
      <Card>
        <CardContent>
          <Typography id="coaching-title" variant="h2" sx={{ mb: 1.5 }}>{t('coaching.title')}</Typography>
          {comments.length > 0 ? <CommentList comments={comments} name={name} /> : <Typography color="text.secondary">{t('coaching.empty')}</Typography>}
          {canComment && (
            <Stack spacing={1} sx={{ mt: 2 }}>
              <TextField
                id="coaching-text"
                label={t('coaching.add')}
                multiline
                minRows={2}
                value={text}
                onChange={(e) => setText(e.target.value.slice(0, MAX))}
                helperText={t('coaching.help')}
              />
              <Box>
                <Button variant="contained" disabled={saving || !text.trim()} onClick={() => void post()}>{t('coaching.post')}</Button>
              </Box>
            </Stack>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
