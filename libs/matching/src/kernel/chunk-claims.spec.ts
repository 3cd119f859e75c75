import fc from 'fast-check';

import { chunkClaims, claimChunk } from './chunk-claims';

describe('chunk claims', () => {
  it('hands out every chunk exactly once, whichever ends the claims come from, then -1', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.array(fc.boolean(), { maxLength: 80 }), (chunks, ends) => {
        const claims = chunkClaims(chunks);
        const claimed: number[] = [];
        for (const fromBack of ends) {
          const chunk = claimChunk(claims, fromBack);
          if (chunk >= 0) claimed.push(chunk);
        }
        while (claimed.length < chunks) claimed.push(claimChunk(claims));
        expect([...claimed].sort((a, b) => a - b)).toEqual(Array.from({ length: chunks }, (_, c) => c));
        expect(claimChunk(claims)).toBe(-1);
        expect(claimChunk(claims, true)).toBe(-1);
      }),
    );
  });

  it('gives the front chunks in order from the front and the back ones from the back', () => {
    const claims = chunkClaims(5);
    expect([claimChunk(claims), claimChunk(claims, true), claimChunk(claims), claimChunk(claims, true)]).toEqual([0, 4, 1, 3]);
    expect(claimChunk(claims, true)).toBe(2);
    expect(claimChunk(claims)).toBe(-1);
  });
});
