// The kestrel dashboard: a client-side router over the JSON API of `kestrel serve`.
//
// Every string from the API is news text and may contain markup, so it only ever reaches the
// page as a Text node or an attribute value (el(), svg(), textContent), never through an HTML
// parser. Filters live in the URL so every view can be shared, bookmarked and reached with the
// back button; links are real <a href> elements that the router intercepts.

const SVG_NS = 'http://www.w3.org/2000/svg';

const QUAD_NAMES = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

// The twenty CAMEO root categories, to make codes readable next to their number.
const ROOT_NAMES = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

const MODALITIES = [
  'asserted', 'reported', 'alleged', 'hedged', 'intended',
  'hypothetical', 'requested', 'negated', 'denied',
];

const HIGHLIGHT_ROLES = {
  source: 'Source actor',
  target: 'Target actor',
  trigger: 'Event trigger',
  attribution: 'Attributed to',
};

// The query parameters /api/events accepts besides limit and cursor (see openapi.json).
const FILTER_PARAMS = [
  'actor', 'dyad', 'code', 'root', 'quad', 'since', 'until', 'modality', 'attribution', 'text',
];

const LATEST_COUNT = 20;
const MAX_PAGE = 1000;

// ---------------------------------------------------------------------------------------------
// DOM building

/** An HTML element; `props` are attributes (`on*` functions become listeners), children are
 *  nodes or strings (appended as text), nested arrays are flattened and null/false skipped. */
function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element, like el(). */
function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(node, props, children) {
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}

/** A container that shows "Loading…", then what `work` resolves to, or the error. */
function loading(work, props = {}) {
  const container = el('div', props, el('p', { class: 'muted' }, 'Loading…'));
  work().then(
    (content) => container.replaceChildren(...[content].flat()),
    (error) => container.replaceChildren(errorBox(error)),
  );
  return container;
}

function errorBox(error) {
  if (!(error instanceof ApiError)) console.error(error);
  const heading = error instanceof ApiError && error.status
    ? `The server answered ${error.status}`
    : 'Something went wrong';
  return el('div', { class: 'error-box', role: 'alert' },
    el('strong', {}, heading), el('p', {}, error.message));
}

// ---------------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GETs `path` with the non-empty `params`; resolves to the JSON body or rejects with the
 *  API's error message. */
async function api(path, params = {}) {
  const query = queryString(params);
  let response;
  try {
    response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, `The server could not be reached: ${error.message}`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.message ?? response.statusText);
  }
  if (body === null) throw new ApiError(response.status, 'The server did not answer with JSON.');
  return body;
}

function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  return query.toString();
}

