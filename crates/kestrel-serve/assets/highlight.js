// A sentence with the spans of its coding (source, target, trigger, attribution) marked.

import { el } from '/assets/dom.js';

const HIGHLIGHT_ROLES = {
  source: 'Source actor',
  target: 'Target actor',
  trigger: 'Event trigger',
  attribution: 'Attributed to',
};

/** The sentence with its highlights as nested <mark>s. Highlights are character offsets into
 *  the sentence; one that straddles another's edge cannot nest and is left out, so every mark
 *  holds exactly the text of its span. */
export function highlightedSentence(sentence, highlights, record) {
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

export function highlightLegend() {
  return el('ul', { class: 'legend' }, Object.entries(HIGHLIGHT_ROLES).map(([role, name]) =>
    el('li', {}, el('mark', { class: `hl-${role}` }, name))));
}
