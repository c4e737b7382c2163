// An actor: its counterparts ranked and drawn as a network, and its latest events.

import { api, latestEvents, queryString } from '/assets/api.js';
import { rankBar } from '/assets/chart.js';
import { el, loading, section, setTitle } from '/assets/dom.js';
import { formatCount } from '/assets/format.js';
import { actorPath, dyadPath } from '/assets/links.js';
import { networkChart } from '/assets/network.js';
import { eventsTable } from '/assets/table.js';

export function actorPage(view, [code]) {
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
        networkChart(code, counterparts));
    })),
    section('Latest events', loading(async () => {
      const events = await latestEvents({ actor: code });
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
    el('a', { href: actorPath(c.code), class: 'code' }, c.code),
    rankBar(c.events, max),
    el('span', { class: 'count' },
      c.sent > 0 ? el('a', { href: dyadPath(code, c.code), title: `${code} → ${c.code}` }, `${formatCount(c.sent)} sent`) : '0 sent',
      ' · ',
      c.received > 0 ? el('a', { href: dyadPath(c.code, code), title: `${c.code} → ${code}` }, `${formatCount(c.received)} received`) : '0 received'))));
}
