import { describe, expect, it } from 'vitest';
import { SerializedJson, serializedOnce, stringifyResult } from '../../../server/src/graphql/serialized-json.ts';

describe('results with JSON serialized once', () => {
  it('writes each shared value as its JSON, wherever and however often it appears', () => {
    const ids = ['a"1', 'b\\2', 'c\u00003'];
    const minutes = [0, -5, 1.5];
    const plain = { data: { board: { ids, minutes, again: ids, name: 'x"y' } }, errors: [{ message: 'ok' }] };
    const shared = { data: { board: { ids: serializedOnce(ids), minutes: serializedOnce(minutes), again: serializedOnce(ids), name: 'x"y' } }, errors: [{ message: 'ok' }] };
    expect(stringifyResult(shared)).toBe(JSON.stringify(plain));
    expect(JSON.parse(stringifyResult(shared))).toEqual(plain);
  });

  it('serializes a value once while it lives, and leaves results without shared values alone', () => {
    const column = [1, 2, 3];
    expect(serializedOnce(column)).toBe(serializedOnce(column));
    expect(serializedOnce([1, 2, 3])).not.toBe(serializedOnce(column));
    expect(stringifyResult({ a: [1], b: null })).toBe('{"a":[1],"b":null}');
  });

  it('never replaces a stored string that imitates a token', () => {
    const real = JSON.stringify(new SerializedJson([1])); // the token, with this process's nonce
    const forged = real.replace(/[0-9a-f]{24}/, '0'.repeat(24));
    expect(stringifyResult({ name: JSON.parse(forged) as string })).toBe(`{"name":${forged}}`);
  });
});
