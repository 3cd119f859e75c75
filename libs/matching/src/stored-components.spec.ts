import fc from 'fast-check';
import { COMPONENTS, type ComponentKey } from './component-table';
import { pairComponents } from './components';
import { STORED_COMPONENTS, StoredComponentsWriter } from './stored-components';
import { dataset } from '../test-support/arbitraries';

describe('StoredComponentsWriter', () => {
  it('writes exactly the components pairComponents gives, in the stored order', () => {
    fc.assert(
      fc.property(dataset(12), (members) => {
        const writer = new StoredComponentsWriter();
        const out = new Float64Array(STORED_COMPONENTS.length);
        for (const a of members) {
          for (const b of members) {
            if (a === b) continue;
            writer.write(a, b, out, 0);
            const { aFromB, bFromA } = pairComponents(a, b);
            const expected = STORED_COMPONENTS.map((name) => {
              const back = name.endsWith('Back');
              return (back ? bFromA : aFromB)[name.replace(/Back$/, '') as ComponentKey];
            });
            expect([...out]).toEqual(expected);
          }
        }
      }),
    );
  });
});

describe('STORED_COMPONENTS', () => {
  it('keeps the stored layout: existing rows are read by position', () => {
    expect(STORED_COMPONENTS).toEqual(['thematic', 'thematicBack', 'shared', 'sharedBack', 'population', 'geo', 'language']);
  });

  it('has one position per stored component of the table, both ways for a directional one', () => {
    const stored = COMPONENTS.filter((c) => 'storedAt' in c);
    expect(STORED_COMPONENTS.length).toBe(stored.reduce((n, c) => n + (c.symmetric ? 1 : 2), 0));
    expect(new Set(STORED_COMPONENTS).size).toBe(STORED_COMPONENTS.length);
  });
});
