import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ApiError, isErrorCode } from './errors';

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message?: unknown; extensions?: Record<string, unknown> }>;
}

// Printing a document is not free; the generated documents are module constants, so cache by identity.
const printed = new WeakMap<object, string>();

function source(document: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

// A wall screen has no session: it signs every request with its display token (docs/product.md §1).
let bearerToken: string | null = null;

/** Sign every request with this token (a wall screen's display token); null goes back to the cookie. */
export function setBearerToken(token: string | null): void {
  bearerToken = token;
}

// The server ends a session nobody has used for a while (TAKT_SESSION_IDLE_MINUTES), so a browser
// left signed in on the shop floor signs out. The page's own requests (polls, refetches after
// live events) must not count as use: when nobody has touched the page for a minute, requests
// carry `x-takt-background: 1`.
const BACKGROUND_AFTER_MS = 60_000;
let lastInput = Date.now();
if (typeof window !== 'undefined')
  for (const type of ['pointerdown', 'keydown', 'wheel'] as const) window.addEventListener(type, () => (lastInput = Date.now()), { capture: true, passive: true });

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/**
 * Be told whenever any call fails with UNAUTHENTICATED (the session expired or was ended
 * elsewhere), so the session store can send the user to /login from one place.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/**
 * Run one GraphQL operation against `/graphql` with the session cookie.
 *
 * Always sends `content-type: application/json`: the server's CSRF prevention rejects requests
 * a browser could send cross-site without a preflight. Any error becomes an {@link ApiError}
 * carrying the first error's `extensions.code`.
 */
export async function request<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TData> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}),
        ...(Date.now() - lastInput > BACKGROUND_AFTER_MS ? { 'x-takt-background': '1' } : {}),
      },
      body: JSON.stringify({ query: source(document as TypedDocumentNode<unknown, never>), variables: variables ?? {} }),
    });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network request failed');
  }

  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError('BAD_RESPONSE', `The server answered ${response.status} without a GraphQL response`);
  }

  const first = body.errors?.[0];
  if (first) {
    const extensions = first.extensions ?? {};
    const code = isErrorCode(extensions.code) ? extensions.code : 'INTERNAL';
    const message = typeof first.message === 'string' ? first.message : 'Request failed';
    const error = new ApiError(code, message, extensions);
    if (code === 'UNAUTHENTICATED') for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
  if (body.data == null) throw new ApiError('BAD_RESPONSE', 'The server answered without data');
  return body.data;
}
