import { Workbook } from "exceljs";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { templateLayouts } from "../../core";
import { writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { openWorkbook } from "../../workbook";
import { deflateStoredZip } from "../../scripts/new-workbook/zip-deflate";

/** Each part of a zip by name: its method, and its content read through the central directory. */
function parts(zip: Buffer): Map<string, { method: number; content: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const found = new Map<string, { method: number; content: Buffer }>();
  for (let at = zip.readUInt32LE(end + 16), i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const name = zip.toString("utf8", at + 46, at + 46 + zip.readUInt16LE(at + 28));
    const method = zip.readUInt16LE(at + 10);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    found.set(name, { method, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return found;
}

const contents = (zip: Buffer) => [...parts(zip)].map(([name, part]) => [name, part.content.toString("utf8")]);

describe("deflating the zip exceljs stored", () => {
  it("should keep every part byte for byte, deflate the non-empty ones, and read back as the same workbook", async () => {
    const workbook = new Workbook();
    writeLayouts(workbook, templateLayouts());
    const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
    const deflated = deflateStoredZip(stored);

    expect(deflated.length).toBeLessThan(stored.length / 3);
    expect(contents(deflated)).toEqual(contents(stored));
    for (const [name, { method }] of parts(deflated)) expect([name, method]).toEqual([name, name.endsWith("/") ? 0 : 8]);
    expect(openWorkbook(deflated).grids).toEqual(openWorkbook(stored).grids);
  });

  it("should refuse a zip whose parts are already compressed", async () => {
    const workbook = new Workbook();
    writeLayouts(workbook, templateLayouts());
    const compressed = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(() => deflateStoredZip(compressed)).toThrow(/not plainly stored/);
  });
});
