// The overview: totals, the most active dyads and actors, the quad-class mix per month and the
// latest events.

import { api, latestEvents } from '/assets/api.js';
import { rankBar, timelineChart } from '/assets/chart.js';
import { el, loading, section, setTitle } from '/assets/dom.js';
import { plural } from '/assets/format.js';
import { actorPath, dyadPath } from '/assets/links.js';
import { eventsTable } from '/assets/table.js';

export function overviewPage(view) {
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
          el('a', { href: actorPath(a.code) }, a.code),
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
      const events = await latestEvents({});
      if (events.length === 0) return el('p', { class: 'muted' }, 'No events yet.');
      return [eventsTable(events, 'Latest events, newest first').node,
        el('p', {}, el('a', { href: '/search' }, 'Search all events'))];
    })));
}
