import * as fs from "node:fs";
import * as path from "node:path";

/** The system calls a write makes that can fail part way; tests replace `writeSync` to simulate a full disk. */
export interface WriteCalls {
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
}

/** `.NAME.<pid>.<8 hex>.tmp`: the temporary files of writeFileAtomically, and nothing else. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes the whole file or nothing: a temporary file in the target's folder (so that the rename stays on one
 * file system), every byte counted, flushed to disk, then renamed over the target. On any failure the target is
 * as it was and the temporary file is gone. Temporaries that a killed run left in that folder are removed first.
 */
export function writeFileAtomically(target: string, data: Uint8Array, calls: WriteCalls = fs): void {
  const folder = path.dirname(target);
  removeStaleTemporaries(folder);
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomHex()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, "wx");
    writeAll(fd, data, calls);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/**
 * Eight hex digits to tell apart two writes of one process; the file is opened exclusively ("wx"), so a clash fails
 * rather than shares. Not node:crypto, whose loading is a tenth of a short run.
 */
function randomHex(): string {
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
}

/** write(2) may write less than asked (a disk filling up): go on from where it stopped; no progress is an error. */
function writeAll(fd: number, data: Uint8Array, calls: WriteCalls): void {
  let offset = 0;
  while (offset < data.byteLength) {
    const written = calls.writeSync(fd, data, offset, data.byteLength - offset);
    if (!(written > 0)) throw Object.assign(new Error(`short write: ${offset} of ${data.byteLength} bytes`), { code: "ENOSPC" });
    offset += written;
  }
}

/** The rename itself reaches the disk only with its folder; a file system that cannot sync a folder is left be. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, "r");
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory (EINVAL); the file itself is already on disk.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Removes COMA's temporaries in `folder` whose process is gone (a run killed mid-write); others' files are kept. */
export function removeStaleTemporaries(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // the write that follows reports the missing folder
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[2]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // Another user's leftover in a shared folder: not ours to force.
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
