/**
 * The search page's island: a search box, kind and region filters, and results that update as the reader types.
 * The address follows the search (?q=…&kind=…&region=…): a deep link runs on load, a pause or Enter keeps the
 * search in the history so Back returns to it. All text comes in through `labels`.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { loadEngine, type Engine, type Filters, type Hit } from './engine';
import { excerpt } from '../../lib/search-excerpt';

export interface SearchLabels {
  label: string;
  placeholder: string;
  submit: string;
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
  more: string;
  unavailable: string;
  /** After "nothing found": "{regions}" is replaced by the places the site covers. */
  covers: string;
  /** Links to the lists of everything the site covers. */
  browse: { href: string; label: string }[];
  /** Before names that sound like the query. */
  suggest: string;
}

interface Props {
  labels: SearchLabels;
  /** Kinds in the order the filter lists them; kinds not listed follow. */
  kindOrder: string[];
}

/** Results fetched and shown at a time. */
const PAGE_SIZE = 10;
/** Results shown before the rest of the first page has loaded. */
const FIRST_SHOWN = 5;
/** After this long without typing, the next change starts a new history entry. */
const SETTLE_MS = 1000;

interface Shown {
  /** The query and filters these results are for. */
  key: string;
  query: string;
  searched: string;
  parts: string[];
  total: number;
  hits: Hit[];
  suggestions: { title: string; url: string }[];
  more: () => Promise<Hit[]>;
  /** The rest of the first page is still loading. */
  filling: boolean;
}

function readAddress(): { query: string; filters: Filters } {
  const params = new URLSearchParams(window.location.search);
  return { query: params.get('q') ?? '', filters: { kind: params.get('kind') ?? undefined, region: params.get('region') ?? undefined } };
}

function addressFor(query: string, filters: Filters): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.region) params.set('region', filters.region);
  const search = params.toString();
  return window.location.pathname + (search ? `?${search}` : '');
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
const keyOf = (query: string, filters: Filters) => JSON.stringify([query.trim(), filters.kind ?? '', filters.region ?? '']);

