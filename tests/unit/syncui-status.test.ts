import { describe, expect, it } from 'vitest';
import { describeSyncStatus, formatSyncTime, type SyncStatusView } from '../../renderer/sync/describe.js';
import { connectProblem } from '../../renderer/sync/errors.js';

const now = new Date(2026, 11, 1, 15, 30);
const base: SyncStatusView = { state: 'synced', pending: 0, offlineSince: null, lastSyncAt: null, refusals: 0 };
const at = (h: number, m: number, day = 1) => new Date(2026, 11, day, h, m).toISOString();

describe('the shell sync indicator', () => {
  it('shows nothing on a solo desktop', () => {
    expect(describeSyncStatus({ ...base, state: 'solo' }, 'en', now).key).toBeNull();
  });

  it('says when it last synced, as a clock time today and with the date before', () => {
    expect(describeSyncStatus({ ...base, lastSyncAt: at(10, 42) }, 'en', now)).toMatchObject({
      key: 'indicator.syncedAt',
      values: { time: '10:42 AM' },
      tone: 'green',
    });
    expect(formatSyncTime(at(10, 42), 'ru', now)).toBe('10:42');
    expect(formatSyncTime(at(10, 42, 28), 'en', now)).not.toBe(formatSyncTime(at(10, 42), 'en', now));
    expect(formatSyncTime(at(10, 42, 28), 'en', now)).toContain('12/28');
  });

  it('counts the changes waiting, and keeps the count beside "offline since"', () => {
    expect(describeSyncStatus({ ...base, state: 'pending', pending: 3 }, 'en', now)).toMatchObject({
      key: 'indicator.pending',
      values: { count: 3 },
      tone: 'amber',
    });
    const offline = describeSyncStatus({ ...base, state: 'offline', pending: 2, offlineSince: at(9, 5) }, 'ru', now);
    expect(offline).toMatchObject({ key: 'indicator.offlineSince', values: { time: '9:05' }, tone: 'grey' });
    expect(offline.detail).toEqual({ key: 'indicator.waitingDetail', values: { count: 2 } });
    expect(describeSyncStatus({ ...base, state: 'offline' }, 'en', now)).toMatchObject({ key: 'indicator.offline', detail: null });
  });

  it('puts a refused change first, whatever else is going on', () => {
    expect(describeSyncStatus({ ...base, state: 'refused', refusals: 2 }, 'en', now)).toMatchObject({
      key: 'indicator.refused',
      values: { count: 2 },
      tone: 'red',
    });
    expect(describeSyncStatus({ ...base, state: 'offline', refusals: 1, pending: 4 }, 'en', now)).toMatchObject({
      key: 'indicator.refused',
      detail: { values: { count: 4 } },
    });
    expect(describeSyncStatus({ ...base, state: 'syncing' }, 'en', now)).toMatchObject({ key: 'indicator.syncing', tone: 'blue' });
  });
});

describe('connect failures, as the person needs to hear them', () => {
  it('tells the field-marked kinds apart', () => {
    expect(connectProblem({ code: 'busy', message: 'x', issues: [{ path: 'serverUrl', message: 'x' }] })).toBe('unreachable');
    expect(connectProblem({ code: 'conflict', message: 'x', issues: [{ path: 'fingerprint', message: 'x' }] })).toBe('certificate');
    expect(connectProblem({ code: 'forbidden', message: 'x', issues: [{ path: 'password', message: 'x' }] })).toBe('credentials');
    expect(connectProblem({ code: 'busy', message: 'x', issues: [{ path: 'password', message: 'x' }] })).toBe('locked');
  });

  it('falls back to the words of an unmarked failure, and to the message itself', () => {
    expect(connectProblem({ code: 'internal', message: 'connect ECONNREFUSED 127.0.0.1:9' })).toBe('unreachable');
    expect(connectProblem({ code: 'forbidden', message: 'The certificate changed since it was pinned' })).toBe('certificate');
    expect(connectProblem({ code: 'forbidden', message: 'Too many failed sign-ins; try again at 10:50' })).toBe('locked');
    expect(connectProblem({ code: 'forbidden', message: 'Wrong code or password' })).toBe('credentials');
    expect(connectProblem({ code: 'internal', message: 'disk full' })).toBe('other');
  });
});

describe('a first sync that failed and is retried', () => {
  it('keeps saying syncing, and adds that the last attempt failed', () => {
    expect(describeSyncStatus({ ...base, state: 'syncing', lastError: 'Server unreachable' }, 'en', now)).toMatchObject({
      key: 'indicator.syncing',
      detail: { key: 'indicator.retrying' },
    });
  });
});
