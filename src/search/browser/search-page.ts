/**
 * The search page's script: results that update as the reader types, and kind and region filters, over the form the
 * page renders (src/pages/search/index.astro), which works before this script runs: typing and Enter submit to
 * /search/?q=…, and on load the script runs that search. A few lines of DOM instead of React: React was 70 KB of the
 * 150 KB a first search may fetch, and the page waited for it before it could answer.
 *
 * The address follows the search (?q=…&kind=…&region=…): a deep link runs on load, a pause or Enter keeps the
 * search in the history so Back returns to it. All text comes in through the container's `data-labels`.
 */
import { FIRST_RESULTS, RESULTS_PAGE, WARM_UP_QUERY, loadEngine, normaliseQuery, type Engine, type Filters, type Hit, type Outcome } from './engine';
import { excerpt } from './excerpt';
import { figureNamed } from '../shared/numbers';

export interface SearchLabels {
  kind: string;
  region: string;
  anyKind: string;
  anyRegion: string;
  hint: string;
  starting: string;
  searching: string;
  /** "{n}" is replaced by the number of results. */
  found: string;
  /** "{q}" is replaced by the query. */
  none: string;
  noneFiltered: string;
  /** "{q}" is replaced by the Simplified form searched. */
  folded: string;
  /** "{q}" is replaced by the corrected query whose results are shown; a link to the query as typed follows. */
  corrected: string;
  more: string;
  unavailable: string;
  /** After "nothing found": "{regions}" is replaced by the places the site covers. */
  covers: string;
  /** Links to the lists of everything the site covers. */
  browse: { href: string; label: string }[];
  /** Before names that sound like the query. */
  suggest: string;
  /** Kinds in the order the filter lists them; kinds not listed follow. */
  kindOrder: string[];
}

/** After this long without typing, the next change starts a new history entry. */
const SETTLE_MS = 1000;

interface Shown {
  /** The query and filters these results are for. */
  key: string;
  query: string;
  outcome: Outcome;
  hits: Hit[];
  /** Results loaded so far (the first page, then more). */
  next: number;
  /** The rest of the first page is still loading. */
  filling: boolean;
}

/** Resolves once what was just rendered has been painted. */
const afterPaint = () => new Promise<void>((painted) => requestAnimationFrame(() => window.setTimeout(painted)));
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
const keyOf = (query: string, filters: Filters) => JSON.stringify([query.trim(), filters.kind ?? '', filters.region ?? '']);
const rank = (order: string[], value: string) => (order.indexOf(value) < 0 ? order.length : order.indexOf(value));

/** An element with attributes and children (strings become text). */
function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The link and excerpt of a hit: to the row of the figure a number query names, with that figure marked. */
function resultOf(hit: Hit, outcome: Outcome) {
  const figure = outcome.numbers.length ? figureNamed(hit.figures, outcome.numbers) : undefined;
  const parts = figure ? [...outcome.parts, String(figure.value)] : outcome.parts;
  return { href: figure ? `${hit.url}#obs-${figure.id}` : hit.url, segments: excerpt(hit.text, parts) };
}

