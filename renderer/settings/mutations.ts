import { useApiMutation } from '../api/hooks.js';

// Saving a preference refreshes the session domain only (shared/contract/invalidates.ts).
export const useSavePreferences = () => useApiMutation('preferences.set');
