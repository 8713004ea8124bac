import type { ErrorCode } from '../../../schema/generated/server.ts';

export type { ErrorCode };

/**
 * An expected failure with a code from the SDL's ErrorCode enum and a message a person can act
 * on. Domain modules throw these; graphql/format-error.ts maps them to `extensions.code` once.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.extensions = extensions;
  }
}

export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} was not found.`, { id });
export const conflict = (what: string, currentVersion: number) =>
  new AppError('CONFLICT', `${what} was changed by someone else (now version ${currentVersion}); reload and try again.`, {
    currentVersion,
  });
