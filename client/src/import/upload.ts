import { ApiError, isErrorCode } from '../api/errors';

/** Most bytes one file of an import may have: the server's limit, checked here before sending. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the server keeps of an uploaded file: the id an import names it by. */
export interface UploadReceipt {
  uploadId: string;
  name: string;
  bytes: number;
  sha256: string;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Why a file cannot be uploaded, before a byte is sent; null when it can. */
export function tooLarge(file: File): string | null {
  return file.size > MAX_FILE_BYTES
    ? `${file.name} has ${megabytes(file.size)} MB; at most ${MAX_FILE_BYTES / 1024 / 1024} MB per file. Split it (e.g. orders by due month) or leave out what did not change.`
    : null;
}

/**
 * Sends one picked file to `POST /api/uploads` (docs/import.md, "Uploading large files") with the
 * session cookie: the import then names it by id, so a file may be far larger than a GraphQL
 * request. XMLHttpRequest, not fetch: only it reports how much of the body went out.
 */
export function uploadFile(file: File, onProgress: (sentBytes: number) => void): Promise<UploadReceipt> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    // the server asks this of a cookie's upload: a page of another site cannot send it (app/uploads.ts)
    xhr.setRequestHeader('x-takt-upload', '1');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onerror = () => reject(new ApiError('NETWORK', 'Network request failed'));
    xhr.onload = () => {
      const body = xhr.response as (Partial<UploadReceipt> & { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] }) | null;
      if (xhr.status === 201 && typeof body?.uploadId === 'string') return resolve(body as UploadReceipt);
      const first = body?.errors?.[0];
      if (!first) return reject(new ApiError('BAD_RESPONSE', `The server answered ${xhr.status} to the upload of ${file.name}`));
      const code = isErrorCode(first.extensions?.code) ? first.extensions.code : 'INTERNAL';
      reject(new ApiError(code, `${file.name}: ${typeof first.message === 'string' ? first.message : 'the upload failed'}`, first.extensions ?? {}));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
