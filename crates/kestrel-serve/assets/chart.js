// The SVG timeline chart (events per period stacked by quad class, optionally with the
// Goldstein sum on a second axis), the bars of ranked lists, and redrawing on resize.

import { el, svg } from '/assets/dom.js';
import { QUAD_NAMES, formatCount, formatGoldstein, formatPeriod, plural } from '/assets/format.js';

const PERIOD_AXIS_TITLES = { day: 'Day', week: 'Week (from Monday)', month: 'Month' };

/** Redraws `draw(width, height)` into `container` whenever its width changes; the container's
 *  height comes from CSS, so drawing never resizes what is observed. */
export function drawOnResize(container, draw) {
  let drawnWidth = 0;
  const observer = new ResizeObserver(([entry]) => {
    if (!container.isConnected) {
      observer.disconnect();
      return;
    }
    const width = Math.floor(entry.contentRect.width);
    if (width === 0 || width === drawnWidth) return;
    drawnWidth = width;
    container.replaceChildren(draw(width, Math.floor(entry.contentRect.height)));
  });
  observer.observe(container);
  return container;
}

/** Round axis bounds and about `count` ticks between them. */
function niceTicks(min, max, count, integer) {
  if (min === max) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  if (integer) step = Math.max(1, Math.round(step));
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return { lo, hi, ticks };
}

/** Stacked bars of events per quad class for each period and, when `withGoldstein`, the line
 *  of the period's Goldstein sum on a second axis. */
export function timelineChart(periods, { by, withGoldstein, description }) {
  const canvas = drawOnResize(el('div', { class: 'chart' }),
    (width, height) => timelineSvg(periods, { by, withGoldstein, description, width, height }));
  return el('figure', { class: 'timeline' },
    canvas,
    el('figcaption', {}, chartLegend(withGoldstein)),
    timelineNumbers(periods, withGoldstein));
}

