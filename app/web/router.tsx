import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

// A few pages need no routing library: the History API and one event.
const changed = 'app:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(changed, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(changed, listener);
  };
}

/** The current path and query, as the address bar shows them. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const query = href.indexOf('?');
  return query === -1 ? { pathname: href, search: '' } : { pathname: href.slice(0, query), search: href.slice(query) };
}

/** Goes to a page of the app without reloading it (the token lives only in this page's memory). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(changed));
}

/** A link within the app: a real link (open in a new tab works), followed without a reload. */
export function Link(props: { to: string; className?: string; children: ReactNode }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} className={props.className} onClick={follow}>
      {props.children}
    </a>
  );
}
