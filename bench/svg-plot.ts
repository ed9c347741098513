// A line chart as a standalone SVG, for the benchmark's growth plots (docs/bench.md shows them). No plotting
// library fits a headless Node script without a canvas or a DOM, and a chart of a few lines is small: axes
// with round ticks, one coloured line with points per series, a legend, and a <title>/<desc> that say
// what it shows for readers who cannot see it.
import { escapeHtml } from '../server/common/escape.js';

export interface Series {
  name: string;
  points: Array<[number, number]>;
}

export interface Plot {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
}

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 84 };
/** Distinct for the common kinds of colour blindness (Okabe and Ito's palette). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** About five round steps from 0 to at least `max`: 1, 2 or 5 times a power of ten. */
function ticks(max: number): number[] {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  if ((out.at(-1) ?? 0) < max) out.push(Number(((out.at(-1) ?? 0) + step).toPrecision(12)));
  return out;
}

const fmt = (n: number) => (Math.abs(n) >= 1000 ? `${n / 1000}k` : String(n));

export function linePlot(plot: Plot): string {
  const xs = plot.series.flatMap((s) => s.points.map(([x]) => x));
  const ys = plot.series.flatMap((s) => s.points.map(([, y]) => y));
  const xTicks = ticks(Math.max(...xs, 1));
  const yTicks = ticks(Math.max(...ys, 1));
  const xMax = xTicks.at(-1) ?? 1;
  const yMax = yTicks.at(-1) ?? 1;
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x: number) => (MARGIN.left + (x / xMax) * innerW).toFixed(1);
  const py = (y: number) => (MARGIN.top + innerH - (y / yMax) * innerH).toFixed(1);
  const grid = yTicks
    .map((t) => `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${py(t)}" text-anchor="end" dominant-baseline="middle">${fmt(t)}</text>`)
    .join('');
  const xAxis = xTicks.map((t) => `<text x="${px(t)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`).join('');
  const lines = plot.series
    .map((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const points = [...s.points].sort((a, b) => a[0] - b[0]);
      const d = points.map(([x, y], j) => `${j ? 'L' : 'M'}${px(x)},${py(y)}`).join(' ');
      const dots = points.map(([x, y]) => `<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${colour}"><title>${escapeHtml(`${s.name}: ${y} at ${x}`)}</title></circle>`).join('');
      return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}`;
    })
    .join('');
  const legend = plot.series
    .map((s, i) => {
      const x = MARGIN.left + (i % 2) * (innerW / 2);
      const y = HEIGHT - 36 + Math.floor(i / 2) * 16;
      return `<rect x="${x}" y="${y - 8}" width="14" height="4" fill="${COLOURS[i % COLOURS.length]}"/><text x="${x + 20}" y="${y - 6}" dominant-baseline="middle">${escapeHtml(s.name)}</text>`;
    })
    .join('');
  const desc = plot.series.map((s) => `${s.name}: ${s.points.map(([x, y]) => `${y} at ${x}`).join(', ')}`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" font-family="sans-serif" font-size="11" fill="#222">
<title>${escapeHtml(plot.title)}</title><desc>${escapeHtml(`${plot.yLabel} by ${plot.xLabel}. ${desc}`)}</desc>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeHtml(plot.title)}</text>
${grid}${xAxis}
<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#222"/><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}" stroke="#222"/>
<text x="${MARGIN.left + innerW / 2}" y="${HEIGHT - MARGIN.bottom + 34}" text-anchor="middle">${escapeHtml(plot.xLabel)}</text>
<text transform="translate(16 ${MARGIN.top + innerH / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(plot.yLabel)}</text>
${lines}${legend}
</svg>
`;
}
