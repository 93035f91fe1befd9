import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Flushes a file's bytes to the disk, so a rename that follows never exposes a file still in the cache. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a folder's entries, which makes a rename in it durable across a power cut. Windows cannot
 * open a folder for this (its renames are journalled by NTFS), so there the call does nothing.
 */
export function fsyncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: nothing to do there.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Moves a finished temporary file to its name: the name then holds either nothing or the whole file. */
export function publishFile(temporary: string, final: string): void {
  fsyncFile(temporary);
  renameSync(temporary, final);
  fsyncFolder(dirname(final));
}

/** Writes a small file whole or not at all (written beside, flushed, renamed over). */
export function writeFileAtomically(file: string, data: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, data);
  publishFile(temporary, file);
}
