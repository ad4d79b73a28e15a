import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

export interface DetailRow {
  id: string;
  label: string;
  value: ReactNode;
}

/** Label/value pairs of a record as read (a description list); empty values are left out by the caller. */
export function DetailList({ rows }: Readonly<{ rows: readonly DetailRow[] }>) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 3, rowGap: 1.25, m: 0 }}>
      {rows.map((row) => (
        <Box key={row.id} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{row.label}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.value}</Typography>
        </Box>
      ))}
    </Box>
  );
}
