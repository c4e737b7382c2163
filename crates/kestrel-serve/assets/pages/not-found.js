// Any path the router does not know.

import { el, setTitle } from '/assets/dom.js';

export function notFoundPage(view) {
  setTitle('Not found');
  view.append(el('h1', {}, 'Page not found'),
    el('p', {}, 'There is no dashboard page at ', el('code', {}, location.pathname), '. ',
      el('a', { href: '/' }, 'Go to the overview'), '.'));
}