function timelineSvg(periods, { by, withGoldstein, description, width, height }) {
  const margin = { top: 14, right: withGoldstein ? 58 : 16, bottom: 46, left: 52 };
  const plotWidth = Math.max(width - margin.left - margin.right, 10);
  const plotHeight = Math.max(height - margin.top - margin.bottom, 10);
  const bottom = margin.top + plotHeight;
  const counts = niceTicks(0, Math.max(...periods.map((p) => p.events)), 4, true);
  const yCount = (v) => bottom - ((v - counts.lo) / (counts.hi - counts.lo)) * plotHeight;
  const band = plotWidth / periods.length;
  const barWidth = Math.min(Math.max(band * 0.7, 2), 56);
  const xCenter = (i) => margin.left + band * i + band / 2;

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': description,
  });
  for (const tick of counts.ticks) {
    chart.append(
      svg('line', { class: 'grid', x1: margin.left, x2: margin.left + plotWidth, y1: yCount(tick), y2: yCount(tick) }),
      svg('text', { class: 'tick', x: margin.left - 6, y: yCount(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, formatCount(tick)));
  }

  periods.forEach((period, i) => {
    const group = svg('g', { class: 'bar', 'data-period': period.period },
      svg('title', {}, periodSummary(period)));
    let stacked = 0;
    period.quad.forEach((count, q) => {
      if (count === 0) return;
      group.append(svg('rect', {
        class: `q${q + 1}`,
        x: xCenter(i) - barWidth / 2,
        width: barWidth,
        y: yCount(stacked + count),
        height: yCount(stacked) - yCount(stacked + count),
      }));
      stacked += count;
    });
    chart.append(group);
  });

  if (withGoldstein) chart.append(goldsteinLine(periods, { margin, plotWidth, plotHeight, xCenter }));

  const labelEvery = Math.ceil(periods.length / Math.max(Math.floor(plotWidth / 70), 1));
  periods.forEach((period, i) => {
    if (i % labelEvery !== 0) return;
    chart.append(svg('text', { class: 'tick', x: xCenter(i), y: bottom + 16, 'text-anchor': 'middle' },
      formatPeriod(period.period)));
  });
  chart.append(
    svg('line', { class: 'axis', x1: margin.left, x2: margin.left + plotWidth, y1: bottom, y2: bottom }),
    svg('text', { class: 'axis-title', x: margin.left + plotWidth / 2, y: height - 6, 'text-anchor': 'middle' },
      PERIOD_AXIS_TITLES[by] ?? 'Period'),
    svg('text', {
      class: 'axis-title', transform: `rotate(-90)`, x: -(margin.top + plotHeight / 2), y: 14, 'text-anchor': 'middle',
    }, 'Events'));
  return chart;
}

function goldsteinLine(periods, { margin, plotWidth, plotHeight, xCenter }) {
  const sums = periods.map((p) => p.goldstein);
  const scale = niceTicks(Math.min(0, ...sums), Math.max(0, ...sums), 4, false);
  const bottom = margin.top + plotHeight;
  const right = margin.left + plotWidth;
  const y = (v) => bottom - ((v - scale.lo) / (scale.hi - scale.lo)) * plotHeight;
  return svg('g', { class: 'goldstein' },
    scale.ticks.map((tick) => svg('text', { class: 'tick', x: right + 6, y: y(tick), 'dominant-baseline': 'middle' },
      formatGoldstein(tick))),
    svg('line', { class: 'zero', x1: margin.left, x2: right, y1: y(0), y2: y(0) }),
    svg('path', {
      class: 'line',
      d: periods.map((p, i) => `${i === 0 ? 'M' : 'L'}${xCenter(i)},${y(p.goldstein)}`).join(' '),
    }),
    periods.map((p, i) => svg('circle', { class: 'point', 'data-period': p.period, cx: xCenter(i), cy: y(p.goldstein), r: 4 },
      svg('title', {}, `${formatPeriod(p.period)}: Goldstein sum ${formatGoldstein(p.goldstein)}`))),
    svg('text', {
      class: 'axis-title', transform: 'rotate(90)', x: margin.top + plotHeight / 2, y: -(right + 48), 'text-anchor': 'middle',
    }, 'Goldstein sum'));
}

function periodSummary(period) {
  const parts = period.quad.map((count, q) => `${QUAD_NAMES[q + 1]}: ${formatCount(count)}`);
  return `${formatPeriod(period.period)}: ${plural(period.events, 'event')} (${parts.join(', ')}); Goldstein sum ${formatGoldstein(period.goldstein)}`;
}

function chartLegend(withGoldstein) {
  return el('ul', { class: 'legend' },
    [1, 2, 3, 4].map((q) => el('li', {}, el('span', { class: `swatch q${q}` }), QUAD_NAMES[q])),
    withGoldstein && el('li', {}, el('span', { class: 'swatch line' }), 'Goldstein sum (right axis)'));
}

/** The chart's numbers as a table, for screen readers and exact values. */
function timelineNumbers(periods, withGoldstein) {
  const headers = ['Period', 'Events', ...Object.values(QUAD_NAMES), withGoldstein && 'Goldstein sum'].filter(Boolean);
  return el('details', { class: 'numbers' },
    el('summary', {}, 'Show the numbers'),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, periods.map((p) => el('tr', {},
        el('th', { scope: 'row' }, formatPeriod(p.period)),
        el('td', { class: 'number' }, formatCount(p.events)),
        p.quad.map((count) => el('td', { class: 'number' }, formatCount(count))),
        withGoldstein && el('td', { class: 'number' }, formatGoldstein(p.goldstein))))))));
}

/** A horizontal bar for ranked lists, as SVG so that its width is an attribute, not a style. */
export function rankBar(value, max) {
  const width = max > 0 ? Math.max((value / max) * 100, 1) : 0;
  return svg('svg', { class: 'rank-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    svg('rect', { x: 0, y: 0, width, height: 10 }));
}
