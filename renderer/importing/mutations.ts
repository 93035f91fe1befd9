import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';

// An import runs as a background job (renderer/api/hooks.ts useJob), whose end refreshes every cached
// query: what it wrote is known only to it. These start and discard its steps as plain calls.

/** Reads an uploaded sheet into a preview (a job); nothing is written to the records. */
export const startImportPreview = (input: MethodInput<'import.previewStart'>) => api.call('import.previewStart', input);
/** Checks or commits a previewed import (a job); a commit writes all or nothing. */
export const startImport = (input: MethodInput<'import.start'>) => api.call('import.start', input);
/** Forgets a preview the person left; a failure is of no consequence (the server forgets it in time). */
export const discardImport = (importId: string) => {
  void api.call('import.discard', { importId }).catch(() => {});
};
