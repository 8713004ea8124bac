/** What `POST /api/uploads` answered: its status and JSON body. */
export interface UploadAnswer {
  status: number;
  body: { uploadId?: string; name?: string; bytes?: number; sha256?: string; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** The credentials of an upload; `preflight: false` leaves out the header the page sends with its cookie. */
export interface UploadAuth {
  cookie?: string | null;
  token?: string;
  preflight?: boolean;
  headers?: Record<string, string>;
}

/**
 * Sends one file to `POST /api/uploads` as multipart/form-data, like the import page: with the
 * session cookie and the preflight header, or with `Authorization: Bearer` as an integration.
 */
export async function uploadFile(baseUrl: string, file: { name: string; content: Buffer }, auth: UploadAuth = {}): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.content)], { type: 'text/csv' }), file.name);
  return postUpload(baseUrl, form, auth);
}

/** Any body to the upload endpoint (for malformed requests), with the same credentials as uploadFile. */
export async function postUpload(baseUrl: string, body: BodyInit, auth: UploadAuth = {}): Promise<UploadAnswer> {
  const res = await fetch(`${baseUrl}/api/uploads`, {
    method: 'POST',
    headers: {
      ...(auth.cookie ? { cookie: auth.cookie, ...(auth.preflight === false ? {} : { 'x-takt-upload': '1' }) } : {}),
      ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
      ...auth.headers,
    },
    body,
  });
  const text = await res.text();
  let parsed: UploadAnswer['body'];
  try {
    parsed = JSON.parse(text) as UploadAnswer['body'];
  } catch {
    throw new Error(`POST /api/uploads answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body: parsed };
}
