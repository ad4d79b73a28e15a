import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@mui/material';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { AdverseEventDialog } from './AdverseEventDialog';

/** The app bar's "Report adverse event": reachable from every screen, without leaving it. */
export function ReportAdverseEventButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" variant="outlined" color="error" startIcon={<ReportProblemOutlinedIcon />} onClick={() => setOpen(true)} sx={{ whiteSpace: 'nowrap' }}>
        {t('adverseEvents.report')}
      </Button>
      {open && <AdverseEventDialog prefill={{}} fixedCustomer={false} onClose={() => setOpen(false)} />}
    </>
  );
}
