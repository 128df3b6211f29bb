import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "../support/built-cli";

/**
 * The installed command: bin/coma.js loads the bundle with the V8 code cache that the build made beside it, and
 * runs the same without it or with a cache that does not fit (another Node's).
 */
const ROOT = path.resolve(__dirname, "../..");
let dir: string;
let bin: string;
let cache: string;

beforeAll(() => {
  // Inside the project, so that the bundle finds exceljs in node_modules as an installed one does.
  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, "test-results", "bundle-"));
  buildCli(path.join(dir, "build", "cli"));
  fs.cpSync(path.join(ROOT, "bin"), path.join(dir, "bin"), { recursive: true });
  bin = path.join(dir, "bin", "coma.js");
  cache = path.join(dir, "build", "cli", "cli.js.cache");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const template = (name: string) => spawnSync(process.execPath, [bin, "template", "-o", path.join(dir, name)], { encoding: "utf8" });

describe("bin/coma.js and the code cache of the bundle", () => {
  it("should be pure ASCII, so that V8 holds the bundle as a one-byte string", () => {
    // A raw `đ` or `–` in a regular expression literal makes the whole source a two-byte string: write them as \u escapes.
    const source = fs.readFileSync(path.join(dir, "build", "cli", "cli.js"), "latin1");
    expect(source.match(/[\u0080-\u00FF]+/g) ?? []).toEqual([]);
  });

  it("should be built with its code cache, and run with it", () => {
    expect(fs.statSync(cache).size).toBeGreaterThan(0);
    const run = template("with-cache.xlsx");
    expect([run.status, run.stdout]).toEqual([0, `Đã ghi tệp mẫu ${path.join(dir, "with-cache.xlsx")} với 25 chỉ tiêu.\n`]);
  });

  it("should run the same with a cache that does not fit and without any", () => {
    fs.writeFileSync(cache, Buffer.from("not V8's code cache"));
    const foreign = template("foreign-cache.xlsx");
    fs.rmSync(cache);
    const none = template("no-cache.xlsx");
    expect([foreign.status, none.status]).toEqual([0, 0]);
    expect([foreign.stdout, none.stdout]).toEqual([
      `Đã ghi tệp mẫu ${path.join(dir, "foreign-cache.xlsx")} với 25 chỉ tiêu.\n`,
      `Đã ghi tệp mẫu ${path.join(dir, "no-cache.xlsx")} với 25 chỉ tiêu.\n`,
    ]);
  });
});