/** The filter parameters present in a URL query. */
function filtersOf(query, names = FILTER_PARAMS) {
  const filters = {};
  for (const name of names) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The newest `count` events matching `filters`, newest first. The API lists events in date
 *  order, so the daily timeline tells from which day on the last `count` events are. */
async function latestEvents(filters, count) {
  const { periods } = await api('/api/timeline', { ...filters, by: 'day' });
  let total = 0;
  let since = null;
  for (let i = periods.length - 1; i >= 0 && total < count; i--) {
    total += periods[i].events;
    since = periods[i].period;
  }
  if (since === null) return [];
  const { events } = await api('/api/events', { ...filters, since, limit: Math.min(total, MAX_PAGE) });
  return events.reverse().slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// Routing

const ROUTES = [
  [/^\/$/, overviewPage],
  [/^\/dyad\/([^/]+)\/([^/]+)$/, dyadPage],
  [/^\/event\/([^/]+)$/, eventPage],
  [/^\/actor\/([^/]+)$/, actorPage],
  [/^\/search$/, searchPage],
];

const main = document.getElementById('main');

function render() {
  const view = el('div', { class: 'view' });
  main.replaceChildren(view);
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      page(view, match.slice(1).map(decodeSegment), query);
      markCurrentNav();
      return;
    }
  }
  notFoundPage(view);
  markCurrentNav();
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isDashboardPath(path) {
  return ROUTES.some(([pattern]) => pattern.test(path));
}

function navigate(url) {
  history.pushState(null, '', url);
  render();
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

function markCurrentNav() {
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Same-origin links to dashboard routes render in place; everything else (API links, other
 *  sites, new-tab clicks) is left to the browser. */
function interceptLink(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a');
  if (!link || link.hasAttribute('download') || (link.getAttribute('target') ?? '_self') !== '_self') return;
  const url = new URL(link.getAttribute('href') ?? '', location.href);
  if (url.origin !== location.origin || !isDashboardPath(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}

/** Clicking anywhere in a row follows the row's main link. */
function followRowLink(event) {
  if (event.target.closest('a, button, input, select, summary')) return;
  const row = event.target.closest('tr[data-href]');
  if (row) navigate(row.dataset.href);
}

// ---------------------------------------------------------------------------------------------
// Formatting

function formatCount(n) {
  return Number(n).toLocaleString('en');
}

function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function formatGoldstein(value) {
  const number = Number(value);
  return `${number > 0 ? '+' : ''}${number.toFixed(1)}`;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_FORMAT = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2024-03" → "Mar 2024", "2024-03-12" → "12 Mar 2024"; anything else as it is. */
function formatPeriod(period) {
  const [year, month, day] = period.split('-').map(Number);
  if (!year || !month) return period;
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  return day ? DAY_FORMAT.format(date) : MONTH_FORMAT.format(date);
}

function codeLabel(code, root) {
  const name = ROOT_NAMES[root];
  return name ? `${code} · ${name}` : code;
}

function quadBadge(quad) {
  return el('span', { class: `quad-badge q${quad}`, title: QUAD_NAMES[quad] ?? '' },
    QUAD_NAMES[quad] ?? `Quad ${quad}`);
}

function actorLink(actor) {
  if (!actor) return el('span', { class: 'muted' }, '—');
  return el('a', { href: `/actor/${encodeURIComponent(actor.code)}`, class: 'code', title: actor.text }, actor.code);
}

function dyadPath(source, target, query = '') {
  return `/dyad/${encodeURIComponent(source)}/${encodeURIComponent(target)}${query ? `?${query}` : ''}`;
}

/** A link to an article, for http(s) addresses only: a `javascript:` URL in a feed must not
 *  become a live link. */
function externalLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', {}, text);
  return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank' }, text);
}

function eventDate(event) {
  return event.date ?? event.first_published ?? '';
}

// ---------------------------------------------------------------------------------------------
// Events table

const EVENT_COLUMNS = ['Date', 'Source', 'Target', 'Event', 'Quad class', 'Goldstein', 'Modality', 'Articles', 'Sentence'];

function eventsTable(events, caption) {
  const body = el('tbody', {}, events.map(eventRow));
  const table = el('table', { class: 'events' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, EVENT_COLUMNS.map((name) => el('th', { scope: 'col' }, name)))),
    body);
  return { node: el('div', { class: 'table-wrap' }, table), body };
}

function eventRow(event) {
  const href = `/event/${encodeURIComponent(event.id)}`;
  const cell = (label, ...content) => el('td', { 'data-label': label }, ...content);
  return el('tr', { 'data-href': href, class: 'clickable' },
    cell('Date', eventDate(event)),
    cell('Source', actorLink(event.source)),
    cell('Target', actorLink(event.target)),
    cell('Event', el('span', { class: 'code' }, event.code), ' ',
      el('span', { class: 'muted' }, ROOT_NAMES[event.root] ?? '')),
    cell('Quad class', quadBadge(event.quad_class)),
    cell('Goldstein', el('span', { class: 'number' }, formatGoldstein(event.goldstein))),
    cell('Modality', event.modality),
    cell('Articles', el('span', { class: 'number' }, formatCount(event.num_articles))),
    cell('Sentence', el('a', { href, class: 'sentence-link' }, event.sentence_text)));
}

/** An events table fed page by page through the API cursor, with a "More" button. */
function pagedEvents(params, caption) {
  return loading(async () => {
    const first = await api('/api/events', params);
    if (first.events.length === 0) return el('p', { class: 'muted' }, 'No events match.');
    const table = eventsTable(first.events, caption);
    const status = el('p', { class: 'muted', 'aria-live': 'polite' });
    const more = el('button', { type: 'button', class: 'more' }, 'More');
    let shown = first.events.length;
    let cursor = first.next_cursor;
    const update = () => {
      status.textContent = `Showing ${plural(shown, 'event')}${cursor ? '' : ' (all that match)'}, in date order.`;
      more.hidden = !cursor;
    };
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const page = await api('/api/events', { ...params, cursor });
        table.body.append(...page.events.map(eventRow));
        shown += page.events.length;
        cursor = page.next_cursor;
        update();
      } catch (error) {
        more.replaceWith(errorBox(error));
      } finally {
        more.disabled = false;
      }
    });
    update();
    return [table.node, el('div', { class: 'pager' }, status, more)];
  });
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Redraws `draw(width, height)` into `container` whenever its width changes; the container's
 *  height comes from CSS, so drawing never resizes what is observed. */
function drawOnResize(container, draw) {
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

const PERIOD_AXIS_TITLES = { day: 'Day', week: 'Week (from Monday)', month: 'Month' };

/** Stacked bars of events per quad class for each period and, when `withGoldstein`, the line
 *  of the period's Goldstein sum on a second axis. */
function timelineChart(periods, { by, withGoldstein, description }) {
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
function rankBar(value, max) {
  const width = max > 0 ? Math.max((value / max) * 100, 1) : 0;
  return svg('svg', { class: 'rank-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
    svg('rect', { x: 0, y: 0, width, height: 10 }));
}

// ---------------------------------------------------------------------------------------------
// Pages

function setTitle(...parts) {
  document.title = [...parts, 'kestrel'].join(' · ');
}

function overviewPage(view) {
  setTitle('Overview');
  view.append(
    el('h1', {}, 'Overview'),
    loading(async () => {
      const stats = await api('/api/stats');
      return el('p', { class: 'stats' },
        [plural(stats.documents, 'article'), plural(stats.events, 'event'),
          plural(stats.mentions, 'mention'), plural(stats.stories, 'story', 'stories')].join(' · '));
    }),
    el('div', { class: 'columns' },
      section('Most active dyads', loading(async () => {
        const { dyads } = await api('/api/dyads', { limit: 10 });
        if (dyads.length === 0) return el('p', { class: 'muted' }, 'No events yet.');
        const max = dyads[0].events;
        return el('ol', { class: 'ranked dyads' }, dyads.map((d) => el('li', {},
          el('a', { href: dyadPath(d.source, d.target) }, `${d.source} → ${d.target}`),
          rankBar(d.events, max),
          el('span', { class: 'count' }, plural(d.events, 'event')))));
      })),
      section('Most active actors', loading(async () => {
        const { actors } = await api('/api/actors', { limit: 10 });
        if (actors.length === 0) return el('p', { class: 'muted' }, 'No events yet.');
        const max = actors[0].events;
        return el('ol', { class: 'ranked actors' }, actors.map((a) => el('li', {},
          el('a', { href: `/actor/${encodeURIComponent(a.code)}` }, a.code),
          rankBar(a.events, max),
          el('span', { class: 'count' }, plural(a.events, 'event')))));
      }))),
    section('Quad-class mix over time', loading(async () => {
      const timeline = await api('/api/timeline', { by: 'month' });
      if (timeline.periods.length === 0) return el('p', { class: 'muted' }, 'No dated events yet.');
      return timelineChart(timeline.periods, {
        by: 'month', withGoldstein: false, description: 'Events per month, stacked by quad class',
      });
    })),
    section('Latest events', loading(async () => {
      const events = await latestEvents({}, LATEST_COUNT);
      if (events.length === 0) return el('p', { class: 'muted' }, 'No events yet.');
      return [eventsTable(events, 'Latest events, newest first').node,
        el('p', {}, el('a', { href: '/search' }, 'Search all events'))];
    })));
}

const DYAD_FORM_FIELDS = ['by', 'since', 'until', 'quad', 'root', 'modality', 'text'];

function dyadPage(view, [source, target], query) {
  const by = query.get('by') || 'month';
  const filters = filtersOf(query, FILTER_PARAMS.filter((name) => name !== 'dyad' && name !== 'actor'));
  const dyad = `${source}:${target}`;
  setTitle(`${source} → ${target}`);
  view.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/' }, 'Overview'), ' / dyad'),
    el('h1', {},
      el('a', { href: `/actor/${encodeURIComponent(source)}` }, source), ' → ',
      el('a', { href: `/actor/${encodeURIComponent(target)}` }, target)),
    el('p', {}, el('a', { href: dyadPath(target, source, query.toString()) }, `Reverse direction: ${target} → ${source}`)),
    filterForm(DYAD_FORM_FIELDS, query, (params) => navigate(dyadPath(source, target, params)), 'Filter this dyad'),
    section('Cooperation and conflict over time', loading(async () => {
      const timeline = await api('/api/timeline', { ...filters, dyad, by });
      if (timeline.periods.length === 0) return el('p', { class: 'muted' }, 'No dated events for this dyad.');
      return timelineChart(timeline.periods, {
        by: timeline.by ?? by,
        withGoldstein: true,
        description: `Events of ${source} towards ${target} per ${by}, stacked by quad class, with the Goldstein sum`,
      });
    })),
    section('Events', pagedEvents({ ...filters, dyad, limit: query.get('limit') }, `Events from ${source} to ${target}`)));
}

function eventPage(view, [id]) {
  setTitle('Event');
  const heading = el('h1', {}, 'Event');
  view.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/' }, 'Overview'), ' / event'),
    heading,
    loading(async () => {
      const { event, mentions } = await api(`/api/events/${encodeURIComponent(id)}`);
      return eventEvidence(event, mentions, heading);
    }));
}

function eventEvidence(event, mentions, heading) {
  const dyad = event.target ? `${event.source.code} → ${event.target.code}` : event.source.code;
  setTitle(`${dyad}: ${event.code}`, 'Event');
  heading.textContent = `${dyad}: ${codeLabel(event.code, event.root)}`;
  // The representative mention is the one whose record the event shows.
  const representative = mentions.find((m) => m.record.event_id === event.event_id) ?? mentions[0];
  return [
    el('blockquote', { class: 'evidence' },
      representative
        ? highlightedSentence(representative.record.sentence_text, representative.highlights, representative.record)
        : el('p', { class: 'sentence' }, event.sentence_text)),
    highlightLegend(),
    section('Coding', eventDetails(event)),
    section(`Reported by ${plural(mentions.length, 'article')}`,
      el('ol', { class: 'mentions' }, mentions.map(mentionItem))),
  ];
}

function eventDetails(event) {
  const rows = [
    ['Source', actorLink(event.source), ` ${event.source.text}`],
    ['Target', actorLink(event.target), event.target ? ` ${event.target.text}` : null],
    ['Event code', codeLabel(event.code, event.root)],
    ['Trigger', event.trigger.text],
    ['Quad class', quadBadge(event.quad_class)],
    ['Goldstein', formatGoldstein(event.goldstein)],
    ['Modality', event.modality],
    ['Attribution', event.attribution
      ? [`${event.attribution.text} `, el('span', { class: 'code' }, event.attribution.code)]
      : el('span', { class: 'muted' }, 'none (the outlet’s own report)')],
    ['Event date', event.date
      ? `${event.date}${event.date_precision ? ` (${event.date_precision})` : ''}`
      : el('span', { class: 'muted' }, 'not stated; filed under the publication date')],
    ['PLOVER', event.plover
      ? [event.plover.event, event.plover.mode && ` · ${event.plover.mode}`,
        event.plover.context.length > 0 && ` · ${event.plover.context.join(', ')}`]
      : el('span', { class: 'muted' }, 'no PLOVER equivalent')],
    ['Confidence', Number(event.confidence).toFixed(2)],
    ['Mentions', `${formatCount(event.num_mentions)} in ${plural(event.num_articles, 'article')} from ${plural(event.num_sources, 'outlet')}`],
    ['First published', event.first_published ?? '—'],
    ['Event id', el('span', { class: 'code' }, event.id)],
  ];
  const dyadLink = event.target && el('p', {},
    el('a', { href: dyadPath(event.source.code, event.target.code) },
      `All events from ${event.source.code} to ${event.target.code}`));
  return [el('dl', { class: 'details' }, rows.map(([term, ...value]) => [el('dt', {}, term), el('dd', {}, ...value)])), dyadLink];
}

function mentionItem(mention) {
  const record = mention.record;
  return el('li', { class: 'mention' },
    el('h3', {}, externalLink(mention.url, mention.title || mention.doc_id)),
    el('p', { class: 'muted' },
      [mention.outlet ?? 'Unknown outlet', mention.published ?? 'undated', `document ${mention.doc_id}`,
        `sentence ${record.sentence + 1}`, record.modality].join(' · ')),
    el('blockquote', {}, highlightedSentence(record.sentence_text, mention.highlights, record)));
}

/** The sentence with its highlights as nested <mark>s. Highlights are character offsets into
 *  the sentence; one that straddles another's edge cannot nest and is left out, so every mark
 *  holds exactly the text of its span. */
function highlightedSentence(sentence, highlights, record) {
  const chars = Array.from(sentence);
  const spans = (highlights ?? [])
    .filter((h) => h.role in HIGHLIGHT_ROLES && h.start >= 0 && h.start < h.end && h.end <= chars.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const root = { start: 0, end: chars.length, children: [] };
  const open = [root];
  for (const span of spans) {
    while (open.length > 1 && span.start >= open.at(-1).end) open.pop();
    const parent = open.at(-1);
    if (span.end > parent.end) continue;
    const node = { ...span, children: [] };
    parent.children.push(node);
    open.push(node);
  }
  const text = (from, to) => (from < to ? chars.slice(from, to).join('') : null);
  const fill = (node, into) => {
    let at = node.start;
    for (const child of node.children) {
      into.append(...[text(at, child.start)].filter(Boolean));
      const code = record[child.role]?.code;
      const mark = el('mark', {
        class: `hl-${child.role}`,
        title: code ? `${HIGHLIGHT_ROLES[child.role]}: ${code}` : HIGHLIGHT_ROLES[child.role],
      });
      fill(child, mark);
      into.append(mark);
      at = child.end;
    }
    into.append(...[text(at, node.end)].filter(Boolean));
  };
  const paragraph = el('p', { class: 'sentence' });
  fill(root, paragraph);
  return paragraph;
}

function highlightLegend() {
  return el('ul', { class: 'legend' }, Object.entries(HIGHLIGHT_ROLES).map(([role, name]) =>
    el('li', {}, el('mark', { class: `hl-${role}` }, name))));
}

function actorPage(view, [code]) {
  setTitle(code, 'Actor');
  view.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/' }, 'Overview'), ' / actor'),
    el('h1', {}, 'Actor ', el('span', { class: 'code' }, code)),
    el('p', {}, el('a', { href: `/search?${queryString({ actor: code })}` }, `Search the events of ${code}`)),
    section('Counterparts', loading(async () => {
      const { dyads } = await api('/api/dyads', { actor: code, limit: 100 });
      const counterparts = counterpartsOf(code, dyads);
      if (counterparts.length === 0) return el('p', { class: 'muted' }, 'No events with a counterpart.');
      return el('div', { class: 'columns' },
        counterpartList(code, counterparts),
        drawOnResize(el('div', { class: 'chart network' }), (width, height) => networkSvg(code, counterparts, width, height)));
    })),
    section('Latest events', loading(async () => {
      const events = await latestEvents({ actor: code }, LATEST_COUNT);
      if (events.length === 0) return el('p', { class: 'muted' }, 'No dated events.');
      return eventsTable(events, `Latest events of ${code}, newest first`).node;
    })));
}

/** Whether `candidate` is the actor `code` or one of its role blocks (USA, USAGOV for USA),
 *  as the API's actor filter matches. */
function isActor(candidate, code) {
  return candidate.toUpperCase().startsWith(code.toUpperCase());
}

/** The other side of each dyad involving `code`, summed over both directions, most events
 *  first. */
function counterpartsOf(code, dyads) {
  const byCode = new Map();
  for (const dyad of dyads) {
    const outgoing = isActor(dyad.source, code) && !isActor(dyad.target, code);
    const incoming = isActor(dyad.target, code) && !isActor(dyad.source, code);
    if (!outgoing && !incoming) continue;
    const other = outgoing ? dyad.target : dyad.source;
    const entry = byCode.get(other) ?? { code: other, events: 0, sent: 0, received: 0 };
    entry.events += dyad.events;
    if (outgoing) entry.sent += dyad.events;
    else entry.received += dyad.events;
    byCode.set(other, entry);
  }
  return [...byCode.values()].sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
}

function counterpartList(code, counterparts) {
  const max = counterparts[0].events;
  return el('ol', { class: 'ranked counterparts' }, counterparts.map((c) => el('li', {},
    el('a', { href: `/actor/${encodeURIComponent(c.code)}`, class: 'code' }, c.code),
    rankBar(c.events, max),
    el('span', { class: 'count' },
      c.sent > 0 ? el('a', { href: dyadPath(code, c.code), title: `${code} → ${c.code}` }, `${formatCount(c.sent)} sent`) : '0 sent',
      ' · ',
      c.received > 0 ? el('a', { href: dyadPath(c.code, code), title: `${c.code} → ${code}` }, `${formatCount(c.received)} received`) : '0 received'))));
}

const NETWORK_MAX_NODES = 12;

/** The actor in the middle and its most active counterparts on a circle around it; edge width
 *  and node size grow with the number of events. */
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
    chart.append(svg('a', { href: `/actor/${encodeURIComponent(node.code)}`, class: 'node', 'data-actor': node.code },
      svg('title', {}, `${node.code}: ${plural(node.events, 'event')}`),
      svg('circle', { cx: node.x, cy: node.y, r }),
      svg('text', { x: node.x + dx, y: node.y + dy, 'text-anchor': anchor }, node.code)));
  }
  chart.append(svg('g', { class: 'node center' },
    svg('circle', { cx, cy, r: 22 }),
    svg('text', { x: cx, y: cy + 4, 'text-anchor': 'middle' }, code)));
  return chart;
}

// The search form's fields, named like the API's query parameters.
const FIELD_SPECS = {
  text: { label: 'Words in the sentence', type: 'search', placeholder: 'sanctions' },
  actor: { label: 'Actor (either side)', placeholder: 'USA', pattern: '[A-Za-z0-9]+' },
  dyad: { label: 'Dyad (source:target)', placeholder: 'USA:PRK', pattern: '[A-Za-z0-9]+:[A-Za-z0-9]+' },
  code: { label: 'CAMEO code', placeholder: '042', pattern: '[0-9]+' },
  root: { label: 'CAMEO root', options: Object.entries(ROOT_NAMES).map(([root, name]) => [root, `${root} ${name}`]) },
  quad: { label: 'Quad class', options: Object.entries(QUAD_NAMES).map(([quad, name]) => [quad, `${quad} ${name}`]) },
  since: { label: 'From', type: 'date' },
  until: { label: 'To', type: 'date' },
  modality: { label: 'Modality', options: MODALITIES.map((m) => [m, m]) },
  attribution: { label: 'Attributed to', placeholder: 'USAGOV', pattern: '[A-Za-z0-9]+' },
  by: { label: 'Periods', options: [['day', 'day'], ['week', 'week'], ['month', 'month']], required: true, default: 'month' },
  limit: { label: 'Events per page', type: 'number', min: 1, max: MAX_PAGE, placeholder: '50' },
};

/** A GET form over `fields`, filled from the URL query; submitting hands the non-empty values
 *  as a query string to `onSubmit`. */
function filterForm(fields, query, onSubmit, title) {
  const controls = fields.map((name) => {
    const spec = FIELD_SPECS[name];
    const id = `field-${name}`;
    const value = query.get(name) ?? spec.default ?? '';
    const control = spec.options
      ? el('select', { id, name },
        !spec.required && el('option', { value: '' }, 'Any'),
        spec.options.map(([optionValue, label]) =>
          el('option', { value: optionValue, selected: optionValue === value ? '' : null }, label)))
      : el('input', {
        id, name, value, type: spec.type ?? 'text', placeholder: spec.placeholder,
        pattern: spec.pattern, min: spec.min, max: spec.max, autocomplete: 'off',
      });
    return el('div', { class: `field field-${name}` }, el('label', { for: id }, spec.label), control);
  });
  const form = el('form', { class: 'filters', role: 'search', 'aria-label': title },
    controls,
    el('div', { class: 'field actions' },
      el('button', { type: 'submit' }, 'Apply'),
      el('a', { href: location.pathname }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, value] of new FormData(form)) values[name] = String(value).trim();
    onSubmit(queryString(values));
  });
  return form;
}

const SEARCH_FIELDS = ['text', ...FILTER_PARAMS.filter((name) => name !== 'text'), 'limit'];

function searchPage(view, _segments, query) {
  setTitle('Search');
  const filters = filtersOf(query);
  view.append(
    el('h1', {}, 'Search events'),
    filterForm(SEARCH_FIELDS, query, (params) => navigate(params ? `/search?${params}` : '/search'), 'Search events'),
    section(Object.keys(filters).length > 0 ? 'Matching events' : 'All events',
      pagedEvents({ ...filters, limit: query.get('limit') }, 'Matching events')));
}

function notFoundPage(view) {
  setTitle('Not found');
  view.append(el('h1', {}, 'Page not found'),
    el('p', {}, 'There is no dashboard page at ', el('code', {}, location.pathname), '. ',
      el('a', { href: '/' }, 'Go to the overview'), '.'));
}

document.addEventListener('click', interceptLink);
main.addEventListener('click', followRowLink);
window.addEventListener('popstate', render);
render();
