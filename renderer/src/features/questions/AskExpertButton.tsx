import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from '@mui/material';
import ContactSupportOutlinedIcon from '@mui/icons-material/ContactSupportOutlined';
import { AskExpertDialog } from './AskExpertDialog';
import type { AskValues } from './questionModel';

/** "Ask an expert" with its dialog, prefilled from where it was pressed. */
export function AskExpertButton({ prefill, label, ...button }: Readonly<{ prefill: Partial<AskValues>; label?: ReactNode } & Omit<ButtonProps, 'onClick'>>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<ContactSupportOutlinedIcon />} {...button} onClick={() => setOpen(true)}>
        {label ?? t('knowledge.askExpert')}
      </Button>
      <AskExpertDialog open={open} prefill={prefill} onClose={() => setOpen(false)} />
    </>
  );
}
