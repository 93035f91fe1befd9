import { describe, expect, it } from 'vitest';
import { MEMO_LIMIT, memo, memoKeys } from '../../main/db/memo.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { adoptTableVersions, tableVersions } from '../../main/db/table-versions.js';
import { createTestDb } from '../support/db.js';

const regionCount = (db: ReturnType<typeof createTestDb>['db']) => db.prepare('SELECT count(*) FROM regions').pluck().get() as number;
const addRegion = (db: ReturnType<typeof createTestDb>['db'], code: string) =>
  db.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES (?, ?, '', '')").run(code, code);

describe('the cache of whole-network results', () => {
  it('drops a result as soon as a table it read changes, even when its key is never asked for again', () => {
    const { db } = createTestDb();
    memo(db, 'regions (old filter)', ['regions'], () => regionCount(db));
    memo(db, 'settings', ['settings'], () => 'kept');
    expect(memoKeys(db)).toEqual(['regions (old filter)', 'settings']);

    addRegion(db, 'W');
    // Any look at the versions (here: another result's) lets go of the stale one.
    expect(memo(db, 'settings', ['settings'], () => 'recomputed')).toBe('kept');
    expect(memoKeys(db)).toEqual(['settings']);
    // Asked for again, it is computed from the data as it is now.
    expect(memo(db, 'regions (old filter)', ['regions'], () => regionCount(db))).toBe(regionCount(db));

    // A write inside a transaction that rolls back: the result computed in it is never kept.
    expect(() =>
      db.transaction(() => {
        addRegion(db, 'X');
        expect(memo(db, 'inside', ['regions'], () => regionCount(db))).toBe(regionCount(db));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(memoKeys(db)).not.toContain('inside');
  });

  it('on the query thread’s connection, drops what the versions the main thread sends made stale', () => {
    const { db, path } = createTestDb();
    const reader = openDatabase(path, { readonly: true });
    try {
      adoptTableVersions(reader, tableVersions(db));
      memo(reader, 'regions', ['regions'], () => regionCount(reader));
      memo(reader, 'settings', ['settings'], () => 1);
      // The same versions again (an unrelated call): nothing dropped.
      adoptTableVersions(reader, tableVersions(db));
      expect(memoKeys(reader)).toEqual(['regions', 'settings']);
      addRegion(db, 'W');
      adoptTableVersions(reader, tableVersions(db));
      expect(memoKeys(reader)).toEqual(['settings']);
      expect(memo(reader, 'regions', ['regions'], () => regionCount(reader))).toBe(regionCount(db));
    } finally {
      closeDatabase(reader);
    }
  });

  it(`holds at most ${MEMO_LIMIT} results, drops the one looked at longest ago, and answers every key correctly`, () => {
    const { db } = createTestDb();
    let computed = 0;
    const look = (i: number) =>
      memo(db, `scope ${i}`, ['regions'], () => {
        computed++;
        return i * 10;
      });
    for (let i = 0; i < MEMO_LIMIT; i++) expect(look(i)).toBe(i * 10);
    expect(computed).toBe(MEMO_LIMIT);
    // Looked at again: the first becomes the most recent, so the second is the one to go.
    expect(look(0)).toBe(0);
    expect(look(MEMO_LIMIT)).toBe(MEMO_LIMIT * 10);
    expect(memoKeys(db)).toHaveLength(MEMO_LIMIT);
    expect(memoKeys(db)).toContain('scope 0');
    expect(memoKeys(db)).not.toContain('scope 1');
    expect(computed).toBe(MEMO_LIMIT + 1);
    // The dropped key is computed again, with the same answer; a kept key is not.
    expect(look(1)).toBe(10);
    expect(look(0)).toBe(0);
    expect(computed).toBe(MEMO_LIMIT + 2);
  });
});
