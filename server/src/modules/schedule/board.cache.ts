import type { EntityManager } from '@mikro-orm/postgresql';
import type { Day } from '../../engine/index.ts';
import { loadBoardModel, refreshBoardModel, type BoardModel } from './board.model.ts';
import { packBoard, sliceBoard, type BoardView, type PackedBoardDto } from './board.view.ts';
import { PlantCache } from './plant-cache.ts';

/** Ranges whose packed board is kept per plant (a 26-week pack of a large plant is a few MB). */
const PACKS_PER_PLANT = 4;

/**
 * One board model per plant, kept at the plant's event sequence (see PlantCache), and the packed
 * boards cut from it for the last few ranges asked at that sequence: between two changes, fifty
 * reps opening the same board cost one cut and pack, not fifty. A new sequence drops them.
 */
export class BoardCache {
  readonly #models = new PlantCache<BoardModel>({ load: loadBoardModel, refresh: refreshBoardModel });
  readonly #packs = new Map<string, { seq: number; byRange: Map<string, PackedBoardDto> }>();

  /** The plant's model at its current sequence, with the range's view and packed board on demand. */
  async board(em: EntityManager, plantId: string, from: Day, to: Day): Promise<{ seq: number; model: BoardModel; view(): BoardView; packed(): PackedBoardDto }> {
    const { seq, value: model } = await this.#models.get(em, plantId);
    let view: BoardView | undefined;
    const viewOnce = () => (view ??= sliceBoard(model, from, to));
    return { seq, model, view: viewOnce, packed: () => this.#packed(plantId, seq, `${from}|${to}`, viewOnce) };
  }

  #packed(plantId: string, seq: number, range: string, view: () => BoardView): PackedBoardDto {
    let packs = this.#packs.get(plantId);
    if (!packs || packs.seq !== seq) this.#packs.set(plantId, (packs = { seq, byRange: new Map() }));
    let packed = packs.byRange.get(range);
    if (!packed) {
      packed = packBoard(view());
      if (packs.byRange.size >= PACKS_PER_PLANT) packs.byRange.delete(packs.byRange.keys().next().value!);
      packs.byRange.set(range, packed);
    }
    return packed;
  }
}
