import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Stack } from '@mui/material';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import type { AdverseEventPrefill } from '../adverseEvents/adverseEventFormModel';
import { AdverseEventDialog } from '../adverseEvents/AdverseEventDialog';
import { FeedbackCaptureDialog } from './FeedbackCaptureDialog';

interface Props {
  /** Given: the customer is fixed (customer file, contact). */
  customerId?: string;
  visitId?: string;
  size?: 'small' | 'medium';
  /** Which buttons to show (the feedback list has its own report button in the app bar). */
  show?: 'both' | 'feedback';
}

type Open = { kind: 'none' } | { kind: 'feedback' } | { kind: 'adverse'; prefill: AdverseEventPrefill; visitId?: string };

/**
 * "Capture feedback" and "Report adverse event" for a customer file, a contact or a list: both
 * open as dialogs over the page, so a half-written visit stays where it is. Choosing "adverse
 * event" in the feedback form switches to the report, carrying over what was typed.
 */
export function QuickCapture({ customerId, visitId, size = 'medium', show = 'both' }: Readonly<Props>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => setOpen({ kind: 'none' });
  return (
    <>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button size={size} variant="outlined" startIcon={<RateReviewOutlinedIcon />} onClick={() => setOpen({ kind: 'feedback' })}>
          {t('feedback.capture')}
        </Button>
        {show === 'both' && (
          <Button
            size={size}
            variant="outlined"
            color="error"
            startIcon={<ReportProblemOutlinedIcon />}
            onClick={() => setOpen({ kind: 'adverse', prefill: customerId ? { customerId } : {}, ...(visitId ? { visitId } : {}) })}
          >
            {t('adverseEvents.report')}
          </Button>
        )}
      </Stack>
      {open.kind === 'feedback' && (
        <FeedbackCaptureDialog
          {...(customerId ? { customerId } : {})}
          {...(visitId ? { visitId } : {})}
          onClose={close}
          onAdverseEvent={({ visitId: v, ...prefill }) => setOpen({ kind: 'adverse', prefill, ...(v ? { visitId: v } : {}) })}
        />
      )}
      {open.kind === 'adverse' && (
        <AdverseEventDialog
          prefill={open.prefill}
          {...(open.visitId ? { visitId: open.visitId } : {})}
          fixedCustomer={Boolean(customerId)}
          onClose={close}
        />
      )}
    </>
  );
}
