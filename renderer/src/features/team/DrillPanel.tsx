import { useTranslation } from 'react-i18next';
import { Box, Drawer, IconButton, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { ExportMenu } from './ExportMenu';
import { ReportTable } from './ReportTable';
import type { DrillView } from './overviewDrill';

interface Props {
  view: DrillView | null;
  onClose(): void;
  onExport(format: 'csv' | 'xlsx'): void;
}

/** The records behind a figure, beside the dashboard: rep, customer (linked) and details. */
export function DrillPanel({ view, onClose, onExport }: Readonly<Props>) {
  const { t } = useTranslation();
  return (
    // Above the app bar (a temporary drawer sits below it by default, hiding the close button).
    <Drawer anchor="right" open={view !== null} onClose={onClose} sx={{ zIndex: (th) => th.zIndex.modal }} slotProps={{ paper: { sx: { width: { xs: '100%', md: 760 }, p: 2 } } }}>
      {view && (
        <Box role="region" aria-label={view.title} data-testid="drill-panel">
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="h2">{view.title}</Typography>
              <Typography variant="body2" color="text.secondary">{t('team.drill.count', { count: view.table.rows.length })}</Typography>
            </Box>
            <ExportMenu what={view.title} onExport={onExport} disabled={view.table.rows.length === 0} />
            <IconButton onClick={onClose} aria-label={t('team.drill.close')}><CloseIcon /></IconButton>
          </Stack>
          <ReportTable table={view.table} label={view.title} pageSize={100} />
        </Box>
      )}
    </Drawer>
  );
}
