import type { ReactNode } from 'react';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { ExportMenu } from './ExportMenu';

interface Props {
  id: string;
  title: string;
  subtitle?: string;
  onExport?(format: 'csv' | 'xlsx'): void;
  children: ReactNode;
}

/** One report: a titled card with its export. */
export function ReportCard({ id, title, subtitle, onExport, children }: Readonly<Props>) {
  return (
    <Card component="section" aria-labelledby={id}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography id={id} variant="h2">{title}</Typography>
            {subtitle && <Typography variant="body2" color="text.secondary">{subtitle}</Typography>}
          </Box>
          {onExport && <ExportMenu what={title} onExport={onExport} />}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}
