import type { Access } from '@airtix/web-shared/access';
import { getContext, setContext, type Component } from 'svelte';

/** A page's module, as a dynamic `import()` of its `.svelte` file answers it. */
export interface PageModule {
  default: Component<any>;
}

interface RouteBase {
  path: string;
  /** Further props for the page. */
  props?: Record<string, unknown>;
  /** Shown to signed-in people only; the title of the page that asks anybody else to sign in. */
  signIn?: string;
  /**
   * Shown to signed-in people whose roles allow it (`may.*`); `title` heads the page that asks anybody else to
   * sign in or says they may not see it.
   */
  roles?: { title: string; allowed: (access: Access) => boolean };
}

/**
 * One entry of the route table: a path pattern (`/tickets/:ticketId`, or `*` for anything) and its page, which
 * takes the path's parameters (`:ticketId` → `ticketId`) as props. A page few people see is `load`ed when first
 * shown, so its code stays out of the storefront's initial bundle.
 */
export type Route = RouteBase &
  ({ component: Component<any>; load?: never } | { load: () => Promise<PageModule>; component?: never });

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  /** Changes when another page is shown: the same page with other query parameters keeps its state. */
  key: string;
}

/** The parameters of `path` when it fits `pattern`, else undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  if (pattern === '*') return {};
  const wanted = pattern.split('/').filter(Boolean);
  const given = path.split('/').filter(Boolean);
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of wanted.entries()) {
    const value = given[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}

/** The first route that fits, in table order; undefined when none does (a table should end with `*`). */
export function matchRoute(routes: readonly Route[], path: string): RouteMatch | undefined {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params, key: `${route.path} ${JSON.stringify(params)}` };
  }
  return undefined;
}

export interface NavigateOptions {
  /** Replaces the current history entry instead of adding one (redirects). */
  replace?: boolean;
  /** Kept with the history entry for the page navigated to (what was just done there, said once). */
  state?: unknown;
}

/**
 * The address as the app's state, on the browser's history: `path` inside the base (`/svelte`) and the query
 * string. Same-origin links under the base are followed without a page load; anything else is the browser's.
 */
export class Router {
  readonly base: string;
  path = $state('/');
  search = $state('');
  /** What the navigation to this entry carried (`NavigateOptions.state`); null when nothing. */
  state = $state.raw<unknown>(null);
  readonly query = $derived(new URLSearchParams(this.search));

  constructor(base: string) {
    this.base = base.replace(/\/$/, '');
    this.read();
  }

  /** A path inside the app (from `/`), or undefined for one outside the base. */
  inside(pathname: string): string | undefined {
    if (!this.base) return pathname || '/';
    if (pathname === this.base) return '/';
    return pathname.startsWith(`${this.base}/`) ? pathname.slice(this.base.length) : undefined;
  }

  /** The address of a path inside the app, for an `href`: `/tickets/1` → `/svelte/tickets/1`. */
  href(to: string): string {
    return `${this.base}${to.startsWith('/') ? to : `/${to}`}`;
  }

  /** Whether a link to `to` is the page shown: exactly, or (not `end`) as one of its parents. */
  isCurrent(to: string, end = false): boolean {
    const target = to.replace(/\/$/, '');
    if (end || !target) return this.path.replace(/\/$/, '') === target;
    return this.path === target || this.path.startsWith(`${target}/`);
  }

  navigate(to: string, { replace = false, state = null }: NavigateOptions = {}): void {
    const url = new URL(this.href(to), window.location.href);
    if (replace) window.history.replaceState(state, '', url);
    else window.history.pushState(state, '', url);
    this.read();
  }

  /** The same page with other query parameters; none drops the `?`. */
  setQuery(params: URLSearchParams | Record<string, string>, options?: NavigateOptions): void {
    const query = new URLSearchParams(params).toString();
    this.navigate(`${this.path}${query ? `?${query}` : ''}`, options);
  }

  /** Listens to back / forward and to link clicks; returns what stops listening. */
  start(): () => void {
    const onPopState = () => this.read();
    const onClick = (event: MouseEvent) => this.follow(event);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    this.read();
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  private read(): void {
    this.path = this.inside(window.location.pathname) ?? '/';
    this.search = window.location.search;
    this.state = window.history.state as unknown;
  }

  private follow(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    // a new tab or window, a download: the browser's to do
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    const path = this.inside(url.pathname);
    if (path === undefined) return;
    // a link to a place on the same page (the skip link): the browser moves the focus there
    const here = window.location;
    if (url.hash && url.pathname === here.pathname && url.search === here.search) return;
    event.preventDefault();
    this.navigate(`${path}${url.search}${url.hash}`);
  }
}

const ROUTER = Symbol('router');

export const routerContext = (router: Router): [symbol, Router] => [ROUTER, router];

export function setRouter(router: Router): void {
  setContext(ROUTER, router);
}

export function getRouter(): Router {
  const router = getContext<Router | undefined>(ROUTER);
  if (!router) throw new Error('getRouter outside the app');
  return router;
}
