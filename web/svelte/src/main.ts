import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { createUserManager } from './auth/oidc';

const target = document.getElementById('root');
if (!target) throw new Error('No #root element in index.html');

mount(App, { target, props: { userManager: createUserManager() } });
