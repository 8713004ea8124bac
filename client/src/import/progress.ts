import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { ImportProgressDocument, type ImportProgressSubscription } from '../gql/graphql';

export type ImportProgressReport = ImportProgressSubscription['importProgress'];

const IMPORT_PROGRESS = print(ImportProgressDocument);

/** How long an import waits for its progress stream to listen before it starts without it. */
const READY_WITHIN_MS = 3_000;

/** A fresh key for one import's progress (docs/import.md, "Progress"). */
export const newProgressKey = (): string => crypto.randomUUID();

/**
 * Follows one import's progress over its own short-lived socket: `ready` resolves once the server
 * listens (its first message, WAITING) — start the import then, so no step is missed — or when the
 * stream cannot be had (the import runs without a progress bar rather than not at all). Reports
 * after that go to `onProgress`; `stop` closes the socket.
 */
export function followImportProgress(opts: { url: string; plantId: string; progressKey: string; onProgress(report: ImportProgressReport): void }) {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const giveUp = setTimeout(markReady, READY_WITHIN_MS);
  const client = createClient({ url: opts.url, lazy: true, retryAttempts: 0 });
  const unsubscribe = client.subscribe<ImportProgressSubscription>(
    { query: IMPORT_PROGRESS, variables: { plantId: opts.plantId, progressKey: opts.progressKey } },
    {
      next: ({ data }) => {
        if (!data) return;
        if (data.importProgress.phase === 'WAITING') markReady();
        else opts.onProgress(data.importProgress);
      },
      error: () => markReady(),
      complete: () => markReady(),
    },
  );
  return {
    ready,
    stop(): void {
      clearTimeout(giveUp);
      unsubscribe();
      void client.dispose();
    },
  };
}
