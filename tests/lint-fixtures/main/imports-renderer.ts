// The core depending on the page.
import { api } from '../../../renderer/api/client.js';

export const client = api;