export function startSearchPage(root: HTMLElement): void {
  const labels = JSON.parse(root.dataset.labels!) as SearchLabels;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('#search-query')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('#search-results')!;
  const none = root.querySelector<HTMLElement>('.search-none')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;

  let filters: Filters = {};
  /** Search the query as typed, without correcting it (the reader followed "仍搜索 …"): ?exact=1. */
  let exact = false;
  let engine: Engine | null = null;
  let unavailable = false;
  let composing = false;
  let shown: Shown | null = null;
  let latest = '';
  /** Whether the address already holds an entry for the search being typed (then it is replaced, not pushed). */
  let typing = false;
  /**
   * Whether the address has yet to follow what was typed. It is written once the results are painted: Chromium took
   * 12–16 ms to write it on a fresh page, which the first results waited for when it was written first.
   */
  let addressDue = false;
  let settleTimer: number | undefined;
  const selects: Partial<Record<keyof Filters, HTMLSelectElement>> = {};

  const query = () => input.value;

  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get('q') ?? '';
    filters = { kind: params.get('kind') ?? undefined, region: params.get('region') ?? undefined };
    exact = params.get('exact') === '1';
    for (const [name, select] of Object.entries(selects)) select.value = filters[name as keyof Filters] ?? '';
    typing = false;
  }

  function writeAddress(settle: boolean) {
    const params = new URLSearchParams();
    if (query().trim()) params.set('q', query().trim());
    if (filters.kind) params.set('kind', filters.kind);
    if (filters.region) params.set('region', filters.region);
    if (exact) params.set('exact', '1');
    const url = window.location.pathname + (params.size ? `?${params}` : '');
    if (url === window.location.pathname + window.location.search) return;
    if (typing) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    typing = !settle;
    window.clearTimeout(settleTimer);
    if (!settle) settleTimer = window.setTimeout(() => (typing = false), SETTLE_MS);
  }

  /** Writes the address for what was typed, if it is due. */
  function followTyping() {
    if (!addressDue) return;
    addressDue = false;
    writeAddress(false);
  }

  function render() {
    const q = query().trim();
    // While the next results load, the previous ones stay (no flicker as the reader types); the list says it is busy
    // and names its query only once it shows the results for what is in the box.
    const current = shown !== null && shown.key === keyOf(query(), filters);
    const busy = (Boolean(q) && !current && !unavailable) || Boolean(shown?.filling);
    let text = labels.hint;
    if (unavailable) text = labels.unavailable;
    else if (q && !engine) text = labels.starting;
    else if (busy && !shown) text = labels.searching;
    else if (shown) {
      if (shown.outcome.pages.length > 0) text = fill(labels.found, { n: shown.outcome.pages.length });
      else text = fill(filters.kind || filters.region ? labels.noneFiltered : labels.none, { q: shown.query });
    }
    status.replaceChildren(text);
    if (shown?.outcome.corrected) {
      const asTyped = new URLSearchParams({ q: shown.query, exact: '1' });
      status.append(' ', el('span', { class: 'search-corrected' }, fill(labels.corrected, { q: shown.outcome.corrected }), ' ', el('a', { href: `${window.location.pathname}?${asTyped}` }, shown.query)));
    } else if (shown && shown.outcome.searched !== normaliseQuery(shown.query, (s) => s)) status.append(' ', el('span', { class: 'muted' }, fill(labels.folded, { q: shown.outcome.searched })));

    if (current) list.dataset.query = shown!.query;
    else delete list.dataset.query;
    list.setAttribute('aria-busy', String(busy));
    // Twin pages (a group's page and its referral page) can show the same excerpt; the reader sees it once.
    const seen = new Set<string>();
    const items: HTMLElement[] = [];
    for (const hit of shown?.hits ?? []) {
      const { href, segments } = resultOf(hit, shown!.outcome);
      const key = segments.map((s) => s.text).join('');
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(
        el(
          'li',
          {},
          el('a', { href }, hit.title),
          ...(hit.kind || hit.region ? [el('p', { class: 'search-meta' }, [hit.kind, hit.region].filter(Boolean).join(' · '))] : []),
          el('p', { class: 'search-excerpt' }, ...segments.map((s) => (s.mark ? el('mark', {}, s.text) : s.text))),
        ),
      );
    }
    list.replaceChildren(...items);

    const nothing = current && shown!.outcome.pages.length === 0 && !filters.kind && !filters.region;
    none.hidden = !nothing;
    if (nothing) {
      const regions = Object.keys(engine?.filterValues.region ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      const suggestions = shown!.outcome.suggestions;
      none.replaceChildren(
        ...(suggestions.length
          ? [el('p', { class: 'search-suggest' }, labels.suggest, ...suggestions.flatMap((s, i) => [...(i > 0 ? ['、'] : []), el('a', { href: s.url }, s.title)]))]
          : []),
        ...(regions.length ? [el('p', {}, fill(labels.covers, { regions: regions.join('、') }))] : []),
        el('ul', {}, ...labels.browse.map((b) => el('li', {}, el('a', { href: b.href }, b.label)))),
      );
    }
    more.hidden = !(shown && shown.next < shown.outcome.pages.length);
  }

  async function run() {
    if (!engine || composing) {
      followTyping();
      return render();
    }
    const key = keyOf(query(), filters);
    latest = key;
    const q = query().trim();
    if (!q) {
      shown = null;
      followTyping();
      return render();
    }
    render();
    try {
      const outcome = await engine.search(q, filters, { exact });
      const hits = (await Promise.all(outcome.pages.slice(0, FIRST_RESULTS).map((p) => p.load()))).filter(outcome.holds);
      if (latest !== key) return;
      // The first few show at once. Once they are painted, the address follows and the rest of the first page loads
      // (starting those requests first held the paint back by their cost on the page, 5–15 ms).
      shown = { key, query: q, outcome, hits, next: RESULTS_PAGE, filling: true };
      render();
      await afterPaint();
      followTyping();
      if (latest !== key) return;
      const rest = (await Promise.all(outcome.pages.slice(FIRST_RESULTS, RESULTS_PAGE).map((p) => p.load()))).filter(outcome.holds);
      if (shown?.key !== key) return;
      shown = { ...shown, hits: [...shown.hits, ...rest], filling: false };
      render();
    } catch {
      if (latest === key) {
        unavailable = true;
        followTyping();
        render();
      }
    }
  }

  function addFilters(values: Record<string, Record<string, number>>) {
    const kinds = Object.keys(values.kind ?? {}).sort((a, b) => rank(labels.kindOrder, a) - rank(labels.kindOrder, b) || a.localeCompare(b, 'zh-CN'));
    const regions = Object.keys(values.region ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    // The page holds the filter row from its first paint (empty until the index answers), so nothing below it moves.
    const row = form.querySelector<HTMLElement>('[data-search-filters]');
    const select = (name: keyof Filters, label: string, any: string, options: string[]) => {
      const s = row?.querySelector<HTMLSelectElement>(`select[name="${name}"]`) ?? (el('select', { name }) as HTMLSelectElement);
      s.replaceChildren(el('option', { value: '' }, any), ...options.map((o) => el('option', { value: o }, o)));
      s.disabled = false;
      s.value = filters[name] ?? '';
      s.addEventListener('change', () => {
        filters = { ...filters, [name]: s.value || undefined };
        addressDue = false;
        writeAddress(true);
        run();
      });
      selects[name] = s;
      return row ? undefined : el('label', {}, el('span', {}, label), s);
    };
    const controls = [select('kind', labels.kind, labels.anyKind, kinds), select('region', labels.region, labels.anyRegion, regions)];
    if (!row) form.append(el('div', { class: 'search-filters' }, ...controls.filter((c) => c !== undefined)));
  }

  input.addEventListener('input', () => {
    addressDue = true;
    exact = false;
    run();
  });
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => {
    composing = false;
    run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    addressDue = false;
    writeAddress(true);
    run();
  });
  more.addEventListener('click', async () => {
    const s = shown;
    if (!s) return;
    more.disabled = true;
    const extra = (await Promise.all(s.outcome.pages.slice(s.next, s.next + RESULTS_PAGE).map((p) => p.load()))).filter(s.outcome.holds);
    if (shown?.key === s.key) shown = { ...shown, hits: [...shown.hits, ...extra], next: s.next + RESULTS_PAGE };
    more.disabled = false;
    render();
  });
  window.addEventListener('popstate', () => {
    addressDue = false;
    readAddress();
    run();
  });

  // What the reader typed before this script ran stays; otherwise the address's search is run.
  const typed = input.value;
  readAddress();
  if (typed && typed !== input.value) input.value = typed;
  render();
  loadEngine().then(
    (loaded) => {
      engine = loaded;
      // The excerpt's first use costs compiling too (see the engine's warm-up).
      excerpt(WARM_UP_QUERY, [WARM_UP_QUERY.slice(2, 7)]);
      addFilters(loaded.filterValues);
      run();
    },
    () => {
      unavailable = true;
      render();
    },
  );
}
