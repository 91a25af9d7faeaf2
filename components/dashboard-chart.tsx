// A bar chart (Chart.js, only the bar pieces registered) for the dashboard. The chart is a picture of a
// table shown beside it: the canvas is an image with a label, and the table holds the figures.
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);
Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1f2937';

export interface BarChartProps {
  /** What the chart shows, for screen readers (the canvas's accessible name). */
  label: string;
  labels: string[];
  values: number[];
  /** Bars across (long labels such as walkthrough titles) rather than up. */
  horizontal?: boolean;
  color?: string;
  testid?: string;
}

/** Labels on the axis are cut short; the table beside the chart has them whole. */
function axisLabel(s: string, max = 28): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

export function BarChart({ label, labels, values, horizontal = false, color = '#0b5cad', testid }: BarChartProps): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn only when the figures change.
  const data = JSON.stringify([labels, values, horizontal, color]);
  useEffect(() => {
    if (!canvas.current) return;
    const valueAxis = horizontal ? 'x' : 'y';
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: labels.map((l) => axisLabel(l)), datasets: [{ data: values, backgroundColor: color, maxBarThickness: 36 }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        scales: {
          [valueAxis]: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e2e8f0' } },
          [horizontal ? 'y' : 'x']: { grid: { display: false } },
        },
      },
    });
    return () => chart.destroy();
  }, [data]);
  const height = horizontal ? Math.max(120, labels.length * 40 + 40) : 240;
  return (
    <div class="chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testid} />
    </div>
  );
}
