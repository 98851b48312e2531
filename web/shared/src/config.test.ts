// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConfigUnavailable,
  loadConfig,
  parseConfig,
  showStartProblem,
  storefrontConfig,
  setStorefrontConfig,
} from './config';

const served = {
  authority: 'http://localhost:8180/realms/airtix',
  clientId: 'airtix-web',
  stripePublishableKey: null,
};

function answering(response: Response | Error) {
  return vi.fn<typeof fetch>(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => setStorefrontConfig(served));

describe('the storefront’s settings', () => {
  it('are read from the app’s own config.json, revalidated, and kept for the app', async () => {
    const fetch = answering(json({ ...served, stripePublishableKey: 'pk_test_51Airtix' }));

    const config = await loadConfig('/react/', fetch);

    expect(fetch).toHaveBeenCalledWith('/react/config.json', expect.objectContaining({ cache: 'no-cache' }));
    expect(config).toEqual({ ...served, stripePublishableKey: 'pk_test_51Airtix' });
    expect(storefrontConfig()).toBe(config);
  });

  it('say in a sentence why they could not be read', async () => {
    await expect(loadConfig('/vue/', answering(new TypeError('Failed to fetch')))).rejects.toThrow(
      'The storefront could not reach its settings (/vue/config.json): the server did not answer.',
    );
    await expect(loadConfig('/vue/', answering(json({}, 503)))).rejects.toThrow(
      'The storefront could not read its settings (/vue/config.json): the server answered 503.',
    );
    await expect(loadConfig('/vue/', answering(new Response('<html>')))).rejects.toThrow(
      'The storefront’s settings (/vue/config.json) are not JSON.',
    );
    await expect(loadConfig('/vue/', answering(json({ ...served, authority: 'keycloak' })))).rejects.toThrow(
      'The storefront’s settings (/vue/config.json) have no usable authority',
    );
  });

  it('name the field that is missing or odd', () => {
    expect(() => parseConfig({ authority: served.authority })).toThrow(/no usable clientId/);
    expect(() => parseConfig({ ...served, stripePublishableKey: 'sk_test_1' })).toThrow(
      /no usable stripePublishableKey: Stripe’s publishable key \(pk_…\) or null/,
    );
    expect(() => parseConfig('nonsense')).toThrow(ConfigUnavailable);
    expect(parseConfig({ ...served, authority: `${served.authority}/`, stripePublishableKey: '' })).toEqual(
      served,
    );
  });
});

describe('the page when the app cannot start', () => {
  it('says what went wrong as an alert, with a way to try again', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Loading…</p>';

    showStartProblem(
      root,
      new ConfigUnavailable('The storefront could not read its settings (/react/config.json).'),
    );

    expect(root.querySelector('h1')?.textContent).toBe('Airtix cannot start');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'The storefront could not read its settings (/react/config.json).',
    );
    expect(root.querySelector('button')?.textContent).toBe('Try again');
    expect(root.textContent).not.toContain('Loading…');
  });

  it('keeps an unforeseen error’s words off the page', () => {
    const root = document.createElement('div');
    showStartProblem(root, new Error('TypeError: x is undefined'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'The storefront could not read its settings.',
    );
    expect(root.textContent).not.toContain('undefined');
  });
});
