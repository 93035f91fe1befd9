import { describe, expect, it } from 'vitest';
import { PAGE_CACHE_KIB, withPageCache } from '../../main/db/open.js';
import { createTestDb } from '../support/db.js';

const cacheSize = (db: ReturnType<typeof createTestDb>['db']) => db.pragma('cache_size', { simple: true }) as number;

describe('each connection’s page cache', () => {
  it('is 16 MB, raised only for a bulk write and given back afterwards, also when the write fails', () => {
    const { db } = createTestDb();
    expect(PAGE_CACHE_KIB).toBe(16 * 1024);
    expect(cacheSize(db)).toBe(-PAGE_CACHE_KIB);
    expect(withPageCache(db, 64 * 1024, () => cacheSize(db))).toBe(-64 * 1024);
    expect(cacheSize(db)).toBe(-PAGE_CACHE_KIB);
    expect(() =>
      withPageCache(db, 64 * 1024, () => {
        throw new Error('import refused');
      }),
    ).toThrow('import refused');
    expect(cacheSize(db)).toBe(-PAGE_CACHE_KIB);
  });
});
