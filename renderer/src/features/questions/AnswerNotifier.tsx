import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Snackbar } from '@mui/material';
import { useUnseenAnswers } from './useQuestions';

/**
 * Tells the rep when experts' answers have arrived (after a sync, or waiting since the last
 * start): each new answer once per run, with a way to open them. Seen answers end the badge
 * on "My questions". Mounted once, in the app frame.
 */
export function AnswerNotifier() {
  const { t } = useTranslation();
  const unseen = useUnseenAnswers();
  const location = useLocation();
  const navigate = useNavigate();
  const announced = useRef(new Set<string>());
  const [notice, setNotice] = useState<{ key: number; text: string } | null>(null);

  useEffect(() => {
    // On "My questions" the answers are in front of the rep and get marked seen right away.
    if (location.pathname.startsWith('/questions')) {
      for (const q of unseen) announced.current.add(`${q.id}@${q.answer?.at ?? ''}`);
      return;
    }
    const fresh = unseen.filter((q) => !announced.current.has(`${q.id}@${q.answer?.at ?? ''}`));
    if (fresh.length === 0) return;
    for (const q of fresh) announced.current.add(`${q.id}@${q.answer?.at ?? ''}`);
    const first = fresh[0]!.text.replace(/\s+/g, ' ');
    // One answer names its question; several are counted (Chinese has no singular form to pick).
    const text = fresh.length === 1
      ? t('questions.newAnswer1', { text: first.length > 60 ? `${first.slice(0, 59)}…` : first })
      : t('questions.newAnswers', { count: fresh.length });
    setNotice({ key: Date.now(), text });
  }, [unseen, location.pathname, t]);

  return (
    <Snackbar
      key={notice?.key}
      open={notice !== null}
      autoHideDuration={10_000}
      onClose={(_, reason) => reason !== 'clickaway' && setNotice(null)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity="success"
        variant="filled"
        role="status"
        onClose={() => setNotice(null)}
        action={
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setNotice(null);
              void navigate('/questions');
            }}
          >
            {t('questions.open')}
          </Button>
        }
        sx={{ alignItems: 'center', maxWidth: 480 }}
      >
        {notice?.text}
      </Alert>
    </Snackbar>
  );
}
