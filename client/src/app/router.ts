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
    { path: '/reports', name: 'reports', component: () => import('../reports/ReportsView.vue') },
    { path: '/login', name: 'login', component: () => import('../auth/LoginView.vue'), meta: { public: true } },
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
