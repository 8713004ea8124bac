import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './app/App.vue';
import { router } from './app/router';
import './styles/base.css';

const app = createApp(App);
// Pinia before the router: the router's first navigation runs a guard that uses the session
// store, and that store injects the router through the app context.
app.use(createPinia());
app.use(router);
app.mount('#app');
