import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGUE, message, planSummary, readWorkbook, templateLayouts, type Problem, type SummaryModel } from "../../core";
import { loadWorkbookFile, saveWorkbook, writeLayouts } from "../workbook/workbook-file";
import type { IndicatorJson, ProblemJson, SummaryJson, ValidateJson } from "./json-output";
import { CliError, StopError, UNKNOWN_WRITE_REASON, WRITE_REASONS } from "./messages";

/** The three jobs of the command line on one file each, returning what `--json` prints. */

export const TEMPLATE_FILE = "chi-tieu-co-ma-2025-2030.xlsx";

export interface TemplateResult {
  output: string;
  targets: number;
  /** The report-conflict notes of the catalogue, one per entry. */
  notes: { code: string; message: string }[];
}

export async function writeTemplate(output: string, { overwrite }: { overwrite: boolean }): Promise<TemplateResult> {
  if (!overwrite && fs.existsSync(output)) throw new CliError("template-exists", { file: output });
  const workbook = new Workbook();
  workbook.creator = "COMA";
  writeLayouts(workbook, templateLayouts());
  await save(workbook, output);
  const notes = CATALOGUE.filter((e) => e.reportConflict).map((e) => ({ code: e.code, message: message({ rule: "report-conflict", params: { note: e.notes[0] } }) }));
  return { output, targets: countTargets(CATALOGUE), notes };
}

export interface ValidateResult {
  json: ValidateJson;
  /** Targets (codes without a dot, sub-metrics rolled up). */
  targets: number;
  exitCode: 0 | 1;
}

export async function validateFile(file: string): Promise<ValidateResult> {
  const { grids } = await loadWorkbookFile(file);
  const read = readWorkbook(grids);
  const problems = read.problems.map(problemJson);
  const ok = !problems.some((p) => p.severity === "error");
  return {
    json: { file, ok, sheets: read.sheets, indicators: read.indicators.length, problems },
    targets: countTargets(read.indicators),
    exitCode: ok ? 0 : 1,
  };
}

export interface SummaryResult {
  json: SummaryJson;
  model: SummaryModel;
  problems: ProblemJson[];
  /** Name of the summary sheet written, and of the sheet COMA made earlier that it replaced. */
  sheet: string;
  replaced: string | null;
}

export interface SummaryOptions {
  year?: number;
  output?: string;
  date: Date;
}

/** Writes FILE plus the summary sheet to a new file; the source is only read. */
export async function summarizeFile(file: string, options: SummaryOptions): Promise<SummaryResult> {
  const { workbook, grids } = await loadWorkbookFile(file);
  const plan = planSummary(grids, { year: options.year, date: options.date });
  if (!plan) throw new StopError(message({ rule: "no-target-sheet", params: {} }), 1);
  const { read, model, placement, layout } = plan;
  const year = model.year;
  const output = options.output ?? defaultSummaryFile(file, year);
  if (isSameFile(file, output)) throw new CliError("output-is-input", { file });
  if (placement.replaces !== null) workbook.removeWorksheet(workbook.getWorksheet(placement.replaces)!.id);
  writeLayouts(workbook, [layout]);
  await save(workbook, output);
  const problems = read.problems.map(problemJson);
  return {
    json: { file, year, output, headline: model.headline, problems: problems.length, indicators: model.rows.map(indicatorJson), groups: model.groups },
    model,
    problems,
    sheet: placement.name,
    replaced: placement.replaces,
  };
}

/** `<name>-tong-hop-btv-<year>.xlsx` beside the source. */
export function defaultSummaryFile(file: string, year: number): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-tong-hop-btv-${year}.xlsx`);
}

/** True for one path, and for two names of one file (a hard link, or case on a case-insensitive disk). */
export function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

async function save(workbook: Workbook, output: string): Promise<void> {
  try {
    await saveWorkbook(workbook, output);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new CliError("write-failed", { file: output, reason: WRITE_REASONS[code] ?? UNKNOWN_WRITE_REASON });
  }
}

function countTargets(rows: readonly { code: string }[]): number {
  return new Set(rows.map((r) => r.code.split(".")[0])).size;
}

function problemJson(p: Problem): ProblemJson {
  return { severity: p.severity, sheet: p.sheet, cell: p.cell, code: p.code, message: p.message, rule: p.rule };
}

function indicatorJson(r: SummaryModel["rows"][number]): IndicatorJson {
  const { code, name, unit, method, baseline, target, plan, previous, value, actual, expected, attainment, planAttainment, progress, delta, change, status } = r;
  return { code, name, unit, method, baseline, target, plan, previous, value, actual, expected, attainment, planAttainment, progress, delta, change, status };
}

/** The date on the summary letterhead: today, or COMA_TODAY=YYYY-MM-DD for reproducible output. */
export function letterheadDate(env: NodeJS.ProcessEnv = process.env): Date {
  const text = env.COMA_TODAY;
  if (text === undefined || text === "") return new Date();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  if (!match || !date || date.getMonth() !== Number(match[2]) - 1 || date.getDate() !== Number(match[3])) {
    throw new CliError("bad-today", { text });
  }
  return date;
}
