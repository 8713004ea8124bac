import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../db/orm.ts';
import { pgArray } from '../../db/sql.ts';
import { badInput, notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { hashSecret, TOKEN_SECRET_PREFIX } from '../auth/credentials.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { isUuid } from '../../shared/ids.ts';
import type { Clock } from '../../shared/clock.ts';

export const TOKEN_KINDS = ['DISPLAY', 'API'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Scopes an API token may hold; the permission table names them per operation (`…:write` ones may mutate). */
export const API_SCOPES = ['reports:read', 'masterdata:write', 'orders:write', 'progress:write'] as const;

const KIND_TAG: Record<TokenKind, string> = { DISPLAY: 'd', API: 'a' };
/** How many leading characters of the secret are kept, to tell tokens apart in lists. */
const PREFIX_LENGTH = 12;
const MAX_NAME = 100;
/** lastUsedAt is written at most this often per token (a wall screen asks every few seconds). */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenDto {
  id: string;
  kind: TokenKind;
  name: string;
  scopes: string[];
  prefix: string;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, kind, name, scopes, prefix, created_by as "createdById", created_at as "createdAt",
  last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;


/**
 * Display tokens (wall screens: one plant, read-only) and API tokens (report clients: read-only
 * scopes). The secret is returned once by `create`; only its hash is stored (docs/product.md §1).
 */
export class TokenService {
  readonly #orm: Orm;
  readonly #clock: Clock;
  constructor(orm: Orm, clock: Clock) {
    this.#orm = orm;
    this.#clock = clock;
  }

  /** Tokens of the actor's plant, newest first. */
  async list(em: EntityManager, actor: Actor, kind: TokenKind | null): Promise<TokenDto[]> {
    return em.execute<TokenDto[]>(
      `select ${COLUMNS} from access_token where plant_id = ? and (?::text is null or kind = ?) order by created_at desc, id`,
      [actor.plantId, kind, kind],
    );
  }

  /** Creates a token; BAD_USER_INPUT for an empty or long name, an unknown scope, or scopes on a display token. */
  async create(actor: Actor, input: { kind: TokenKind; name: string; scopes: readonly string[] | null }): Promise<{ token: TokenDto; secret: string }> {
    const name = input.name.trim();
    if (name.length === 0) throw badInput('Give the token a name people recognise, e.g. "Hall 2 wall screen".', 'name');
    if (name.length > MAX_NAME) throw badInput(`A token name has at most ${MAX_NAME} characters.`, 'name');
    const scopes = [...new Set(input.scopes ?? [])];
    if (input.kind === 'DISPLAY' && scopes.length > 0) throw badInput('Display tokens have no scopes: they may read their plant\'s board only.', 'scopes');
    if (input.kind === 'API' && scopes.length === 0) throw badInput(`An API token needs at least one scope (${API_SCOPES.join(', ')}).`, 'scopes');
    const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
    if (unknown.length > 0) throw badInput(`Unknown scope ${unknown.map((s) => `"${s.slice(0, 40)}"`).join(', ')}; known: ${API_SCOPES.join(', ')}.`, 'scopes');
    const secret = `${TOKEN_SECRET_PREFIX}${KIND_TAG[input.kind]}_${randomBytes(32).toString('base64url')}`;
    const { value } = await withPlantWrite(this.#orm, actor.plantId, actor, async (w) => {
      const [row] = await w.em.execute<TokenDto[]>(
        `insert into access_token (plant_id, kind, name, scopes, prefix, token_hash, created_by)
           values (?, ?, ?, ?::text[], ?, ?, ?) returning ${COLUMNS}`,
        [actor.plantId, input.kind, name, pgArray(scopes), secret.slice(0, PREFIX_LENGTH), hashSecret(secret), actor.userId],
      );
      w.audit({ action: 'TOKEN_CREATED', entityType: 'AccessToken', entityId: row!.id, data: { kind: input.kind, name, scopes } });
      return row!;
    });
    return { token: value, secret };
  }

  /** Revokes a token of the actor's plant at once (idempotent); NOT_FOUND for any other id. */
  async revoke(actor: Actor, id: string): Promise<TokenDto> {
    if (!isUuid(id)) throw notFound('Token', id.slice(0, 64));
    const { value } = await withPlantWrite(this.#orm, actor.plantId, actor, async (w) => {
      const [row] = await w.em.execute<TokenDto[]>(
        `update access_token set revoked_at = coalesce(revoked_at, ?) where id = ? and plant_id = ? returning ${COLUMNS}`,
        [this.#clock.now(), id, actor.plantId],
      );
      if (!row) throw notFound('Token', id);
      w.audit({ action: 'TOKEN_REVOKED', entityType: 'AccessToken', entityId: id, data: { kind: row.kind, name: row.name } });
      return row;
    });
    return value;
  }

  /** The actor behind a token secret, or null when it is unknown or revoked; notes the last use. */
  async actorForSecret(em: EntityManager, secret: string): Promise<Actor | null> {
    if (!secret.startsWith(TOKEN_SECRET_PREFIX) || secret.length > 200) return null;
    const now = this.#clock.now();
    const [row] = await em.execute<{ id: string; kind: TokenKind; name: string; scopes: string[]; plant_id: string; last_used_at: Date | null }[]>(
      'select id, kind, name, scopes, plant_id, last_used_at from access_token where token_hash = ? and revoked_at is null',
      [hashSecret(secret)],
    );
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() >= LAST_USED_RESOLUTION_MS) {
      await em.execute('update access_token set last_used_at = ? where id = ?', [now, row.id]);
    }
    return {
      kind: row.kind === 'DISPLAY' ? 'display' : 'api',
      userId: null,
      role: null,
      plantId: row.plant_id,
      name: row.name,
      scopes: row.kind === 'API' ? row.scopes : [],
      tokenId: row.id,
    };
  }
}
