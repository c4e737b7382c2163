// The events table: one row per event, the whole row a link to the event's page, and a paged
// variant that follows the API cursor with a "More" button.

import { api } from '/assets/api.js';
import { el, errorBox, loading, quadBadge } from '/assets/dom.js';
import { ROOT_NAMES, eventDate, formatCount, formatGoldstein, plural } from '/assets/format.js';
import { actorLink } from '/assets/links.js';

const EVENT_COLUMNS = ['Date', 'Source', 'Target', 'Event', 'Quad class', 'Goldstein', 'Modality', 'Articles', 'Sentence'];

/** The table (`node`) and its body, for more rows to be appended. */
export function eventsTable(events, caption) {
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
export function pagedEvents(params, caption) {
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
