import { LineChart } from '@mui/x-charts/LineChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { Box } from '@mui/material';
import type { ParetoPoint } from '../../../../../shared/reports/valueTiers';

interface Props {
  label: string;
  points: readonly ParetoPoint[];
  xLabel: string;
  yLabel: string;
  seriesLabel: string;
  formatPercent(share: number | null): string;
}

/** Share of value against share of customers (best first): the 80/20 curve. */
export function ParetoChart({ label, points, xLabel, yLabel, seriesLabel, formatPercent }: Readonly<Props>) {
  return (
    <Box role="figure" aria-label={label} data-testid="chart-pareto">
      <LineChart
        height={300}
        xAxis={[{ data: points.map((p) => p.customerShare), min: 0, max: 1, label: xLabel, valueFormatter: (v: number) => formatPercent(v) }]}
        yAxis={[{ min: 0, max: 1, label: yLabel, valueFormatter: (v: number) => formatPercent(v), width: 64 }]}
        series={[{ data: points.map((p) => p.valueShare), label: seriesLabel, area: true, showMark: false, valueFormatter: (v: number | null) => formatPercent(v) }]}
        hideLegend
        margin={{ left: 8, right: 32, top: 8, bottom: 8 }}
      >
        <ChartsReferenceLine x={0.2} lineStyle={{ strokeDasharray: '4 4' }} />
        <ChartsReferenceLine y={0.8} lineStyle={{ strokeDasharray: '4 4' }} />
      </LineChart>
    </Box>
  );
}
