import type { IpcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/contract/index.js';
import type { ApiResult } from '../../shared/contract/result.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { isTrustedSender } from './security.js';

export const CHANNEL_PREFIX = 'planner:';

/**
 * One `ipcMain.handle` per contract method. The sender is checked before anything else and the
 * input is validated by the same `dispatch` the bridge uses.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, ctx: ServiceContext): string[] {
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = `${CHANNEL_PREFIX}${method}`;
    ipcMain.handle(channel, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Refused: not the planner window' } };
      return dispatch(ctx, method, input);
    });
    channels.push(channel);
  }
  return channels;
}
