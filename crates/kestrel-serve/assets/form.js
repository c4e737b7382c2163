// The filter form of the dyad and search pages: a GET form whose fields are named like the
// API's query parameters, filled from the URL.

import { MAX_PAGE, queryString } from '/assets/api.js';
import { el } from '/assets/dom.js';
import { QUAD_NAMES, ROOT_NAMES } from '/assets/format.js';

const MODALITIES = [
  'asserted', 'reported', 'alleged', 'hedged', 'intended',
  'hypothetical', 'requested', 'negated', 'denied',
];

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
export function filterForm(fields, query, onSubmit, title) {
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
