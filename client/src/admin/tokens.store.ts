import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { AdminCreateTokenDocument, AdminRevokeTokenDocument, AdminTokensDocument, type AdminTokenFragment, type TokenKind } from '../gql/graphql';
import { useBusy } from './busy';

export type AccessToken = AdminTokenFragment;

/** The API token scopes an admin may grant (server/src/modules/token/token.service.ts API_SCOPES). */
export const API_SCOPES = [
  { scope: 'reports:read', label: 'Read reports and the plant (reporting tools)' },
  { scope: 'masterdata:write', label: 'Import master data and cut-over orders (ERP or CRM push)' },
  { scope: 'orders:write', label: 'Push orders; once the plant is live they become change orders (ERP or CRM)' },
] as const;

/** Tokens of one kind of my plant (ADMIN): list, create (the secret is kept only until dismissed), revoke. */
const tokensStore = (kind: TokenKind) => defineStore(`tokens-${kind}`, () => {
  const tokens = shallowRef<AccessToken[]>([]);
  const loading = ref(false);
  const { busy, error, run } = useBusy();
  /** The secret of the token just created: shown once, never fetched again. */
  const justCreated = ref<{ token: AccessToken; secret: string } | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      tokens.value = (await request(AdminTokensDocument, { kind })).accessTokens;
      error.value = null;
    } catch (e) {
      error.value = describeError(e);
    } finally {
      loading.value = false;
    }
  }

  function create(name: string, scopes?: string[]): Promise<boolean> {
    return run('create', async () => {
      const { createAccessToken } = await request(AdminCreateTokenDocument, { kind, name, scopes });
      justCreated.value = createAccessToken;
      tokens.value = [createAccessToken.token, ...tokens.value];
    });
  }

  async function revoke(id: string): Promise<void> {
    await run(id, async () => {
      const { revokeAccessToken } = await request(AdminRevokeTokenDocument, { id });
      tokens.value = tokens.value.map((t) => (t.id === id ? revokeAccessToken : t));
      if (justCreated.value?.token.id === id) justCreated.value = null;
    });
  }

  function forgetSecret(): void {
    justCreated.value = null;
  }

  return { tokens, loading, busy, error, justCreated, load, create, revoke, forgetSecret };
});

/** Display tokens: a wall screen shows the board with one. */
export const useTokensStore = tokensStore('DISPLAY');
/** API tokens: an integration calls the API with one, within its scopes. */
export const useApiTokensStore = tokensStore('API');
