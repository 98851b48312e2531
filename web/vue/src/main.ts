import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { loadConfig, showStartProblem } from '@airtix/web-shared/config';
import { createApp } from 'vue';
import App from './app/App.vue';
import { createAppRouter } from './app/router';
import { createUserManager } from './auth/oidc';

const root = document.getElementById('app');
if (!root) throw new Error('No #app element in index.html');

// the settings first (where people sign in, Stripe's key): the gateway serves them beside the app
loadConfig(import.meta.env.BASE_URL).then(
  () => createApp(App, { userManager: createUserManager() }).use(createAppRouter()).mount(root),
  (problem: unknown) => showStartProblem(root, problem),
);
