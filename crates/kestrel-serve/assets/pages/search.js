// Search: every filter of the API in a form, the matching events paged below it.

import { FILTER_PARAMS, filtersOf } from '/assets/api.js';
import { el, section, setTitle } from '/assets/dom.js';
import { filterForm } from '/assets/form.js';
import { navigate } from '/assets/router.js';
import { pagedEvents } from '/assets/table.js';

const SEARCH_FIELDS = ['text', ...FILTER_PARAMS.filter((name) => name !== 'text'), 'limit'];

export function searchPage(view, _segments, query) {
  setTitle('Search');
  const filters = filtersOf(query);
  view.append(
    el('h1', {}, 'Search events'),
    filterForm(SEARCH_FIELDS, query, (params) => navigate(params ? `/search?${params}` : '/search'), 'Search events'),
    section(Object.keys(filters).length > 0 ? 'Matching events' : 'All events',
      pagedEvents({ ...filters, limit: query.get('limit') }, 'Matching events')));
}
