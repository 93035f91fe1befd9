import { randomBytes } from 'node:crypto';

/**
 * Signed-in sessions of one database: a random key per window or tab, mapped to a person. Kept in
 * memory: restarting the app signs everyone out, which a local desktop expects. Shared by every door
 * that serves the same database file.
 */
export class Sessions {
  private readonly byKey = new Map<string, number>();

  open(personId: number): string {
    const key = randomBytes(24).toString('base64url');
    this.byKey.set(key, personId);
    return key;
  }

  personOf(key: string | undefined): number | undefined {
    return key ? this.byKey.get(key) : undefined;
  }

  close(key: string | undefined): void {
    if (key) this.byKey.delete(key);
  }

  /** A person archived or removed is signed out everywhere. */
  closeFor(personId: number): void {
    for (const [key, id] of this.byKey) if (id === personId) this.byKey.delete(key);
  }
}

const registry = new Map<string, Sessions>();

export function sessionsFor(databasePath: string): Sessions {
  let sessions = registry.get(databasePath);
  if (!sessions) {
    sessions = new Sessions();
    registry.set(databasePath, sessions);
  }
  return sessions;
}
