import { Workbook, type CellValue, type Worksheet } from "exceljs";
import { markerText, templateLayouts, TEMPLATE_HEADER_ROW, YEARS } from "../../core";
import { writeLayouts } from "../new-workbook/workbook-file";
import type { Random } from "./random";
import { randomSheetName, randomText, randomValue } from "./values";

/** Workbooks built or changed through exceljs: the real template mutated, messy sheets, huge sheets, no sheets. */

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

export async function toBytes(workbook: Workbook): Promise<Buffer> {
  workbook.created = workbook.modified = FIXED_DATE;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template `coma template` writes, through the same adapter. */
export async function templateBytes(): Promise<Buffer> {
  const workbook = new Workbook();
  writeLayouts(workbook, templateLayouts());
  return toBytes(workbook);
}

async function load(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

type Mutation = (random: Random, workbook: Workbook, sheet: Worksheet) => void;

const HEADER = TEMPLATE_HEADER_ROW;
const MUTATIONS: [number, Mutation][] = [
  [12, (r, _, s) => (s.getCell(r.int(1, 70), r.int(1, 15)).value = randomValue(r))],
  [
    4,
    (r, _, s) =>
      (s.getCell(HEADER, r.int(1, 14)).value = r.chance(0.5)
        ? randomValue(r)
        : r.pick(["Ma chi tieu", "MÃ SỐ", "Nội dung", "Mục tiêu", "Chỉ tiêu 2030", "Năm 2026", 2025, 2031, "Thực hiện"])),
  ],
  [3, (r, _, s) => s.mergeCells(r.int(1, HEADER + 1), r.int(1, 13), r.int(HEADER, HEADER + 3), r.int(1, 14))],
  [1, (r, _, s) => (s.getRow(r.int(1, 70)).hidden = true)],
  [1, (r, w) => (r.pick(w.worksheets).state = r.pick(["hidden", "veryHidden"] as const))],
  [1, (r, w) => w.removeWorksheet(r.pick(w.worksheets).id)],
  [1, (r, w, s) => copyRows(r, w.addWorksheet(randomSheetName(r)), s)],
  [1, (r, _, s) => (s.name = randomSheetName(r))],
  [1, (r, _, s) => (s.getCell(1, r.int(1, 20)).value = markerText(r.pick([2025, 2027, 2030])))],
  [1, (r, _, s) => s.spliceRows(r.int(1, 60), r.int(0, 5), ...Array.from({ length: r.int(0, 3) }, () => [randomValue(r), randomValue(r)]))],
  [1, (r, _, s) => (s.getCell(r.int(HEADER, 60), r.int(6, 12)).numFmt = r.pick(["0.0%", "0%", "@", "#,##0", "dd/mm/yyyy", '"%"0']))],
  [1, (r, _, s) => s.addRow((s.getRow(r.int(HEADER + 1, 50)).values as unknown[]).slice(1))], // a duplicated code
  [1, (r, _, s) => fillColumn(r, s, r.int(6, 12))],
  [1, (r, _, s) => (s.getCell(r.int(1, 70), r.int(1, 15)).value = { formula: "ROW()", result: { error: "#REF!" } } as never)],
];

/** The template with 1 … 8 random changes. A change exceljs itself refuses is skipped. */
export async function mutatedTemplate(random: Random, template: Buffer): Promise<Workbook> {
  const workbook = await load(template);
  for (let i = random.int(1, 8); i > 0; i--) {
    const sheet = workbook.worksheets.length > 0 ? random.pick(workbook.worksheets) : workbook.addWorksheet("S");
    const mutate = random.weighted(MUTATIONS);
    try {
      mutate(random, workbook, random.chance(0.7) ? (workbook.worksheets[0] ?? sheet) : sheet);
    } catch {
      // exceljs refused (overlapping merge, duplicate name): not what is under test
    }
  }
  return workbook;
}

function copyRows(random: Random, to: Worksheet, from: Worksheet): void {
  for (let r = 1, n = random.int(1, 30); r <= n; r++) to.addRow((from.getRow(r).values as unknown[]).slice(1));
}

function fillColumn(random: Random, sheet: Worksheet, column: number): void {
  for (let r = HEADER + 1; r <= 60; r++) sheet.getCell(r, column).value = randomValue(random);
}

const HEADERS: string[][] = [
  ["Mã", "Ma", "Mã số", "Ma chi tieu", "MÃ CT", "Ký hiệu"],
  ["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "noi dung chi tieu"],
  ["Mục tiêu 2030", "Muc tieu", "Chỉ tiêu 2030", "Nghị quyết 2030", "Kế hoạch 2030"],
  ["ĐVT", "Đơn vị tính", "D.V.T"],
  ["Cách tính", "Phương pháp tính"],
  ["Cơ sở 2025", "Co so", "Năm 2025", "Kết quả nhiệm kỳ 2020-2025"],
  ["Nhóm", "Lĩnh vực"],
  ["Ghi chú"],
];

/** A workbook an official might have typed: titles, merged headings, shuffled synonym headers, odd rows. */
export function messyWorkbook(random: Random): Workbook {
  const workbook = new Workbook();
  for (let s = random.int(0, 4); s > 0; s--) {
    let sheet: Worksheet;
    try {
      sheet = workbook.addWorksheet(randomSheetName(random));
    } catch {
      continue;
    }
    const titles = random.int(0, 5);
    for (let t = 1; t <= titles; t++) sheet.getCell(t, 1).value = randomText(random);
    if (titles > 0 && random.chance(0.5)) tryMerge(sheet, 1, 1, 1, random.int(2, 12));
    const columns = HEADERS.filter((_, i) => i < 3 || random.chance(0.6)).map((words) => random.pick(words));
    const years = YEARS.filter(() => random.chance(0.7));
    const header = [...columns, ...years.map((y) => (random.chance(0.5) ? y : `Năm ${y}`))];
    if (random.chance(0.8)) shuffle(random, header);
    const row = titles + 1 + random.int(0, 2);
    header.forEach((h, c) => (sheet.getCell(row, c + 1).value = random.chance(0.05) ? randomValue(random) : h));
    for (let r = row + 1, n = row + random.int(0, 60); r <= n; r++) {
      if (random.chance(0.1)) continue; // blank row
      for (let c = 1; c <= header.length + random.int(0, 2); c++) sheet.getCell(r, c).value = cellFor(random, header[c - 1], r);
    }
    if (random.chance(0.3)) tryMerge(sheet, row, 1, row + 1, random.int(1, header.length));
  }
  return workbook;
}

function cellFor(random: Random, header: string | number | undefined, r: number): CellValue {
  if (random.chance(0.15)) return randomValue(random);
  const text = String(header ?? "");
  if (/^M/.test(text) && !/Mục|Muc/.test(text))
    return `${random.pick(["KT", "XH", "XD"])}${random.int(1, 13)}${random.chance(0.3) ? `.${random.int(1, 3)}` : ""}`;
  if (/Mục|Muc|2030|Nghị|Kế/.test(text))
    return random.pick(["≥ 90%", "trên 2.800", "dưới 30", "7-8", "giảm tối thiểu 10%", 50, "100%", "từ 80 trở lên"]);
  if (/Cách|Phương/.test(text)) return random.pick(["Năm", "Cộng dồn", "Tăng bình quân", "Hằng năm", ""]);
  if (/ĐVT|Đơn|D\.V/.test(text)) return random.pick(["%", "ha", "hộ", "người", "triệu đồng"]);
  if (/20\d\d|Cơ|Co|Kết/.test(text))
    return random.chance(0.7) ? random.int(0, 5000) / random.pick([1, 10]) : random.pick(["3.265", "126,1 %", "1.5", ""]);
  return `${text} ${r}`;
}

/** The template with 10,000 more coded rows: the size a district batch might reach. */
export async function hugeWorkbook(random: Random, template: Buffer): Promise<Workbook> {
  const workbook = await load(template);
  const sheet = workbook.worksheets[0];
  for (let i = 0; i < 10_000; i++) {
    const code = `${random.pick(["KT", "XH", "XD"])}${100 + i}`;
    sheet.addRow([
      code,
      `Chỉ tiêu ${i}`,
      null,
      "%",
      random.pick(["Năm", "Cộng dồn"]),
      random.int(0, 100),
      random.pick(["≥ 50", "dưới 30", "7-8"]),
      random.int(0, 100),
      random.chance(0.1) ? "1.5" : random.int(0, 100),
    ]);
  }
  return workbook;
}

export function emptyWorkbook(random: Random): Workbook {
  const workbook = new Workbook();
  if (random.chance(0.5)) workbook.addWorksheet("Sheet1");
  return workbook;
}

function tryMerge(sheet: Worksheet, top: number, left: number, bottom: number, right: number): void {
  try {
    sheet.mergeCells(top, left, bottom, right);
  } catch {
    // overlapping merge: exceljs refuses, Excel would too
  }
}

function shuffle<T>(random: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
}
