import { useState } from 'react';

/**
 * State that survives leaving the screen and coming back in the same window (the chosen plan, the
 * distributor whose sheet is open, the tab), so a manager moving between screens does not pick again.
 */
export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const storageKey = `planner.remember.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(storageKey);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const set = (next: T) => {
    setValue(next);
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // storage full or blocked: the value still holds for this visit
    }
  };
  return [value, set];
}
