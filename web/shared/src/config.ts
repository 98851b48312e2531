/**
 * What each app reads from the gateway before it starts, `/<app>/config.json` (decision 0036): where people
 * sign in and, where cards go through Stripe, the key that loads Stripe.js. One build runs at any address.
 */
export interface StorefrontConfig {
  /** The realm that signs people in, e.g. http://localhost:8180/realms/airtix */
  authority: string;
  /** The realm's public client, e.g. airtix-web */
  clientId: string;
  /** Stripe's publishable key where cards go through Stripe's Payment Element; null where they do not */
  stripePublishableKey: string | null;
}

/** The settings could not be read: a sentence for the page that says so. */
export class ConfigUnavailable extends Error {
  override readonly name = 'ConfigUnavailable';
}

let current: StorefrontConfig | undefined;

/** The settings the app started with; `loadConfig` has run before the app mounted. */
export function storefrontConfig(): StorefrontConfig {
  if (!current)
    throw new Error('The storefront’s settings were not loaded: loadConfig() runs before the app mounts');
  return current;
}

/** Sets the settings without asking the gateway: for tests. */
export function setStorefrontConfig(config: StorefrontConfig): void {
  current = config;
}

/** Reads `<base>config.json` (the app's base path, e.g. /react/) and keeps it for `storefrontConfig()`. */
export async function loadConfig(base: string, fetchFn: typeof fetch = fetch): Promise<StorefrontConfig> {
  const address = `${base}config.json`;
  let response: Response;
  try {
    response = await fetchFn(address, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
  } catch {
    throw new ConfigUnavailable(
      `The storefront could not reach its settings (${address}): the server did not answer.`,
    );
  }
  if (!response.ok) {
    throw new ConfigUnavailable(
      `The storefront could not read its settings (${address}): the server answered ${response.status}.`,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigUnavailable(`The storefront’s settings (${address}) are not JSON.`);
  }
  current = parseConfig(body, address);
  return current;
}

/** The settings from the gateway's answer, checked: a missing or odd field is named. */
export function parseConfig(body: unknown, address = 'config.json'): StorefrontConfig {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problem = (field: string, what: string) =>
    new ConfigUnavailable(`The storefront’s settings (${address}) have no usable ${field}: ${what}.`);
  const { authority, clientId, stripePublishableKey } = fields;
  if (typeof authority !== 'string' || !/^https?:\/\/[^/]+\/realms\/[^/]+\/?$/.test(authority))
    throw problem('authority', 'the realm’s address, e.g. http://localhost:8180/realms/airtix');
  if (typeof clientId !== 'string' || clientId.trim() === '')
    throw problem('clientId', 'the realm’s public client, e.g. airtix-web');
  if (
    stripePublishableKey != null &&
    stripePublishableKey !== '' &&
    (typeof stripePublishableKey !== 'string' || !stripePublishableKey.startsWith('pk_'))
  )
    throw problem('stripePublishableKey', 'Stripe’s publishable key (pk_…) or null');
  return {
    authority: authority.replace(/\/$/, ''),
    clientId,
    stripePublishableKey: stripePublishableKey || null,
  };
}

/**
 * The whole page when the app cannot start: what went wrong in a sentence, and a way to try again. Plain DOM
 * (the framework is not mounted), no inline style (the Content-Security-Policy allows none).
 */
export function showStartProblem(root: HTMLElement, problem: unknown): void {
  const document = root.ownerDocument;
  const page = document.createElement('main');
  page.className = 'page start-problem';
  const heading = document.createElement('h1');
  heading.textContent = 'Airtix cannot start';
  const alert = document.createElement('div');
  alert.className = 'notice notice--danger';
  alert.setAttribute('role', 'alert');
  const sentence = document.createElement('p');
  sentence.textContent =
    problem instanceof ConfigUnavailable ? problem.message : 'The storefront could not read its settings.';
  const advice = document.createElement('p');
  advice.textContent = 'Try again in a moment. If it keeps happening, the site is being worked on.';
  alert.append(sentence, advice);
  const again = document.createElement('button');
  again.type = 'button';
  again.className = 'button button--primary';
  again.textContent = 'Try again';
  again.addEventListener('click', () => document.defaultView?.location.reload());
  page.append(heading, alert, again);
  root.replaceChildren(page);
}
