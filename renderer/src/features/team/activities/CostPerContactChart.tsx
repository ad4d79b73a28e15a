import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';

interface Props {
  label: string;
  activities: readonly { id: string; name: string; costPerContact: number | null }[];
  seriesLabel: string;
  formatMoney(value: number | null): string;
  onBarClick(activityId: string): void;
}

/** Cost per contact of each activity (horizontal bars); a bar opens the activity's contacts. */
export function CostPerContactChart({ label, activities, seriesLabel, formatMoney, onBarClick }: Readonly<Props>) {
  const shown = activities.filter((a) => a.costPerContact !== null);
  // Room on the right for the label of the longest bar (a label that would leave the chart is not drawn).
  const max = Math.max(0, ...shown.map((a) => a.costPerContact ?? 0)) * 1.15;
  return (
    <Box role="figure" aria-label={label} data-testid="chart-activities">
      <BarChart
        height={Math.max(160, 40 + shown.length * 32)}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: shown.map((a) => a.name), width: 180 }]}
        xAxis={[{ valueFormatter: (v: number | null) => formatMoney(v), ...(max > 0 ? { max } : {}) }]}
        series={[{
          id: 'cpc', label: seriesLabel, data: shown.map((a) => a.costPerContact), valueFormatter: (v: number | null) => formatMoney(v),
          barLabel: (item) => formatMoney(item.value), barLabelPlacement: 'outside',
        }]}
        hideLegend
        onItemClick={(_, item) => {
          const a = shown[item.dataIndex];
          if (a) onBarClick(a.id);
        }}
        margin={{ left: 8, right: 64, top: 8, bottom: 8 }}
      />
    </Box>
  );
}
