import { createApp, defineAsyncComponent } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { router } from './app/router';
import { SHELL_HEADER } from './shared/shell';
import { installUtilizationPalette } from './shared/utilization';
import './styles/base.css';

installUtilizationPalette(document.documentElement);

const app = createApp(App);
// Pinia before the router: the router's first navigation runs a guard that uses the session
// store, and that store injects the router through the app context.
app.use(createPinia());
app.use(router);
// Loaded with the first page that shows it, as when each page imported it (not on the login page).
app.provide(SHELL_HEADER, defineAsyncComponent(() => import('./app/AppHeader.vue')));
app.mount('#app');
