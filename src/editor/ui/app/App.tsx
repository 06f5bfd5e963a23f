/** The editor's interface: a header, and one screen per address (list, entry form, import, publish, login). */
import { useCallback, useEffect, useState } from 'react';
import { isCollection } from '../../fields';
import { UI } from '../../../i18n/editor.zh-CN';
import { api, type EntryList } from './api';
import { EntryForm } from './EntryForm';
import { Home } from './Home';
import { ImportPage } from './Import';
import { LoginPage } from './Login';
import { PublishPage } from './Publish';
import { Link, navigate, RouterProvider, useRoute } from './router';

interface Me {
  user: { name: string; role: 'editor' | 'reviewer' } | null;
  mode: 'local' | 'lan';
}

function Screens() {
  const { path, state } = useRoute();
  const [list, setList] = useState<EntryList | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const loadMe = useCallback(() => api('GET', '/api/me').then((r) => setMe(r.status === 200 ? r.json : { user: null, mode: 'local' })), []);
  const loadList = useCallback(
    () =>
      // Only what the first screen shows beside the entries: the entries themselves are asked for a page at a time.
      api('GET', '/api/entries?limit=0&with=counties').then((r) => {
        if (r.status === 200) setList({ kinds: r.json.kinds, counties: r.json.counties, troubled: r.json.troubled, total: r.json.total, key: r.json.key });
        else if (r.status === 401) navigate('/edit/login', null, true);
        else setFailed(r.json.zh ?? UI.loadFailed);
      }),
    [],
  );
  useEffect(() => {
    loadMe();
  }, []);
  useEffect(() => {
    if (path !== '/edit/login') loadList();
  }, [path === '/edit/login', me?.user?.name]);
  useEffect(() => {
    if (me && me.mode === 'lan' && !me.user && path !== '/edit/login') navigate('/edit/login', null, true);
  }, [me, path]);
  useEffect(() => {
    document.title = UI.appTitle;
  }, [path]);

  const s = (state ?? {}) as { flash?: unknown; prefill?: Record<string, unknown> };
  const parts = path.replace(/^\/+|\/+$/g, '').split('/').map(decodeURIComponent);
  let screen: React.ReactNode;
  if (path === '/edit/login') screen = <LoginPage onLogin={loadMe} />;
  else if (failed) screen = <main id="main"><p className="notice error">{failed}</p></main>;
  else if (!list) screen = <main id="main"><p role="status">{UI.loading}</p></main>;
  else if (path === '/edit/import') screen = <ImportPage onImported={loadList} />;
  else if (path === '/edit/publish') screen = <PublishPage />;
  else if (parts[0] === 'edit' && parts[1] && isCollection(parts[1]) && parts[2]) {
    const isNew = parts[2] === 'new';
    screen = (
      <EntryForm
        key={path}
        kind={parts[1]}
        id={isNew ? undefined : parts[2]}
        list={list}
        prefill={isNew ? s.prefill : undefined}
        flash={typeof s.flash === 'object' ? (s.flash as never) : undefined}
        onSaved={loadList}
      />
    );
  } else screen = <Home list={list} flash={typeof s.flash === 'string' ? s.flash : undefined} />;

  const logout = async () => {
    await api('POST', '/api/logout');
    await loadMe();
    navigate('/edit/login', null, true);
  };
  return (
    <>
      <a className="skip" href="#main">
        {UI.skip}
      </a>
      <header className="top">
        <nav aria-label={UI.navLabel}>
          <ul>
            <li><Link href="/" aria-current={path === '/' ? 'page' : undefined}>{UI.navHome}</Link></li>
            <li><Link href="/edit/import" aria-current={path === '/edit/import' ? 'page' : undefined}>{UI.navImport}</Link></li>
            <li><Link href="/edit/publish" aria-current={path === '/edit/publish' ? 'page' : undefined}>{UI.navPublish}</Link></li>
          </ul>
        </nav>
        <p className="me">
          {me?.user ? (
            <>
              {UI.loginAs(me.user.name, me.user.role)}
              {me.mode === 'lan' && (
                <button type="button" className="link" onClick={logout}>
                  {UI.logout}
                </button>
              )}
            </>
          ) : me?.mode === 'lan' ? (
            <Link href="/edit/login">{UI.navLogin}</Link>
          ) : null}
        </p>
      </header>
      {screen}
    </>
  );
}

export default function App() {
  return (
    <RouterProvider>
      <Screens />
    </RouterProvider>
  );
}
