// The one folder that may import electron.
import { app } from 'electron';
import { openDatabase } from '../../../../main/db/open.js';

export const start = () => app.whenReady().then(() => openDatabase(':memory:'));
