import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { request } from '../api/graphql';
import { useBusy } from './busy';
import {
  AdminCreateUserDocument, AdminIssueSetPasswordTokenDocument, AdminRetireUserDocument, AdminUpdateUserDocument, AdminUsersDocument,
  type AdminUserFragment, type Role,
} from '../gql/graphql';

export type PlantUser = AdminUserFragment;

/** The one-time link that sets a user's password: Takt sends no mail, so the admin hands it over. */
export function setPasswordUrl(token: string): string {
  return `${location.origin}/set-password?token=${encodeURIComponent(token)}`;
}

/** A plant's users (ADMIN): list, create, change role, deactivate, and one-time set-password links. */
export const useUsersStore = defineStore('users', () => {
  const users = shallowRef<PlantUser[]>([]);
  const loading = ref(false);
  const { busy, error, run: guarded } = useBusy();
  /** The set-password link just issued, shown once. */
  const link = ref<{ email: string; url: string } | null>(null);

  function replace(user: PlantUser): void {
    users.value = users.value.map((u) => (u.id === user.id ? user : u));
  }

  async function load(plantId: string): Promise<void> {
    loading.value = true;
    await guarded('load', async () => {
      users.value = (await request(AdminUsersDocument, { plantId })).users;
    });
    loading.value = false;
  }

  function create(plantId: string, input: { email: string; name: string; role: Role }): Promise<boolean> {
    return guarded('create', async () => {
      const { createUser } = await request(AdminCreateUserDocument, { plantId, input });
      users.value = [...users.value, createUser.user];
      link.value = { email: createUser.user.email, url: setPasswordUrl(createUser.setPasswordToken) };
    });
  }

  function changeRole(user: PlantUser, role: Role): Promise<boolean> {
    return guarded(user.id, async () => {
      replace((await request(AdminUpdateUserDocument, { id: user.id, input: { email: user.email, name: user.name, role }, expectedVersion: user.version })).updateUser);
    });
  }

  function deactivate(user: PlantUser): Promise<boolean> {
    return guarded(user.id, async () => {
      replace((await request(AdminRetireUserDocument, { id: user.id, expectedVersion: user.version })).retireUser);
    });
  }

  function issueLink(user: PlantUser): Promise<boolean> {
    return guarded(user.id, async () => {
      const token = (await request(AdminIssueSetPasswordTokenDocument, { userId: user.id })).issueSetPasswordToken;
      link.value = { email: user.email, url: setPasswordUrl(token) };
    });
  }

  function forgetLink(): void {
    link.value = null;
  }

  return { users, loading, busy, error, link, load, create, changeRole, deactivate, issueLink, forgetLink };
});
