import fc from 'fast-check';
import { pairComponents } from './components';
import { StoredComponentsWriter } from './stored-components';
import { dataset } from '../test-support/arbitraries';

describe('StoredComponentsWriter', () => {
  it('writes exactly the components pairComponents gives, in the stored order', () => {
    fc.assert(
      fc.property(dataset(12), (members) => {
        const writer = new StoredComponentsWriter();
        const out = new Float64Array(7);
        for (const a of members) {
          for (const b of members) {
            if (a === b) continue;
            writer.write(a, b, out, 0);
            const { aFromB, bFromA } = pairComponents(a, b);
            expect([...out]).toEqual([
              aFromB.thematic,
              bFromA.thematic,
              aFromB.shared,
              bFromA.shared,
              aFromB.population,
              aFromB.geo,
              aFromB.language,
            ]);
          }
        }
      }),
    );
  });
});
