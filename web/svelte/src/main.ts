import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { loadConfig, showStartProblem } from '@airtix/web-shared/config';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { createUserManager } from './auth/oidc';

const target = document.getElementById('root');
if (!target) throw new Error('No #root element in index.html');

// the settings first (where people sign in, Stripe's key): the gateway serves them beside the app
loadConfig(import.meta.env.BASE_URL).then(
  () => mount(App, { target, props: { userManager: createUserManager() } }),
  (problem: unknown) => showStartProblem(target, problem),
);
