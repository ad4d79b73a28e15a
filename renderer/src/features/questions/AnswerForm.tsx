import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Stack, TextField } from '@mui/material';
import type { Question } from '../../../../shared/schemas';
import { ANSWER_TEXT_MAX } from './questionModel';

interface Props {
  question: Question;
  busy: boolean;
  onAnswer(text: string): void;
  onForward(): void;
}

/** The expert's answer to one open question, or forwarding it to the other route. */
export function AnswerForm({ question, busy, onAnswer, onForward }: Readonly<Props>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const tooLong = text.length > ANSWER_TEXT_MAX;
  const empty = !text.trim();
  return (
    <Stack spacing={1}>
      <TextField
        multiline
        minRows={3}
        label={t('questions.answer')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={tried && (empty || tooLong)}
        helperText={tried && empty ? t('validation.required') : tooLong ? t('validation.tooLong', { max: ANSWER_TEXT_MAX }) : t('questions.answerHelp')}
        slotProps={{ htmlInput: { 'aria-label': `${t('questions.answer')}: ${question.text.slice(0, 60)}` } }}
      />
      <Stack direction="row" sx={{ gap: 1, justifyContent: 'flex-end' }}>
        <Button onClick={onForward} disabled={busy}>
          {question.routedTo === 'expert' ? t('questions.forwardToMedical') : t('questions.forwardToExperts')}
        </Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => {
            setTried(true);
            if (!empty && !tooLong) onAnswer(text);
          }}
        >
          {t('questions.sendAnswer')}
        </Button>
      </Stack>
    </Stack>
  );
}
