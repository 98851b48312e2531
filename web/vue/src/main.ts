import '@airtix/web-shared/tokens.css';
import '@airtix/web-shared/styles.css';
import { createApp } from 'vue';
import App from './app/App.vue';
import { createAppRouter } from './app/router';
import { createUserManager } from './auth/oidc';

createApp(App, { userManager: createUserManager() }).use(createAppRouter()).mount('#app');
