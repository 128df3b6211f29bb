import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli/cli";

/**
 * Found by the fuzzer (npm run fuzz, seed 1, cases 184 and 3064): the summary must copy the source sheets
 * unchanged, emoji included. exceljs hands each XML part to JSZip as a string, and JSZip encodes it to UTF-8
 * 16 KiB at a time, so a character outside the BMP that straddles a block boundary becomes two U+FFFD.
 */
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-astral-"))));
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

async function summarise(source: Workbook, name: string): Promise<Workbook> {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}-out.xlsx`);
  await source.xlsx.writeFile(input);
  const mute = () => vi.fn(() => true) as unknown as typeof process.stdout.write;
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(mute()),
    vi.spyOn(process.stderr, "write").mockImplementation(mute()),
  ];
  try {
    expect(await main(["summary", input, "-o", output, "--year", "2027"])).toBe(0);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  const result = new Workbook();
  await result.xlsx.readFile(output);
  return result;
}

describe("text outside the Basic Multilingual Plane", () => {
  it("should reach the output unchanged wherever it falls in the file", async () => {
    const note = "Ghi chú 🙂 ".repeat(3000); // longer than one 16 KiB block, at every alignment below
    let checked = 0;
    for (let shift = 0; shift < 6; shift++) {
      const source = new Workbook();
      const sheet = source.addWorksheet("Chỉ tiêu");
      sheet.addRow(["Mã", "Chỉ tiêu", "Mục tiêu 2030", 2027, "Ghi chú"]);
      sheet.addRow(["KT1", "x".repeat(shift + 1), "≥ 5", 6, note]);
      // exceljs writes this source too, with the same flaw: only sources it wrote intact can test the CLI.
      const reread = new Workbook();
      await reread.xlsx.load((await source.xlsx.writeBuffer()) as ArrayBuffer);
      if (reread.worksheets[0].getCell("E2").value !== note) continue;
      checked++;
      const copy = (await summarise(source, `shift-${shift}`)).getWorksheet("Chỉ tiêu")!;
      expect(copy.getCell("E2").value === note, `shift ${shift}`).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
