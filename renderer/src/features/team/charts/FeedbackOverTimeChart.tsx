import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';

interface Props {
  label: string;
  weekLabels: readonly string[];
  series: readonly { kind: string; label: string; data: readonly number[] }[];
  onBarClick(kind: string, weekIndex: number): void;
}

/** Feedback per week, stacked by kind; a bar opens that feedback. */
export function FeedbackOverTimeChart({ label, weekLabels, series, onBarClick }: Readonly<Props>) {
  return (
    <Box role="figure" aria-label={label} data-testid="chart-feedback">
      <BarChart
        height={260}
        xAxis={[{ scaleType: 'band', data: [...weekLabels] }]}
        yAxis={[{ tickMinStep: 1, width: 40 }]}
        series={series.map((s) => ({ id: s.kind, label: s.label, data: [...s.data], stack: 'feedback' }))}
        onItemClick={(_, item) => onBarClick(String(item.seriesId), item.dataIndex)}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
      />
    </Box>
  );
}
