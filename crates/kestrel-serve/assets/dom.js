// Building the page. Every string from the API is news text and may contain markup, so it only
// ever reaches the page as a Text node or an attribute value, never through an HTML parser:
// el() and svg() are the way in, and they only use createElement, setAttribute and append.

import { ApiError } from '/assets/api.js';
import { QUAD_NAMES } from '/assets/format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element; `props` are attributes (`on*` functions become listeners), children are
 *  nodes or strings (appended as text), nested arrays are flattened and null/false skipped. */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element, like el(). */
export function svg(tag, props = {}, ...children) {
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

export function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}

/** A container that shows "Loading…", then what `work` resolves to, or the error. */
export function loading(work, props = {}) {
  const container = el('div', props, el('p', { class: 'muted' }, 'Loading…'));
  work().then(
    (content) => container.replaceChildren(...[content].flat()),
    (error) => container.replaceChildren(errorBox(error)),
  );
  return container;
}

export function errorBox(error) {
  if (!(error instanceof ApiError)) console.error(error);
  const heading = error instanceof ApiError && error.status
    ? `The server answered ${error.status}`
    : 'Something went wrong';
  return el('div', { class: 'error-box', role: 'alert' },
    el('strong', {}, heading), el('p', {}, error.message));
}

export function quadBadge(quad) {
  return el('span', { class: `quad-badge q${quad}`, title: QUAD_NAMES[quad] ?? '' },
    QUAD_NAMES[quad] ?? `Quad ${quad}`);
}

export function setTitle(...parts) {
  document.title = [...parts, 'kestrel'].join(' · ');
}