export default function SearchApp({ labels, kindOrder }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [engine, setEngine] = useState<Engine | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [composing, setComposing] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  /** False in the server-rendered HTML: without JavaScript the page must not promise results as you type. */
  const [hydrated, setHydrated] = useState(false);
  const latest = useRef('');
  /** Whether the address already holds an entry for the search being typed (then it is replaced, not pushed). */
  const typing = useRef(false);
  const settleTimer = useRef<number | undefined>(undefined);

  // Deep link and engine on load; Back and Forward restore the search.
  useEffect(() => {
    const restore = () => {
      const { query, filters } = readAddress();
      setQuery(query);
      setFilters(filters);
      typing.current = false;
    };
    restore();
    setHydrated(true);
    window.addEventListener('popstate', restore);
    loadEngine().then(setEngine, () => setUnavailable(true));
    return () => window.removeEventListener('popstate', restore);
  }, []);

  // Search whenever the query or a filter changes (not while an input method is still composing).
  useEffect(() => {
    if (!engine || composing) return;
    const key = keyOf(query, filters);
    latest.current = key;
    if (!query.trim()) {
      setShown(null);
      return;
    }
    (async () => {
      const outcome = await engine.search(query, filters);
      const hits = await Promise.all(outcome.pages.slice(0, FIRST_SHOWN).map((p) => p.load()));
      if (latest.current !== key) return;
      // The first few show at once; the rest of the first page follows.
      const rest = Promise.all(outcome.pages.slice(FIRST_SHOWN, PAGE_SIZE).map((p) => p.load()));
      let next = PAGE_SIZE;
      const more = async () => {
        await rest;
        const page = await Promise.all(outcome.pages.slice(next, next + PAGE_SIZE).map((p) => p.load()));
        next += PAGE_SIZE;
        return page;
      };
      setShown({ key, query: query.trim(), searched: outcome.searched, parts: outcome.parts, total: outcome.pages.length, hits, suggestions: outcome.suggestions, more, filling: true });
      const restHits = await rest;
      setShown((s) => (s && s.key === key ? { ...s, hits: [...s.hits, ...restHits], filling: false } : s));
    })().catch(() => latest.current === key && setUnavailable(true));
  }, [engine, query, filters, composing]);

  const writeAddress = useCallback((nextQuery: string, nextFilters: Filters, settle: boolean) => {
    const url = addressFor(nextQuery, nextFilters);
    if (url === window.location.pathname + window.location.search) return;
    if (typing.current) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    typing.current = !settle;
    window.clearTimeout(settleTimer.current);
    if (!settle) settleTimer.current = window.setTimeout(() => (typing.current = false), SETTLE_MS);
  }, []);

  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    setQuery(e.target.value);
    writeAddress(e.target.value, filters, false);
  };
  const onFilter = (name: keyof Filters) => (e: ChangeEvent<HTMLSelectElement>) => {
    const next = { ...filters, [name]: e.target.value || undefined };
    setFilters(next);
    writeAddress(query, next, true);
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    writeAddress(query, filters, true);
  };
  const showMore = async () => {
    if (!shown) return;
    setLoadingMore(true);
    const extra = await shown.more();
    setShown((s) => (s && s.key === shown.key ? { ...s, hits: [...s.hits, ...extra] } : s));
    setLoadingMore(false);
  };

  // While the next results load, the previous ones stay (no flicker as the reader types); the list says it is busy
  // and names its query only once it shows the results for what is in the box.
  const current = shown && shown.key === keyOf(query, filters);
  const busy = (Boolean(query.trim()) && !current && !unavailable) || Boolean(shown?.filling);
  let status = hydrated ? labels.hint : '';
  if (unavailable) status = labels.unavailable;
  else if (query.trim() && !engine) status = labels.starting;
  else if (busy && !shown) status = labels.searching;
  else if (shown) {
    if (shown.total > 0) status = fill(labels.found, { n: shown.total });
    else status = fill(filters.kind || filters.region ? labels.noneFiltered : labels.none, { q: shown.query });
  }
  const folded = shown && shown.searched !== shown.query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

  const filterValues = engine?.filterValues ?? {};
  const kinds = Object.keys(filterValues.kind ?? {}).sort((a, b) => rank(kindOrder, a) - rank(kindOrder, b) || a.localeCompare(b, 'zh-CN'));
  const regions = Object.keys(filterValues.region ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const nothing = current && shown.total === 0 && !filters.kind && !filters.region;
  // Twin pages (a group's page and its referral page) can show the same excerpt; the reader sees it once.
  const seen = new Set<string>();
  const listed = (shown?.hits ?? [])
    .map((hit) => ({ hit, segments: excerpt(hit.text, shown!.parts) }))
    .filter(({ segments }) => {
      const key = segments.map((s) => s.text).join('');
      return !seen.has(key) && seen.add(key);
    });

  return (
    <div className="search-app">
      <form className="search-form" role="search" action="/search/" method="get" onSubmit={onSubmit}>
        <label htmlFor="search-query">{labels.label}</label>
        <div className="search-box-row">
          <input
            id="search-query"
            type="search"
            name="q"
            value={query}
            placeholder={labels.placeholder}
            autoComplete="off"
            onChange={onInput}
            onCompositionStart={() => setComposing(true)}
            onCompositionEnd={() => setComposing(false)}
          />
          <button type="submit">{labels.submit}</button>
        </div>
        {engine && (
          <div className="search-filters">
            <label>
              <span>{labels.kind}</span>
              <select name="kind" value={filters.kind ?? ''} onChange={onFilter('kind')}>
                <option value="">{labels.anyKind}</option>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{labels.region}</span>
              <select name="region" value={filters.region ?? ''} onChange={onFilter('region')}>
                <option value="">{labels.anyRegion}</option>
                {regions.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </form>
      <p className="search-status" role="status">
        {status}
        {folded && (
          <>
            {' '}
            <span className="muted">{fill(labels.folded, { q: shown.searched })}</span>
          </>
        )}
      </p>
      <ol id="search-results" className="search-results" data-query={current ? shown.query : undefined} aria-busy={busy}>
        {listed.map(({ hit, segments }) => (
          <li key={hit.url}>
            <a href={hit.url}>{hit.title}</a>
            {(hit.kind || hit.region) && <p className="search-meta">{[hit.kind, hit.region].filter(Boolean).join(' · ')}</p>}
            <p className="search-excerpt">{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</p>
          </li>
        ))}
      </ol>
      {nothing && (
        <div className="search-none">
          {shown.suggestions.length > 0 && (
            <p className="search-suggest">
              {labels.suggest}
              {shown.suggestions.map((s, i) => (
                <span key={s.url}>
                  {i > 0 && '、'}
                  <a href={s.url}>{s.title}</a>
                </span>
              ))}
            </p>
          )}
          {regions.length > 0 && <p>{fill(labels.covers, { regions: regions.join('、') })}</p>}
          <ul>
            {labels.browse.map((b) => (
              <li key={b.href}>
                <a href={b.href}>{b.label}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown && shown.hits.length < shown.total && (
        <button type="button" className="search-more" onClick={showMore} disabled={loadingMore}>
          {labels.more}
        </button>
      )}
    </div>
  );
}

function rank(order: string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}
