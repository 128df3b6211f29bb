import { Workbook, type Worksheet } from "exceljs";
import { parseTarget, type Target } from "../../core";

/**
 * A commune's workbook at the end of 2027, filled in through the template as an official would: most rows with
 * figures for 2026 and 2027, some ahead of the path to 2030 and some behind it, two rows not yet reported, one
 * #N/A left by a formula, one number typed as text, one percent typed as a fraction, one target edited by the office,
 * one target deleted from the sheet, and the baselines the report did not give added by the office.
 */
export async function fillSample(template: string, output: string): Promise<void> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(template);
  fill(workbook.worksheets[0]);
  await workbook.xlsx.writeFile(output);
}

/** Codes left blank for 2027, and the codes given a bad cell or a text number. */
const NOT_REPORTED = new Set(["KT6", "XH11"]);
const ERROR_CELL = "XH7";
const TEXT_NUMBER = "XH4";
/** A percent typed as a fraction (`0,41` for 41 %), a target the office changed, a target deleted from the sheet. */
const FRACTION = "XH10";
const EDITED_TARGETS: Record<string, string> = { XH3: "dưới 25%" };
const DELETED = "KT7";
/** How far along the path to 2030 each row stands in 2027, by its position: behind, on the path, ahead. */
const PACES = [0.3, 0.45, 0.55, 0.8];

function fill(sheet: Worksheet): void {
  const columns = headerColumns(sheet);
  let index = 0;
  sheet.eachRow((row) => {
    const code = String(row.getCell(columns.code).value ?? "");
    if (code === DELETED) {
      row.eachCell((cell) => (cell.value = null));
      return;
    }
    if (code in EDITED_TARGETS) row.getCell(columns.target).value = EDITED_TARGETS[code];
    const targetText = row.getCell(columns.target).value;
    if (!/^[A-Z]{2}\d/.test(code) || typeof targetText !== "string" || targetText === "") return;
    const parsed = parseTarget(targetText);
    if (!parsed.ok) return;
    const method = String(row.getCell(columns.method).value);
    const percent = row.getCell(columns.unit).value === "%";
    const baselineCell = row.getCell(columns.baseline);
    const baseline = typeof baselineCell.value === "number" ? baselineCell.value : startingPoint(parsed.target, percent);
    baselineCell.value = baseline;
    const pace = PACES[index++ % PACES.length];
    const [y2026, y2027] = figures(parsed.target, method, baseline, pace, percent);
    row.getCell(columns[2026]).value = y2026;
    row.getCell(columns[2027]).value = NOT_REPORTED.has(code) ? null : y2027;
    if (code === ERROR_CELL) row.getCell(columns[2027]).value = { error: "#N/A" };
    if (code === TEXT_NUMBER) row.getCell(columns[2027]).value = String(y2027).replace(".", ",");
    if (code === FRACTION) row.getCell(columns[2027]).value = String(Math.round(y2027) / 100).replace(".", ",");
  });
}

/** A baseline the office adds where the report gave none: short of the target, as a starting point is. */
function startingPoint(target: Target, percent: boolean): number {
  const goal = target.kind === "range" ? target.low : target.n;
  if (target.kind === "max") return round(goal * 1.4, percent);
  if (target.kind === "reduction") return 120;
  return round(goal * 0.7, percent);
}

/** The 2026 and 2027 figures of a row that has gone `pace` of the way from its baseline to the 2030 target. */
function figures(target: Target, method: string, baseline: number, pace: number, percent: boolean): [number, number] {
  if (method === "Tăng bình quân") {
    const rate = (target.kind === "range" ? target.low : target.n) * (pace + 0.5);
    const y2026 = baseline * (1 + rate / 100);
    return [round(y2026, false), round(y2026 * (1 + rate / 100), false)];
  }
  if (method === "Cộng dồn") {
    const goal = target.kind === "range" ? target.low : target.n;
    return [round((goal * pace) / 2, false), round((goal * pace) / 2, false)];
  }
  const goal =
    target.kind === "range" ? (target.low + target.high) / 2 : target.kind === "reduction" ? baseline * (1 - target.n / 100) : target.n;
  const at = (share: number) => round(baseline + (goal - baseline) * share, percent);
  return [at(pace / 2), at(pace)];
}

function round(value: number, percent: boolean): number {
  const rounded = Math.round(value * 10) / 10;
  return percent ? Math.min(rounded, 100) : rounded;
}

interface Columns {
  code: number;
  unit: number;
  method: number;
  baseline: number;
  target: number;
  2026: number;
  2027: number;
}

/** Columns of the template's header row, by their titles. */
function headerColumns(sheet: Worksheet): Columns {
  for (let r = 1; r <= 20; r++) {
    const titles = new Map<unknown, number>();
    sheet.getRow(r).eachCell((cell, column) => titles.set(cell.value, column));
    if (titles.has("Mã") && titles.has("Mục tiêu 2030")) {
      const at = (title: unknown) => titles.get(title)!;
      return {
        code: at("Mã"),
        unit: at("ĐVT"),
        method: at("Cách tính"),
        baseline: at("Cơ sở 2025"),
        target: at("Mục tiêu 2030"),
        2026: at(2026),
        2027: at(2027),
      };
    }
  }
  throw new Error("the template has no header row");
}
