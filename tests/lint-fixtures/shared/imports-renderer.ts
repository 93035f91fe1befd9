import { api } from '../../../renderer/api/client.js';

export const client = api;
