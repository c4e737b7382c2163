// The client-side router: the path picks the page, the query holds its filters, so every view
// can be shared, bookmarked and reached with the back button. Links are real <a href> elements;
// those to dashboard pages are intercepted and rendered in place.

import { el } from '/assets/dom.js';

const main = document.getElementById('main');

// Set once by startRouter. Routes are [pattern, page] pairs; a page is called with the view to
// fill, the decoded path segments its pattern captured and the URL query. notFound fills the
// view of any other path.
let routes = [];
let notFound;

/** Renders the current URL and keeps rendering it as the user follows links and goes back. */
export function startRouter(pageRoutes, notFoundPage) {
  routes = pageRoutes;
  notFound = notFoundPage;
  document.addEventListener('click', interceptLink);
  main.addEventListener('click', followRowLink);
  window.addEventListener('popstate', render);
  render();
}

export function navigate(url) {
  history.pushState(null, '', url);
  render();
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

function render() {
  const view = el('div', { class: 'view' });
  main.replaceChildren(view);
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  for (const [pattern, page] of routes) {
    const match = pattern.exec(path);
    if (match) {
      page(view, match.slice(1).map(decodeSegment), query);
      markCurrentNav();
      return;
    }
  }
  notFound(view);
  markCurrentNav();
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isDashboardPath(path) {
  return routes.some(([pattern]) => pattern.test(path));
}

function markCurrentNav() {
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Same-origin links to dashboard routes render in place; everything else (API links, other
 *  sites, new-tab clicks) is left to the browser. */
function interceptLink(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a');
  if (!link || link.hasAttribute('download') || (link.getAttribute('target') ?? '_self') !== '_self') return;
  const url = new URL(link.getAttribute('href') ?? '', location.href);
  if (url.origin !== location.origin || !isDashboardPath(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}

/** Clicking anywhere in a row follows the row's main link. */
function followRowLink(event) {
  if (event.target.closest('a, button, input, select, summary')) return;
  const row = event.target.closest('tr[data-href]');
  if (row) navigate(row.dataset.href);
}
