import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, describeError } from '../api/errors';
import { request } from '../api/graphql';
import { ExportPlantDataDocument, ImportPlantDataDocument, type ExportFormat, type ImportPreviewFragment } from '../gql/graphql';
import { useSessionStore } from '../auth/session.store';
import { graphqlWsUrl } from '../realtime/realtime.store';
import { download, fromBase64, toImportFile } from './files';
import { followImportProgress, newProgressKey, type ImportProgressReport } from './progress';

export type ImportPreview = ImportPreviewFragment;

/**
 * The import page's state (docs/import.md): the picked files, their dry run and the commit of
 * exactly that preview. Picking other files or changing "retire missing" drops the preview, so a
 * commit always writes what the person saw.
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
  const error = ref<string | null>(null);
  /** The plant changed between the dry run and the commit: the preview is stale. */
  const conflict = ref(false);

  const canCommit = computed(() => preview.value !== null && preview.value.errors.length === 0 && busy.value === null);

  function reset(): void {
    preview.value = null;
    committed.value = null;
    conflict.value = false;
    error.value = null;
  }

  function pick(picked: File[]): void {
    files.value = picked;
    reset();
  }

  function setRetireMissing(value: boolean): void {
    retireMissing.value = value;
    preview.value = null;
  }

  async function run(mode: 'DRY_RUN' | 'COMMIT'): Promise<ImportPreview | null> {
    const plantId = session.me?.plantId;
    if (!plantId) return null;
    const inputs = await Promise.all(files.value.map(toImportFile));
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
    if (files.value.length === 0) return;
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

  return { files, retireMissing, preview, committed, busy, progress, error, conflict, canCommit, pick, setRetireMissing, dryRun, commit, downloadErrors, exportPlant };
});
