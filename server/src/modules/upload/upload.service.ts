import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.ts';
import { AppError, badInput } from '../../shared/errors.ts';
import { pgArray } from '../../db/sql.ts';

/** How long an upload waits to be imported; the retention sweep deletes it after (docs/import.md). */
export const UPLOAD_LIFETIME_HOURS = 24;

/** What the upload endpoint answers: the id to import by, and what arrived, to check against. */
export interface UploadReceipt {
  uploadId: string;
  name: string;
  bytes: number;
  sha256: string;
}

/** An uploaded file's name and bytes, as an import reads them. */
export interface UploadedFile {
  name: string;
  content: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who an upload belongs to: the signed-in person, or the API token (an integration has no user).
 * Nobody else may import it, not even an administrator of the same plant: an upload is a step of
 * one import, not a shared document.
 */
function ownerOf(actor: Actor): { userId: string | null; tokenId: string | null } {
  if (actor.kind === 'user' && actor.userId) return { userId: actor.userId, tokenId: null };
  if (actor.kind === 'api' && actor.tokenId) return { userId: null, tokenId: actor.tokenId };
  throw new AppError('FORBIDDEN', 'Only a signed-in person or an API token uploads files.');
}

/** Keeps a file for its sender's plant until it expires, and says how to refer to it. */
export async function storeUpload(em: EntityManager, actor: Actor, file: UploadedFile, now: Date): Promise<UploadReceipt> {
  const name = file.name.replace(/^.*[\\/]/, '').trim();
  if (name === '' || name.length > 255) throw badInput('Give the file its name (at most 255 characters), e.g. orders.csv.', 'file');
  const owner = ownerOf(actor);
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const expiresAt = new Date(now.getTime() + UPLOAD_LIFETIME_HOURS * 3_600_000);
  const [row] = await em.execute<{ id: string }[]>(
    'insert into file_upload (plant_id, user_id, token_id, name, bytes, sha256, content, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id',
    [actor.plantId, owner.userId, owner.tokenId, name, file.content.length, sha256, file.content, expiresAt]);
  return { uploadId: row!.id, name, bytes: file.content.length, sha256 };
}

/**
 * The bytes of uploads by id, each only for the actor who sent it and only in its plant, and only
 * until it expires. Any other id is NOT_FOUND with the same words whether it exists or not, so
 * nobody learns of another's uploads.
 */
export async function uploadedContents(em: EntityManager, actor: Actor | null, plantId: string, uploadIds: readonly string[], now: Date): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  if (uploadIds.length === 0) return contents;
  const missing = (id: string) =>
    new AppError('NOT_FOUND', `Upload ${id.slice(0, 100)} was not found: an upload is kept ${UPLOAD_LIFETIME_HOURS} hours, for whoever sent it; upload the file again.`, { id: id.slice(0, 100) });
  const malformed = uploadIds.find((id) => !UUID.test(id));
  if (malformed !== undefined || !actor) throw missing(malformed ?? uploadIds[0]!);
  const owner = ownerOf(actor);
  const rows = await em.execute<{ id: string; content: Buffer }[]>(
    `select id, content from file_upload where id = any(?::uuid[]) and plant_id = ? and expires_at > ?
       and (user_id = ? or token_id = ?)`,
    [pgArray([...new Set(uploadIds)]), plantId, now, owner.userId, owner.tokenId]);
  for (const r of rows) contents.set(r.id, r.content);
  const absent = uploadIds.find((id) => !contents.has(id.toLowerCase()));
  if (absent !== undefined) throw missing(absent);
  return contents;
}

/** A file given to an operation either inline or as an earlier upload. */
export interface FileInput {
  name: string;
  content?: Buffer | null;
  uploadId?: string | null;
}

/**
 * Files given inline or by upload, with their bytes: each gives exactly one of `content` and
 * `uploadId` (else BAD_USER_INPUT naming the file), and an upload is the actor's own (else NOT_FOUND).
 */
export async function filesWithContent(em: EntityManager, actor: Actor | null, plantId: string, files: readonly FileInput[], now: Date): Promise<UploadedFile[]> {
  files.forEach((f, i) => {
    if ((f.content == null) === (f.uploadId == null)) {
      throw badInput(`File ${i + 1} (${f.name.slice(0, 100)}) gives ${f.content == null ? 'neither' : 'both'} content and uploadId; give exactly one: the bytes, or the id POST /api/uploads answered.`, `files[${i}]`);
    }
  });
  const uploads = await uploadedContents(em, actor, plantId, files.flatMap((f) => (f.uploadId == null ? [] : [f.uploadId])), now);
  return files.map((f) => ({ name: f.name, content: f.content ?? uploads.get(f.uploadId!.toLowerCase())! }));
}
