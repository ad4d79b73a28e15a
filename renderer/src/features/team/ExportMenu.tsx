import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Menu, MenuItem } from '@mui/material';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';

interface Props {
  /** What is exported, for the button's accessible name ("Export: contacts per week"). */
  what: string;
  onExport(format: 'csv' | 'xlsx'): void;
  disabled?: boolean;
}

/** Export the table as shown (current filters) to CSV or Excel. */
export function ExportMenu({ what, onExport, disabled }: Readonly<Props>) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    onExport(format);
  };
  return (
    <>
      <Button size="small" startIcon={<FileDownloadOutlinedIcon />} onClick={(e) => setAnchor(e.currentTarget)} disabled={disabled} aria-label={t('team.export.label', { what })} aria-haspopup="menu">
        {t('team.export.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('csv')}>{t('team.export.csv')}</MenuItem>
        <MenuItem onClick={() => choose('xlsx')}>{t('team.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
}
