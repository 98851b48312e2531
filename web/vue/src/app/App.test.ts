import { screen } from '@testing-library/vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory } from 'vue-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUserManager } from '../auth/oidc';
import { fakeFetch } from '../test/harness';
import App from './App.vue';
import { createAppRouter } from './router';

const streams: string[] = [];

class QuietEventSource {
  constructor(url: string) {
    streams.push(url);
  }
  addEventListener(): void {}
  close(): void {}
}

let wrapper: VueWrapper | undefined;

beforeEach(() => {
  streams.length = 0;
  sessionStorage.clear();
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    fakeFetch({ '/api/tickets': { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 } }),
  );
});

afterEach(() => {
  wrapper?.unmount();
  vi.unstubAllGlobals();
});

describe('the app', () => {
  it('starts signed out on the catalogue, with one live connection to the public catalogue', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    await router.isReady();
    wrapper = mount(App, {
      props: { userManager: createUserManager() },
      global: { plugins: [router] },
      attachTo: document.body,
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Airline tickets' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(await screen.findByText('0 tickets found')).toBeInTheDocument();
    await vi.waitFor(() => expect(streams).toHaveLength(1));
    expect(new URL(streams[0]!, 'http://localhost').searchParams.getAll('channel')).toEqual(['catalogue']);
  });
});
