// A dyad (source → target): its timeline with the Goldstein sum and its events, both under the
// filters of the form, which live in the URL.

import { FILTER_PARAMS, api, filtersOf } from '/assets/api.js';
import { timelineChart } from '/assets/chart.js';
import { el, loading, section, setTitle } from '/assets/dom.js';
import { filterForm } from '/assets/form.js';
import { actorPath, dyadPath } from '/assets/links.js';
import { navigate } from '/assets/router.js';
import { pagedEvents } from '/assets/table.js';

const DYAD_FORM_FIELDS = ['by', 'since', 'until', 'quad', 'root', 'modality', 'text'];

export function dyadPage(view, [source, target], query) {
  const by = query.get('by') || 'month';
  const filters = filtersOf(query, FILTER_PARAMS.filter((name) => name !== 'dyad' && name !== 'actor'));
  const dyad = `${source}:${target}`;
  setTitle(`${source} → ${target}`);
  view.append(
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/' }, 'Overview'), ' / dyad'),
    el('h1', {},
      el('a', { href: actorPath(source) }, source), ' → ',
      el('a', { href: actorPath(target) }, target)),
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
