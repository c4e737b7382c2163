// One event: its sentence with the coding highlighted, the coding in full, and every article
// that reported it.

import { api } from '/assets/api.js';
import { el, loading, quadBadge, section, setTitle } from '/assets/dom.js';
import { codeLabel, formatCount, formatGoldstein, plural } from '/assets/format.js';
import { highlightLegend, highlightedSentence } from '/assets/highlight.js';
import { actorLink, dyadPath, externalLink } from '/assets/links.js';

export function eventPage(view, [id]) {
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
