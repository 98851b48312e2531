import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { loadConfig, showStartProblem } from '@airtix/web-shared/config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createUserManager } from './auth/oidc';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

// the settings first (where people sign in, Stripe's key): the gateway serves them beside the app
loadConfig(import.meta.env.BASE_URL).then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <App userManager={createUserManager()} />
      </StrictMode>,
    ),
  (problem: unknown) => showStartProblem(root, problem),
);
