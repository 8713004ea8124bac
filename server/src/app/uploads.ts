import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { Services } from '../services.ts';
import { AppError, type ErrorCode } from '../shared/errors.ts';
import { authorize } from '../modules/auth/permissions.ts';
import { MAX_IMPORT_FILE_BYTES } from '../modules/import/contract.ts';
import { storeUpload, type UploadedFile } from '../modules/upload/upload.service.ts';
import { httpCredential, type ContextBuilder } from './context.ts';

/** Where files larger than a GraphQL request are sent before an import names them (docs/import.md). */
export const UPLOADS_PATH = '/api/uploads';

/**
 * Multipart is a form's content type, which a page of another site may post without asking; a
 * browser sends this header only from a script of Takt's own origin (after a CORS preflight it
 * would not pass), as Apollo's csrfPrevention asks of /graphql. Bearer tokens need no such proof.
 */
export const UPLOAD_PREFLIGHT_HEADER = 'x-takt-upload';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429 };
const MB = MAX_IMPORT_FILE_BYTES / 1024 / 1024;

/** A file above the limit: 413, like an oversized GraphQL request, with the limit to act on. */
class TooLarge extends AppError {
  constructor() {
    super('BAD_USER_INPUT', `The file is larger than ${MB} MB, the most one file of an import may have; split it (e.g. orders by due month) or leave out what did not change.`, { maxBytes: MAX_IMPORT_FILE_BYTES });
  }
}

/** A refusal in the shape every HTTP error of the app has (http/errors.ts). */
function refuse(reply: FastifyReply, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return reply.code(status).send({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * `POST /api/uploads`: one file as multipart/form-data, up to 20 MB, kept for the sender and their
 * plant (modules/upload) and answered `{uploadId, name, bytes, sha256}`. Whoever may import
 * (`importPlantData`: PLANT_MANAGER, ADMIN, an API token with a write scope) may upload; the
 * identity is checked before a byte of the body is read. A larger file is refused with 413 and
 * nothing stored. The GraphQL body limit stays as it is: only this route reads large bodies.
 */
export async function routeUploads(fastify: FastifyInstance, services: Services, contexts: ContextBuilder): Promise<void> {
  // its own scope: the multipart parser serves this route only, /graphql still refuses multipart (415)
  await fastify.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10, parts: 11, fieldSize: 1024 } });
    scope.post(UPLOADS_PATH, async (request, reply) => {
      try {
        const credential = httpCredential(request);
        if (credential?.kind === 'session' && request.headers[UPLOAD_PREFLIGHT_HEADER] === undefined) {
          return await refuse(reply, 400, 'BAD_USER_INPUT', `Send the ${UPLOAD_PREFLIGHT_HEADER} header with an upload (any value): it shows the request comes from Takt's own page.`);
        }
        const actor = await contexts.actorFrom(credential, true);
        authorize('Mutation.importPlantData', actor);
        const file = await oneFile(request);
        return await reply.code(201).send(await storeUpload(services.orm.em.fork(), actor!, file, services.clock.now()));
      } catch (err) {
        if (err instanceof AppError) return refuse(reply, err instanceof TooLarge ? 413 : (STATUS[err.code] ?? 400), err.code, err.message, err.extensions);
        throw err;
      }
    });
  });
}

/** The request's one file part, read whole; form fields besides it are ignored. */
async function oneFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('BAD_USER_INPUT', 'Send the file as multipart/form-data with one file part (curl -F "file=@orders.csv").');
  let file: UploadedFile | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { name: part.filename, content: await part.toBuffer() };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLarge();
    if (code === 'FST_FILES_LIMIT') throw new AppError('BAD_USER_INPUT', 'Send one file per upload; upload each file of an import on its own.');
    throw new AppError('BAD_USER_INPUT', `The multipart body could not be read (${(err as Error).message}); send one file part as multipart/form-data.`);
  }
  if (!file) throw new AppError('BAD_USER_INPUT', 'The request has no file part; send the file as multipart/form-data (curl -F "file=@orders.csv").');
  return file;
}
