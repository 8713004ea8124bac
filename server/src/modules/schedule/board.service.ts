import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../shared/errors.ts';
import { toDay } from '../../engine/index.ts';
import { daysBetween, isIsoDate } from '../../shared/dates.ts';
import { plantById, type PlantDto, type WorkCenterDto } from '../plant/plant.service.ts';
import type { Clock } from '../../shared/clock.ts';
import type { BoardCache } from './board.cache.ts';
import type { BoardView, PackedBoardDto } from './board.view.ts';

/** The longest range one board query may ask for (docs/product.md §9: up to 26 weeks). */
export const MAX_BOARD_DAYS = 26 * 7;

/** A board: its range of the plant's model; buckets, jobs, orders and columns are derived per field. */
export interface BoardDto {
  plant: PlantDto;
  from: string;
  to: string;
  workCenters: readonly WorkCenterDto[];
  lastEventSeq: number;
  /** The range cut from the model (computed once, when a field needs it). */
  view(): BoardView;
  /** The range as columns (shared by every query of that range at this sequence). */
  packed(): PackedBoardDto;
}

/** Rejects malformed, reversed or over-long ranges with BAD_USER_INPUT; `fitsIn` names what the limit is for. */
export function validateRange(from: string, to: string, maxDays = MAX_BOARD_DAYS, fitsIn = maxDays === MAX_BOARD_DAYS ? '(26 weeks) fit on one board' : 'fit in one report'): void {
  if (!isIsoDate(from)) throw badInput(`"from" must be a date in the form YYYY-MM-DD, got "${from}".`, 'from');
  if (!isIsoDate(to)) throw badInput(`"to" must be a date in the form YYYY-MM-DD, got "${to}".`, 'to');
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw badInput(`"to" (${to}) is before "from" (${from}).`, 'to');
  if (days > maxDays) throw badInput(`The range has ${days} days; at most ${maxDays} ${fitsIn}.`, 'to');
}

/**
 * The board over a range, cut from the plant's board model at its current event sequence
 * (BoardCache): `lastEventSeq` is the sequence the model is at, so a client resuming the live
 * stream after it misses nothing. Fields cut the range from the model while the query executes;
 * the model only changes when a later query catches it up, and a query's fields resolve without
 * awaiting one in between, so a board never mixes two sequences.
 */
export async function loadBoard(em: EntityManager, boards: BoardCache, clock: Clock, plantId: string, from: string, to: string): Promise<BoardDto> {
  validateRange(from, to);
  const plant = await plantById(em, clock, plantId);
  const { seq, model, view, packed } = await boards.board(em, plantId, toDay(from), toDay(to));
  return { plant, from, to, workCenters: model.workCenters, lastEventSeq: seq, view, packed };
}
