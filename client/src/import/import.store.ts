import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, describeError } from '../api/errors';
import { request } from '../api/graphql';
import { ExportPlantDataDocument, ImportPlantDataDocument, type ExportFormat, type ImportPreviewFragment } from '../gql/graphql';
import { useSessionStore } from '../auth/session.store';
import { graphqlWsUrl } from '../realtime/realtime.store';
import { download, fromBase64 } from './files';
import { tooLarge, uploadFile, type UploadReceipt } from './upload';
import { followImportProgress, newProgressKey, type ImportProgressReport } from './progress';

export type ImportPreview = ImportPreviewFragment;

/** How much of the picked files went to the server (the first step of a dry run). */
export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
}

/**
 * The import page's state (docs/import.md): the picked files, their dry run and the commit of
 * exactly that preview. Picking other files or changing "retire missing" drops the preview, so a
 * commit always writes what the person saw. The files are uploaded once, before the first dry
 * run (a GraphQL request carries at most 256 KiB); the dry run and the commit name them by id.
 */
export const useImportStore = defineStore('import', () => {
  const session = useSessionStore();
  const files = shallowRef<File[]>([]);
  const retireMissing = ref(false);
  const preview = shallowRef<ImportPreview | null>(null);
  const committed = shallowRef<ImportPreview | null>(null);
  const busy = ref<'dryRun' | 'commit' | 'export' | null>(null);
  /** How far the running dry run or commit is (null before its first report). */
  const progress = shallowRef<ImportProgressReport | null>(null);
  /** The running upload of the picked files (null when none runs). */
  const uploading = shallowRef<UploadProgress | null>(null);
  /** The picked files' uploads, by file: a dry run again or the commit sends nothing again. */
  let uploads = new WeakMap<File, UploadReceipt>();
  const error = ref<string | null>(null);
  /** The plant changed between the dry run and the commit: the preview is stale. */
  const conflict = ref(false);

  /** Files are picked and none is over the size limit. */
  const canDryRun = computed(() => files.value.length > 0 && files.value.every((f) => tooLarge(f) === null) && busy.value === null);
  const canCommit = computed(() => preview.value !== null && preview.value.errors.length === 0 && busy.value === null);

  function reset(): void {
    preview.value = null;
    committed.value = null;
    conflict.value = false;
    error.value = null;
  }

  function pick(picked: File[]): void {
    files.value = picked;
    uploads = new WeakMap();
    reset();
    // a file over the limit is named at once, before anything is sent
    const refused = picked.map(tooLarge).filter((reason) => reason !== null);
    if (refused.length) error.value = refused.join(' ');
  }

  /** Uploads the picked files not uploaded yet, one after the other, counting the bytes sent. */
  async function upload(): Promise<{ name: string; uploadId: string }[]> {
    const totalBytes = files.value.reduce((n, f) => n + f.size, 0);
    let sentBefore = 0;
    uploading.value = { sentBytes: 0, totalBytes };
    try {
      for (const file of files.value) {
        if (!uploads.has(file)) uploads.set(file, await uploadFile(file, (sent) => (uploading.value = { sentBytes: sentBefore + sent, totalBytes })));
        sentBefore += file.size;
      }
    } finally {
      uploading.value = null;
    }
    return files.value.map((file) => ({ name: file.name, uploadId: uploads.get(file)!.uploadId }));
  }

  function setRetireMissing(value: boolean): void {
    retireMissing.value = value;
    preview.value = null;
  }

  async function run(mode: 'DRY_RUN' | 'COMMIT'): Promise<ImportPreview | null> {
    const plantId = session.me?.plantId;
    if (!plantId) return null;
    const inputs = await upload();
    const progressKey = newProgressKey();
    const follow = followImportProgress({ url: graphqlWsUrl(), plantId, progressKey, onProgress: (report) => (progress.value = report) });
    try {
      await follow.ready;
      const { importPlantData } = await request(ImportPlantDataDocument, {
        plantId,
        files: inputs,
        mode,
        retireMissing: retireMissing.value,
        previewToken: mode === 'COMMIT' ? preview.value?.previewToken : undefined,
        progressKey,
      });
      return importPlantData;
    } finally {
      follow.stop();
      progress.value = null;
    }
  }

  async function dryRun(): Promise<void> {
    if (!canDryRun.value) return;
    busy.value = 'dryRun';
    reset();
    try {
      preview.value = await run('DRY_RUN');
    } catch (e) {
      error.value = describeError(e);
    } finally {
      busy.value = null;
    }
  }

  async function commit(): Promise<void> {
    if (!canCommit.value) return;
    busy.value = 'commit';
    error.value = null;
    try {
      const result = await run('COMMIT');
      if (result?.applied) {
        committed.value = result;
        preview.value = null;
      } else preview.value = result;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        conflict.value = true;
        preview.value = null;
      } else error.value = describeError(e);
    } finally {
      busy.value = null;
    }
  }

  function downloadErrors(): void {
    if (preview.value) download('import-errors.csv', preview.value.errorsCsv, 'text/csv;charset=utf-8');
  }

  /** The plant's data in the import formats: a backup, and the best template for a new file. */
  async function exportPlant(format: ExportFormat): Promise<void> {
    const plantId = session.me?.plantId;
    if (!plantId) return;
    busy.value = 'export';
    error.value = null;
    try {
      const { exportPlantData } = await request(ExportPlantDataDocument, { plantId, format });
      for (const file of exportPlantData)
        download(file.name, fromBase64(file.content), file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8');
    } catch (e) {
      error.value = describeError(e);
    } finally {
      busy.value = null;
    }
  }

  return { files, retireMissing, preview, committed, busy, progress, uploading, error, conflict, canDryRun, canCommit, pick, setRetireMissing, dryRun, commit, downloadErrors, exportPlant };
});
