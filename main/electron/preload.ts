import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAME_LIST } from '../../shared/contract/method-names.js';
import type { ApiResult } from '../../shared/contract/result.js';

const CHANNEL_PREFIX = 'planner:';
// Names only (generated from the contract): the preload stays a few kilobytes instead of bundling every schema.
const known = new Set<string>(METHOD_NAME_LIST);

/**
 * The page gets one frozen object that can call contract methods and nothing else: no ipcRenderer,
 * no event objects, no Node.
 */
export const plannerBridge = Object.freeze({
  door: 'electron' as const,
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string' || !known.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` } });
    }
    return ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input) as Promise<ApiResult<unknown>>;
  },
}) satisfies Readonly<{ door: 'electron'; invoke(method: string, input: unknown): Promise<ApiResult<unknown>> }>;

contextBridge.exposeInMainWorld('plannerBridge', plannerBridge);
