// The radial network of an actor: the actor in the middle, its most active counterparts on a
// circle around it, each a link to its own page.

import { drawOnResize } from '/assets/chart.js';
import { el, svg } from '/assets/dom.js';
import { formatCount, plural } from '/assets/format.js';
import { actorPath } from '/assets/links.js';

const NETWORK_MAX_NODES = 12;

/** The network of `code` and its `counterparts` (most events first), redrawn to the width of
 *  its container. */
export function networkChart(code, counterparts) {
  return drawOnResize(el('div', { class: 'chart network' }),
    (width, height) => networkSvg(code, counterparts, width, height));
}

/** Edge width and node size grow with the number of events. */
function networkSvg(code, counterparts, width, height) {
  const shown = counterparts.slice(0, NETWORK_MAX_NODES);
  const max = shown[0].events;
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.max(Math.min(width, height) / 2 - 56, 40);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `${code} and its ${plural(shown.length, 'counterpart')}`,
  });
  const nodes = shown.map((c, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    return { ...c, x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), cos: Math.cos(angle) };
  });
  for (const node of nodes) {
    chart.append(svg('line', {
      class: 'edge', x1: cx, y1: cy, x2: node.x, y2: node.y, 'stroke-width': 1 + (7 * node.events) / max,
    }, svg('title', {}, `${code} → ${node.code}: ${formatCount(node.sent)}; ${node.code} → ${code}: ${formatCount(node.received)}`)));
  }
  for (const node of nodes) {
    const r = 6 + 10 * Math.sqrt(node.events / max);
    const anchor = Math.abs(node.cos) < 0.3 ? 'middle' : node.cos > 0 ? 'start' : 'end';
    const dx = anchor === 'middle' ? 0 : (node.cos > 0 ? 1 : -1) * (r + 4);
    const dy = anchor === 'middle' ? (node.y < cy ? -(r + 6) : r + 14) : 4;
    chart.append(svg('a', { href: actorPath(node.code), class: 'node', 'data-actor': node.code },
      svg('title', {}, `${node.code}: ${plural(node.events, 'event')}`),
      svg('circle', { cx: node.x, cy: node.y, r }),
      svg('text', { x: node.x + dx, y: node.y + dy, 'text-anchor': anchor }, node.code)));
  }
  chart.append(svg('g', { class: 'node center' },
    svg('circle', { cx, cy, r: 22 }),
    svg('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, code)));
  return chart;
}
