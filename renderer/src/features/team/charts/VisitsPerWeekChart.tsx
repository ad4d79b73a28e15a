import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';

interface Props {
  label: string;
  weekLabels: readonly string[];
  series: readonly { id: string; name: string; data: readonly number[] }[];
  onBarClick(seriesId: string, weekIndex: number): void;
}

/** Contacts per week, stacked by rep; a bar opens that rep's contacts of that week. */
export function VisitsPerWeekChart({ label, weekLabels, series, onBarClick }: Readonly<Props>) {
  return (
    <Box role="figure" aria-label={label} data-testid="chart-visits">
      <BarChart
        height={280}
        xAxis={[{ scaleType: 'band', data: [...weekLabels] }]}
        yAxis={[{ tickMinStep: 1, width: 40 }]}
        series={series.map((s) => ({ id: s.id, label: s.name, data: [...s.data], stack: 'contacts' }))}
        hideLegend={series.length > 8}
        onItemClick={(_, item) => onBarClick(String(item.seriesId), item.dataIndex)}
        margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
      />
    </Box>
  );
}
