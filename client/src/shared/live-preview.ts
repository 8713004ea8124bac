import { ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { BoardPreviewChangeDocument, type BoardEvaluationFragment, type ChangeOrderInput } from '../gql/graphql';

/** Quiet time after the last keystroke before the preview is asked for. */
export const PREVIEW_DEBOUNCE_MS = 250;

export interface LivePreview {
  /** The engine's verdict on the change as last asked, or null. */
  preview: ShallowRef<BoardEvaluationFragment | null>;
  previewing: Ref<boolean>;
  previewError: Ref<string | null>;
  /** Why the shown preview was asked for again, when it was not the draft's edit (see `run`). */
  refreshedBy: Ref<string | null>;
  /** Asks now, e.g. with the reason "the schedule changed" when the draft did not. */
  run(reason?: string | null): Promise<void>;
  /** Forgets what is in flight or waiting: the form closed. */
  stop(): void;
}

/**
 * The live preview of a change being written (previewChangeOrder: the engine's verdict, nothing
 * stored), shared by the rep's change form, the quote dialog and the approver's counter-proposal:
 * asked a moment after `typing` last changes while `open()`, an answer to an earlier draft dropped
 * when a later one was asked for, nothing asked (and nothing shown) while `input()` is null.
 */
export function useLivePreview(opts: {
  input: () => ChangeOrderInput | null;
  open: () => boolean;
  typing: WatchSource<unknown>;
  /** Runs on each edit while open (e.g. the outcome of the last submission no longer applies). */
  onEdit?: () => void;
}): LivePreview {
  const preview = shallowRef<BoardEvaluationFragment | null>(null);
  const previewing = ref(false);
  const previewError = ref<string | null>(null);
  const refreshedBy = ref<string | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function run(reason: string | null = null): Promise<void> {
    const change = opts.open() ? opts.input() : null;
    const mine = ++seq;
    if (!change) {
      previewing.value = false;
      preview.value = null;
      previewError.value = null; // a form shows what is invalid itself, once
      return;
    }
    previewing.value = true;
    try {
      const { previewChangeOrder } = await request(BoardPreviewChangeDocument, { input: change });
      if (mine !== seq) return;
      preview.value = previewChangeOrder;
      previewError.value = null;
      refreshedBy.value = reason;
    } catch (e) {
      if (mine !== seq) return;
      preview.value = null;
      previewError.value = describeError(e);
    } finally {
      if (mine === seq) previewing.value = false;
    }
  }

  function stop(): void {
    seq++;
    if (timer) clearTimeout(timer);
    previewing.value = false;
  }

  watch(opts.typing, () => {
    if (timer) clearTimeout(timer);
    if (!opts.open()) return;
    opts.onEdit?.();
    timer = setTimeout(() => void run(), PREVIEW_DEBOUNCE_MS);
  });

  return { preview, previewing, previewError, refreshedBy, run, stop };
}
