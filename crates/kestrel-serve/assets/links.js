// Addresses of dashboard pages, and links to them and to the articles.

import { el } from '/assets/dom.js';

export function actorPath(code) {
  return `/actor/${encodeURIComponent(code)}`;
}

export function dyadPath(source, target, query = '') {
  return `/dyad/${encodeURIComponent(source)}/${encodeURIComponent(target)}${query ? `?${query}` : ''}`;
}

export function actorLink(actor) {
  if (!actor) return el('span', { class: 'muted' }, '—');
  return el('a', { href: actorPath(actor.code), class: 'code', title: actor.text }, actor.code);
}

/** A link to an article, for http(s) addresses only: a `javascript:` URL in a feed must not
 *  become a live link. */
export function externalLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return el('span', {}, text);
  return el('a', { href: parsed.href, rel: 'noopener noreferrer', target: '_blank' }, text);
}
