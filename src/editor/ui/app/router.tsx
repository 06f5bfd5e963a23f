/** A small router over the History API: the editor's screens are addresses under /edit/ (and / for the list). */
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

interface Route {
  path: string;
  state: unknown;
}
const RouteContext = createContext<Route>({ path: '/', state: null });

export function navigate(path: string, state: unknown = null, replace = false) {
  if (replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  window.dispatchEvent(new PopStateEvent('popstate', { state }));
  window.scrollTo(0, 0);
}

export function RouterProvider({ children }: { children: React.ReactNode }) {
  const [route, setRoute] = useState<Route>({ path: location.pathname, state: history.state });
  useEffect(() => {
    const on = () => setRoute({ path: location.pathname, state: history.state });
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return <RouteContext.Provider value={route}>{children}</RouteContext.Provider>;
}

export const useRoute = () => useContext(RouteContext);

export function Link({ href, state, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; state?: unknown }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || rest.target) return;
    e.preventDefault();
    navigate(href, state ?? null);
  };
  return <a href={href} onClick={onClick} {...rest} />;
}
