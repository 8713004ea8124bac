import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { useSessionStore } from '../auth/session.store';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a signed-in user. */
    public?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'board', component: () => import('../board/BoardView.vue') },
    { path: '/inbox', name: 'inbox', component: () => import('../inbox/InboxView.vue') },
    { path: '/change-orders/:id', name: 'change-order', component: () => import('../inbox/ChangeOrderView.vue') },
    { path: '/policy', name: 'policy', component: () => import('../policy/PolicyView.vue') },
    { path: '/audit', name: 'audit', component: () => import('../audit/AuditView.vue') },
    { path: '/admin/tokens', name: 'admin-tokens', component: () => import('../admin/TokensView.vue') },
    { path: '/admin/api-tokens', name: 'admin-api-tokens', component: () => import('../admin/ApiTokensView.vue') },
    { path: '/admin/webhooks', name: 'admin-webhooks', component: () => import('../admin/WebhooksView.vue') },
    { path: '/admin/plants', name: 'admin-plants', component: () => import('../admin/PlantsView.vue') },
    { path: '/admin/work-centers', name: 'admin-work-centers', component: () => import('../admin/WorkCentersView.vue') },
    { path: '/admin/calendar', name: 'admin-calendar', component: () => import('../admin/CalendarView.vue') },
    { path: '/admin/products', name: 'admin-products', component: () => import('../admin/ProductsView.vue') },
    { path: '/admin/customers', name: 'admin-customers', component: () => import('../admin/CustomersView.vue') },
    { path: '/admin/users', name: 'admin-users', component: () => import('../admin/UsersView.vue') },
    { path: '/admin/import', name: 'admin-import', component: () => import('../import/ImportView.vue') },
    { path: '/reports', name: 'reports', component: () => import('../reports/ReportsView.vue') },
    { path: '/station/:workCenterCode', name: 'station', component: () => import('../station/StationView.vue') },
    { path: '/login', name: 'login', component: () => import('../auth/LoginView.vue'), meta: { public: true } },
    // A one-time link an admin hands over (there is no mail server): no session needed.
    { path: '/set-password', name: 'set-password', component: () => import('../admin/SetPasswordView.vue'), meta: { public: true } },
    // The wall screen authenticates with a display token, not a session (docs/product.md §1, §9).
    { path: '/wall', name: 'wall', component: () => import('../wall/WallView.vue'), meta: { public: true } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
  const session = useSessionStore();
  if (to.name === 'wall') return true;
  await session.ensureLoaded();
  const signedIn = session.status === 'signedIn';
  if (to.name === 'login') {
    if (!signedIn) return true;
    const redirect = typeof to.query.redirect === 'string' && to.query.redirect.startsWith('/') ? to.query.redirect : '/';
    return redirect;
  }
  if (!to.meta.public && !signedIn) {
    return to.fullPath === '/' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } };
  }
  return true;
});
