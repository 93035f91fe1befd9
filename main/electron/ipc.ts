import type { IpcMain } from 'electron';
import { METHOD_NAMES } from '../../shared/contract/index.js';
import type { ApiResult } from '../../shared/contract/result.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { isTrustedSender } from './security.js';
import { withSession } from '../people/actor.js';
import type { SignedIn } from '../../shared/contract/people.js';

export const CHANNEL_PREFIX = 'planner:';

/**
 * One `ipcMain.handle` per contract method. The sender is checked before anything else and the
 * input is validated by the same `dispatch` the bridge uses. The window's signed-in person is kept
 * here, per sending page, so the renderer never carries (or forges) who is acting.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, ctx: ServiceContext): string[] {
  const channels: string[] = [];
  const sessions = new Map<number, string>();
  for (const method of METHOD_NAMES) {
    const channel = `${CHANNEL_PREFIX}${method}`;
    ipcMain.handle(channel, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'Refused: not the planner window' } };
      const sender = (event.sender as { id?: number } | undefined)?.id ?? 0;
      const result = await dispatch(withSession(ctx, sessions.get(sender)), method, input);
      if (result.ok && method === 'auth.signIn') sessions.set(sender, (result.value as SignedIn).session);
      if (method === 'auth.signOut') sessions.delete(sender);
      return result;
    });
    channels.push(channel);
  }
  return channels;
}
