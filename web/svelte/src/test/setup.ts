import '@testing-library/jest-dom/vitest';
import { setStorefrontConfig } from '@airtix/web-shared/config';
import { beforeEach } from 'vitest';

/** What the gateway serves as /svelte/config.json for `./airtix` without Stripe. */
const TEST_CONFIG = {
  authority: 'http://localhost:8180/realms/airtix',
  clientId: 'airtix-web',
  stripePublishableKey: null,
};

beforeEach(() => setStorefrontConfig(TEST_CONFIG));
