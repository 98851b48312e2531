import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { setStorefrontConfig } from '@airtix/web-shared/config';
import { afterEach, beforeEach } from 'vitest';

/** What the gateway serves as /react/config.json for `./airtix` without Stripe. */
const TEST_CONFIG = {
  authority: 'http://localhost:8180/realms/airtix',
  clientId: 'airtix-web',
  stripePublishableKey: null,
};

beforeEach(() => setStorefrontConfig(TEST_CONFIG));
afterEach(() => cleanup());
