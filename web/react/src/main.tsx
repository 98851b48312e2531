import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createUserManager } from './auth/oidc';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App userManager={createUserManager()} />
  </StrictMode>,
);
