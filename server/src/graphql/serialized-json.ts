import { randomBytes } from 'node:crypto';

/**
 * Large values that many responses share, serialized once.
 *
 * A packed board's columns (schema/board.graphql) are a few MB of JSON that stay the same for
 * every query of that range until the next board event (schedule/board.model.ts keeps them). The
 * column scalars return a `SerializedJson` for them; `JSON.stringify` writes it as a token, and
 * `stringifyResult` (Apollo's result serializer, app/apollo.ts) splices the text in. A cached board then
 * costs a small `JSON.stringify` and one string splice instead of serializing every column again.
 *
 * Tokens carry a random per-process nonce, so no string a user stored can look like one.
 */
const NONCE = `takt-json-${randomBytes(12).toString('hex')}`;
const TOKEN = new RegExp(`"${NONCE}:(\\d+)"`, 'g');

/** Live values by token id; entries go when their value is collected. */
const live = new Map<number, WeakRef<SerializedJson>>();
const collected = new FinalizationRegistry<number>((id) => live.delete(id));
const once = new WeakMap<object, SerializedJson>();
let nextId = 0;

export class SerializedJson {
  readonly text: string;
  readonly #token: string;

  constructor(value: unknown) {
    this.text = JSON.stringify(value);
    const id = nextId++;
    this.#token = `${NONCE}:${id}`;
    live.set(id, new WeakRef(this));
    collected.register(this, id);
  }

  /** What `JSON.stringify` writes in its place: the token `stringifyResult` replaces. */
  toJSON(): string {
    return this.#token;
  }
}

/** The serialized form of `value`, made on first use and shared while `value` lives. */
export function serializedOnce(value: object): SerializedJson {
  let serialized = once.get(value);
  if (!serialized) once.set(value, (serialized = new SerializedJson(value)));
  return serialized;
}

/** `JSON.stringify` with every `SerializedJson` written as its text. */
export function stringifyResult(value: unknown): string {
  const json = JSON.stringify(value);
  if (!json.includes(NONCE)) return json;
  // the values are reachable from `value` until this returns, so every token resolves
  return json.replace(TOKEN, (token, id: string) => live.get(Number(id))?.deref()?.text ?? token);
}
