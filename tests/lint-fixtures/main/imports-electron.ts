// Electron outside main/electron/: the core would no longer run under the bridge or the CLI.
import { app } from 'electron';

export const version = app.getVersion();
