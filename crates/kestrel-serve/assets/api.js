// The JSON API of `kestrel serve`: requests, its error answers as ApiError, and the filter
// parameters that the dashboard's URLs share with it.

// The query parameters /api/events accepts besides limit and cursor (see openapi.json).
export const FILTER_PARAMS = [
  'actor', 'dyad', 'code', 'root', 'quad', 'since', 'until', 'modality', 'attribution', 'text',
];

// The largest page the API accepts with its default limits (`max_page` on the server).
export const MAX_PAGE = 1000;

// How many events the "Latest events" sections show.
const LATEST_COUNT = 20;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GETs `path` with the non-empty `params`; resolves to the JSON body or rejects with the
 *  API's error message. */
export async function api(path, params = {}) {
  const query = queryString(params);
  let response;
  try {
    response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, `The server could not be reached: ${error.message}`);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.message ?? response.statusText);
  }
  if (body === null) throw new ApiError(response.status, 'The server did not answer with JSON.');
  return body;
}

export function queryString(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  return query.toString();
}

/** The filter parameters present in a URL query. */
export function filtersOf(query, names = FILTER_PARAMS) {
  const filters = {};
  for (const name of names) {
    const value = query.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The newest `count` events matching `filters`, newest first. The API lists events in date
 *  order, so the daily timeline tells from which day on the last `count` events are. */
export async function latestEvents(filters, count = LATEST_COUNT) {
  const { periods } = await api('/api/timeline', { ...filters, by: 'day' });
  let total = 0;
  let since = null;
  for (let i = periods.length - 1; i >= 0 && total < count; i--) {
    total += periods[i].events;
    since = periods[i].period;
  }
  if (since === null) return [];
  const { events } = await api('/api/events', { ...filters, since, limit: Math.min(total, MAX_PAGE) });
  return events.reverse().slice(0, count);
}
