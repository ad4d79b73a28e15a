import { Card, CardActionArea, CardContent, Typography } from '@mui/material';

interface Props {
  label: string;
  value: string;
  detail?: string;
  /** Opens the records behind the figure. */
  onOpen?(): void;
  tone?: 'default' | 'warning' | 'error';
}

/** A headline figure; clicking it opens the records behind it. */
export function KpiCard({ label, value, detail, onOpen, tone = 'default' }: Readonly<Props>) {
  const color = tone === 'error' ? 'error.main' : tone === 'warning' ? 'warning.main' : 'text.primary';
  const body = (
    <CardContent sx={{ py: 1.5 }}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Typography component="p" data-testid="kpi-value" sx={{ fontSize: '1.75rem', fontWeight: 700, lineHeight: 1.3, color }}>{value}</Typography>
      {detail && <Typography variant="caption" color="text.secondary">{detail}</Typography>}
    </CardContent>
  );
  return (
    <Card data-testid="kpi" aria-label={label}>
      {onOpen ? <CardActionArea onClick={onOpen} aria-label={`${label}: ${value}`}>{body}</CardActionArea> : body}
    </Card>
  );
}
