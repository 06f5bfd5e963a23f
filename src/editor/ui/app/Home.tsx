/** The first screen: every entry by its Chinese name, found by characters or pinyin, filtered by county and kind. */
import { useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { useEntries, type EntryList } from './api';
import { Link } from './router';

const PAGE = 60;

export function Home({ list, flash }: { list: EntryList; flash?: string }) {
  const [query, setQuery] = useState('');
  const [county, setCounty] = useState('');
  const [kind, setKind] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = list.troubled;
  const page = useEntries({ q: query.trim(), county, kind, problems: onlyProblems, limit: shown }, list.key, query ? 200 : 0);
  const found = page?.items ?? [];
  const matched = page?.matched ?? 0;
  const labels = new Map(list.kinds.map((k) => [k.kind, k.label]));
  const counties = list.counties.filter((c) => c.kind !== 'prefecture');
  const prefectures = list.counties.filter((c) => c.kind === 'prefecture');
  return (
    <main id="main">
      <h1>{UI.appTitle}</h1>
      {flash && (
        <p className="notice ok" role="status">
          {flash}
        </p>
      )}
      <nav aria-label={UI.newNav} className="new-links">
        <ul>
          {list.kinds.map((k) => (
            <li key={k.kind}>
              <Link className="button secondary" href={`/edit/${k.kind}/new`}>
                ＋ {UI.newOf(k.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <search className="filters">
        <div className="field">
          <label htmlFor="q">{UI.search}</label>
          <p className="hint" id="q-hint">
            {UI.searchHint}
          </p>
          <input id="q" type="search" aria-describedby="q-hint" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="county">{UI.county}</label>
          <select id="county" value={county} onChange={(e) => setCounty(e.target.value)}>
            <option value="">{UI.allCounties}</option>
            {prefectures.map((p) => (
              <optgroup key={p.id} label={p.name}>
                <option value={p.id}>{UI.wholeOf(p.name)}</option>
                {counties.filter((c) => c.parent === p.id).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
            {counties.filter((c) => !prefectures.some((p) => p.id === c.parent)).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">{UI.kind}</label>
          <select id="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{UI.allKinds}</option>
            {list.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
      </search>
      {problems > 0 && (
        <p className="checkbox">
          <input id="only-problems" type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
          <label htmlFor="only-problems">{UI.onlyProblems(problems)}</label>
        </p>
      )}
      <p role="status">{page?.current ? UI.found(matched) : page ? UI.searching : UI.loading}</p>
      <ul className="entries">
        {found.map((i) => (
          <li key={`${i.kind}:${i.id}`}>
            <Link href={`/edit/${i.kind}/${encodeURIComponent(i.id)}`}>{i.label}</Link>
            <span className="muted">
              {' '}
              · {labels.get(i.kind)}
              {i.detail ? ` · ${i.detail}` : ''}
            </span>
            {i.problem && <strong className="error"> · {UI.problemMark}</strong>}
          </li>
        ))}
      </ul>
      {matched > found.length && found.length >= shown && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
          {UI.showMore(Math.min(PAGE, matched - shown), matched)}
        </button>
      )}
    </main>
  );
}
