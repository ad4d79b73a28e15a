import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';

interface Props {
  label: string;
  reps: readonly { id: string; name: string }[];
  /** Per tier: coverage per rep (0–1, null without customers of the tier). */
  series: readonly { tier: string; label: string; rates: readonly (number | null)[] }[];
  formatPercent(share: number | null): string;
  onBarClick(tier: string, repIndex: number): void;
}

/** Share of A and B customers visited recently, per rep; a bar opens the customers not visited. */
export function CoverageChart({ label, reps, series, formatPercent, onBarClick }: Readonly<Props>) {
  return (
    <Box role="figure" aria-label={label} data-testid="chart-coverage">
      <BarChart
        height={260}
        xAxis={[{ scaleType: 'band', data: reps.map((r) => r.name) }]}
        yAxis={[{ min: 0, max: 1, valueFormatter: (v: number | null) => formatPercent(v), width: 48 }]}
        series={series.map((s) => ({ id: s.tier, label: s.label, data: s.rates.map((r) => r), valueFormatter: (v: number | null) => formatPercent(v) }))}
        onItemClick={(_, item) => onBarClick(String(item.seriesId), item.dataIndex)}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
      />
    </Box>
  );
}
