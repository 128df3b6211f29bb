import { Workbook } from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateLayouts } from "../../core";
import { removeStaleTemporaries, writeFileAtomically, type WriteCalls } from "../../scripts/cli/atomic-write";
import { writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { runCli } from "./run-cli";

/**
 * Nothing lost on a full disk: the file is written whole or not at all, the earlier file stays byte for byte, no
 * temporary file is left, and a run killed mid-write leaves a temporary that the next run removes.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-atomic-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EARLIER = Buffer.from("the earlier good report, which a failed write must leave as it is");
const DATA = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));

/** Files of `folder` other than `keep`: what a failed write left behind. */
const leftovers = (folder: string, ...keep: string[]) => fs.readdirSync(folder).filter((name) => !keep.includes(name));

/** writeSync that writes at most `chunk` bytes per call, then fails as a full disk does once `room` is used up. */
function fillingDisk(room: number, chunk: number): WriteCalls & { written: number } {
  const calls = {
    written: 0,
    writeSync(fd: number, data: Uint8Array, offset: number, length: number): number {
      const take = Math.min(length, chunk, room - calls.written);
      if (take === 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      calls.written += take;
      return fs.writeSync(fd, data, offset, take);
    },
  };
  return calls;
}

describe("writeFileAtomically", () => {
  it("should write every byte when the system writes a little at a time", () => {
    const target = path.join(dir, "chunks.xlsx");
    writeFileAtomically(target, DATA, fillingDisk(Infinity, 7)); // 1000 bytes in 143 writes of at most 7
    expect(fs.readFileSync(target).equals(Buffer.from(DATA))).toBe(true);
    expect(leftovers(dir, "chunks.xlsx")).toEqual([]);
  });

  it("should fail and leave the earlier file and no temporary when the disk fills part way", () => {
    const target = path.join(dir, "full.xlsx");
    fs.writeFileSync(target, EARLIER);
    const disk = fillingDisk(600, 256); // writes of 256, 256, 88 bytes, then ENOSPC with 400 bytes still to go
    expect(() => writeFileAtomically(target, DATA, disk)).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    expect(disk.written).toBe(600);
    expect(fs.readFileSync(target).equals(EARLIER)).toBe(true);
    expect(leftovers(dir, "chunks.xlsx", "full.xlsx")).toEqual([]);
  });

  it("should fail when a write makes no progress instead of looping or keeping a short file", () => {
    const target = path.join(dir, "stuck.xlsx");
    fs.writeFileSync(target, EARLIER);
    const stuck: WriteCalls = { writeSync: (fd, data, offset, length) => (offset === 0 ? fs.writeSync(fd, data, 0, length / 2) : 0) };
    expect(() => writeFileAtomically(target, DATA, stuck)).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    expect(fs.readFileSync(target).equals(EARLIER)).toBe(true);
    expect(leftovers(dir, "chunks.xlsx", "full.xlsx", "stuck.xlsx")).toEqual([]);
  });
});

describe("temporaries left by a killed run", () => {
  it("should remove only COMA's temporaries whose process is gone", () => {
    const folder = fs.mkdtempSync(path.join(dir, "stale-"));
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!; // exited: its pid names no live process
    const names = [
      `.tong-hop.xlsx.${gone}.0a1b2c3d.tmp`, // a killed run's: removed
      `.tong-hop.xlsx.${process.pid}.0a1b2c3d.tmp`, // a live process's write in progress: kept
      `.ghi-chu.${gone}.tmp`, // not COMA's naming: kept
      `tong-hop.xlsx.${gone}.0a1b2c3d.tmp`, // not hidden, so not COMA's: kept
    ];
    for (const name of names) fs.writeFileSync(path.join(folder, name), "x");
    removeStaleTemporaries(folder);
    expect(fs.readdirSync(folder).sort()).toEqual(names.slice(1).sort());
  });

  it("should be cleaned by the next write into the folder", () => {
    const folder = fs.mkdtempSync(path.join(dir, "next-"));
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    fs.writeFileSync(path.join(folder, `.bao-cao.xlsx.${gone}.ffee0011.tmp`), "half a zip");
    writeFileAtomically(path.join(folder, "bao-cao.xlsx"), DATA);
    expect(fs.readdirSync(folder)).toEqual(["bao-cao.xlsx"]);
  });
});

/** A 64 KB tmpfs, only where this process may mount one (root, or a namespace that allows it). */
function smallDisk(): string | null {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return null;
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), "coma-full-disk-"));
  const result = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount], { stdio: "ignore" });
  if (result.status === 0) return mount;
  fs.rmdirSync(mount);
  return null;
}

const disk = smallDisk();
afterAll(() => {
  if (!disk) return;
  execFileSync("umount", [disk]);
  fs.rmdirSync(disk);
});

describe.skipIf(disk === null)("coma summary on a nearly full disk (a real 64 KB tmpfs)", () => {
  it("should say in one sentence that the disk is full, exit 2, keep the earlier report and leave no temporary", async () => {
    const input = path.join(dir, "xa.xlsx");
    const workbook = new Workbook();
    writeLayouts(workbook, templateLayouts());
    await workbook.xlsx.writeFile(input);
    const good = path.join(dir, "good.xlsx");
    expect((await runCli(["summary", input, "-o", good, "--year", "2027"])).code).toBe(0);
    const out = path.join(disk!, "tong-hop.xlsx");
    fs.copyFileSync(good, out);
    const earlier = fs.readFileSync(out);
    // Fill the disk to 16 KB free (tmpfs counts 4 KB pages): less than the new report (it is as large as `good`).
    const free = () => fs.statfsSync(disk!).bavail * fs.statfsSync(disk!).bsize;
    fs.writeFileSync(path.join(disk!, "filler"), Buffer.alloc(free() - 16 * 1024));
    expect(free()).toBe(16 * 1024);
    expect(earlier.length).toBeGreaterThan(free());

    const run = await runCli(["summary", input, "-o", out, "--year", "2027"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`Không ghi được tệp “${out}” (ổ đĩa đã đầy).\n`);
    expect(fs.readFileSync(out).equals(earlier)).toBe(true);
    expect(leftovers(disk!, "tong-hop.xlsx", "filler")).toEqual([]);
  });
});
