import type { TFunction } from 'i18next';
import type { EventConflict } from '../../shared/contract/events.js';

/** A scheduling conflict in the user's language: its kind worded with its figures (events:conflictKinds). */
export function conflictText(t: TFunction, c: Pick<EventConflict, 'kind' | 'params'> & { message?: string }): string {
  return t(`events:conflictKinds.${c.kind}`, { ...c.params, defaultValue: c.message ?? c.kind });
}

/** The conflicts a refused save listed (rule eventConflicts, a JSON list in its parameters); none when unreadable. */
export function refusedConflicts(params: Record<string, string | number> | undefined): Array<Pick<EventConflict, 'kind' | 'params'>> {
  try {
    const list = JSON.parse(String(params?.conflicts ?? '[]')) as unknown;
    return Array.isArray(list) ? (list as Array<Pick<EventConflict, 'kind' | 'params'>>) : [];
  } catch {
    return [];
  }
}
