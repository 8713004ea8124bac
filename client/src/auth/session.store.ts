import { defineStore } from 'pinia';
import { setPlantCurrency, setPlantTimeZone } from '../shared/format';
import { computed, ref } from 'vue';
import { useRouter } from 'vue-router';
import { ApiError, describeError } from '../api/errors';
import { onUnauthenticated, request } from '../api/graphql';
import { LoginDocument, LogoutDocument, MeDocument, type MeQuery, type Role } from '../gql/graphql';

export type SessionUser = MeQuery['me'];
export type PlantSummary = MeQuery['plants'][number];

export const ROLE_LABEL: Record<Role, string> = {
  SALES_REP: 'Sales rep',
  PLANNER: 'Planner',
  OPS_MANAGER: 'Ops manager',
  PLANT_MANAGER: 'Plant manager',
  ACCOUNTING: 'Accounting',
  QUALITY: 'Quality',
  ADMIN: 'Admin',
  OPERATOR: 'Operator',
};

/** Who is signed in, and the plants they can see. The only place that talks to the auth API. */
export const useSessionStore = defineStore('session', () => {
  const router = useRouter();

  const me = ref<SessionUser | null>(null);
  const plants = ref<PlantSummary[]>([]);
  /** 'unknown' until the first `me` answer, so the router can wait for it once. */
  const status = ref<'unknown' | 'signedIn' | 'signedOut'>('unknown');
  const loadError = ref<string | null>(null);
  let pending: Promise<void> | null = null;

  const plant = computed<PlantSummary | null>(
    () => plants.value.find((p) => p.id === me.value?.plantId) ?? plants.value[0] ?? null,
  );
  const roleLabel = computed(() => (me.value ? ROLE_LABEL[me.value.role] : ''));

  function signedOut(): void {
    me.value = null;
    plants.value = [];
    status.value = 'signedOut';
  }

  async function fetchMe(): Promise<void> {
    try {
      const data = await request(MeDocument);
      me.value = data.me;
      plants.value = data.plants;
      if (plant.value) {
        setPlantTimeZone(plant.value.timeZone);
        setPlantCurrency(plant.value.currency);
      }
      status.value = 'signedIn';
      loadError.value = null;
    } catch (error) {
      signedOut();
      // Not being signed in is the normal state before login; anything else is worth showing.
      loadError.value = error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? null : describeError(error);
    }
  }

  /** Resolve the session once per page load (the router guard awaits this). */
  function ensureLoaded(): Promise<void> {
    if (status.value !== 'unknown') return Promise.resolve();
    pending ??= fetchMe().finally(() => (pending = null));
    return pending;
  }

  /** Sign in; rejects with an ApiError (UNAUTHENTICATED for a wrong email or password). */
  async function login(email: string, password: string): Promise<void> {
    await request(LoginDocument, { email, password });
    await fetchMe();
    if (status.value !== 'signedIn') throw new ApiError('UNAUTHENTICATED', 'The session cookie was not accepted.');
  }

  async function logout(): Promise<void> {
    try {
      await request(LogoutDocument);
    } catch {
      // The session is gone either way; the cookie is httpOnly, so the server is the only one to clear it.
    }
    signedOut();
    await router.push({ name: 'login' });
  }

  // A session that ends while the app is open (expired, signed out elsewhere) sends the user back
  // to /login, remembering where they were.
  onUnauthenticated(() => {
    if (status.value !== 'signedIn') return;
    signedOut();
    const current = router.currentRoute.value;
    if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
  });

  return { me, plants, plant, status, loadError, roleLabel, ensureLoaded, login, logout };
});
