import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { request } from '../api/graphql';
import { AdminCreateWebhookDocument, AdminDeleteWebhookDocument, AdminWebhooksDocument, type AdminWebhookFragment } from '../gql/graphql';
import { useBusy } from './busy';

export type AdminWebhook = AdminWebhookFragment;

/** The plant's outgoing webhooks (ADMIN): list, add (the signing secret is shown once), delete. */
export const useWebhooksStore = defineStore('admin-webhooks', () => {
  const webhooks = shallowRef<AdminWebhook[]>([]);
  const loading = ref(false);
  const { busy, error, run } = useBusy();
  /** The signing secret of the webhook just added, shown once. */
  const secret = ref<{ url: string; secret: string } | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    await run('load', async () => {
      webhooks.value = (await request(AdminWebhooksDocument)).webhooks;
    });
    loading.value = false;
  }

  function create(url: string, events: string[] | null): Promise<boolean> {
    return run('create', async () => {
      const { createWebhook } = await request(AdminCreateWebhookDocument, { url, events });
      webhooks.value = [...webhooks.value, createWebhook.webhook];
      secret.value = { url: createWebhook.webhook.url, secret: createWebhook.secret };
    });
  }

  function remove(id: string): Promise<boolean> {
    return run(id, async () => {
      await request(AdminDeleteWebhookDocument, { id });
      webhooks.value = webhooks.value.filter((w) => w.id !== id);
    });
  }

  function forgetSecret(): void {
    secret.value = null;
  }

  return { webhooks, loading, busy, error, secret, load, create, remove, forgetSecret };
});
