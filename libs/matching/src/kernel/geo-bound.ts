import { geoFromChord2 } from '../pair-math';

/**
 * Upper bounds of geo proximity by squared chord (0 to 4 between unit vectors): entry b
 * holds the proximity at the bucket's near edge, b / GEO_BUCKETS_PER_CHORD2.
 */
export const GEO_BUCKETS_PER_CHORD2 = 1024;
export const GEO_BOUND = Float64Array.from({ length: 4 * GEO_BUCKETS_PER_CHORD2 + 2 }, (_, b) => geoFromChord2(b / GEO_BUCKETS_PER_CHORD2));
