// Names of CAMEO codes and quad classes, and how numbers and dates are written. Strings only:
// nothing here touches the page.

export const QUAD_NAMES = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

// The twenty CAMEO root categories, to make codes readable next to their number.
export const ROOT_NAMES = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

export function formatCount(n) {
  return Number(n).toLocaleString('en');
}

export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatGoldstein(value) {
  const number = Number(value);
  return `${number > 0 ? '+' : ''}${number.toFixed(1)}`;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_FORMAT = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2024-03" → "Mar 2024", "2024-03-12" → "12 Mar 2024"; anything else as it is. */
export function formatPeriod(period) {
  const [year, month, day] = period.split('-').map(Number);
  if (!year || !month) return period;
  const date = new Date(Date.UTC(year, month - 1, day || 1));
  return day ? DAY_FORMAT.format(date) : MONTH_FORMAT.format(date);
}

export function codeLabel(code, root) {
  const name = ROOT_NAMES[root];
  return name ? `${code} · ${name}` : code;
}

export function eventDate(event) {
  return event.date ?? event.first_published ?? '';
}
