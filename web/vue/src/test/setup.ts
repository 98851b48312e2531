import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';
import { cleanup } from '@testing-library/vue';
import { setStorefrontConfig } from '@airtix/web-shared/config';
import { afterEach, beforeEach } from 'vitest';

// the files run in parallel, and a busy machine can take longer than the default second to render a page
configure({ asyncUtilTimeout: 3000 });

afterEach(() => cleanup());

/** What the gateway serves as /vue/config.json for `./airtix` without Stripe. */
const TEST_CONFIG = {
  authority: 'http://localhost:8180/realms/airtix',
  clientId: 'airtix-web',
  stripePublishableKey: null,
};

beforeEach(() => setStorefrontConfig(TEST_CONFIG));
