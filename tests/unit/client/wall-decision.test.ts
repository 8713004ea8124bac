import { describe, expect, it } from 'vitest';
import { decidedBy } from '../../../client/src/wall/decision.ts';

const rep = { id: 'u1', name: 'Rita Rep' };
const ops = { id: 'u2', name: 'Otto Ops' };
const boss = { id: 'u3', name: 'Paula Plant' };
const co = (status: string, history: [string, typeof rep | null][]) =>
  ({ status, proposer: rep, history: history.map(([action, actor]) => ({ action, actor })) }) as Parameters<typeof decidedBy>[0];

describe("the wall's 'decided by'", () => {
  it('says "within policy" only for a change no person decided', () => {
    expect(decidedBy(co('APPLIED', [['PROPOSED', rep], ['APPLIED', rep]]))).toEqual({ within: true, by: '' });
  });

  it('names the plant manager, not "within policy", for a change rejected, escalated, then approved and applied', () => {
    const history: [string, typeof rep | null][] = [['PROPOSED', rep], ['REJECTED', ops], ['ESCALATED', rep], ['APPROVED', boss], ['ALL_APPROVED', null], ['APPLIED', boss]];
    expect(decidedBy(co('APPLIED', history))).toEqual({ within: false, by: 'Paula Plant' });
  });

  it('names who rejected a change, and the proposer of a withdrawn one', () => {
    expect(decidedBy(co('REJECTED', [['PROPOSED', rep], ['REJECTED', ops]]))).toEqual({ within: false, by: 'Otto Ops' });
    expect(decidedBy(co('WITHDRAWN', [['PROPOSED', rep], ['WITHDRAWN', rep]]))).toEqual({ within: false, by: 'Rita Rep' });
  });

  it('never says "within policy" for an escalated change, even when nobody has decided it since', () => {
    expect(decidedBy(co('APPLIED', [['PROPOSED', rep], ['SLA_ESCALATED', null], ['APPLIED', null]])).within).toBe(false);
  });
});
