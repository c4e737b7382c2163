// The kestrel dashboard: a client-side router over the JSON API of `kestrel serve`. This file
// is the entry point: it maps paths to pages and starts the router.
//
// Plain ES modules, loaded by the browser from /assets/ (no build step); each imports what it
// uses by absolute path:
//   app.js           entry point: the routes
//   router.js        URL and history: renders the page of the path, intercepts dashboard links
//   api.js           fetch with the API's JSON errors (ApiError), filter parameters, latest events
//   dom.js           el()/svg() builders (text and attributes only, never parsed HTML),
//                    sections, loading and error boxes, quad badges, the document title
//   format.js        quad and CAMEO root names, numbers, Goldstein scores, periods
//   links.js         page paths, actor links, article links (http(s) only)
//   chart.js         the SVG timeline chart, ranked-list bars, redrawing on resize
//   network.js       the radial network of an actor and its counterparts
//   table.js         the events table and its cursor-paged variant
//   form.js          the filter form (fields named like the API's parameters)
//   highlight.js     a sentence with its coding spans as nested <mark>s
//   pages/overview.js, pages/dyad.js, pages/event.js, pages/actor.js, pages/search.js,
//   pages/not-found.js   one module per page
//
// Every string from the API is news text and may contain markup, so it only ever reaches the
// page as a Text node or an attribute value (el(), svg(), textContent), never through an HTML
// parser.

import { actorPage } from '/assets/pages/actor.js';
import { dyadPage } from '/assets/pages/dyad.js';
import { eventPage } from '/assets/pages/event.js';
import { notFoundPage } from '/assets/pages/not-found.js';
import { overviewPage } from '/assets/pages/overview.js';
import { searchPage } from '/assets/pages/search.js';
import { startRouter } from '/assets/router.js';

const ROUTES = [
  [/^\/$/, overviewPage],
  [/^\/dyad\/([^/]+)\/([^/]+)$/, dyadPage],
  [/^\/event\/([^/]+)$/, eventPage],
  [/^\/actor\/([^/]+)$/, actorPage],
  [/^\/search$/, searchPage],
];

startRouter(ROUTES, notFoundPage);
