import * as fs from "node:fs";
import * as path from "node:path";
import {
  CATALOGUE,
  message,
  planSummary,
  readWorkbook,
  summaryFileName,
  SUMMARY_FOOTER,
  templateLayouts,
  type Problem,
  type SummaryModel,
} from "../../core";
import { amendWorkbook, LIMITS, openWorkbook, placementGrids, WorkbookFileError, type OpenedWorkbook } from "../../workbook";
import { writeFileAtomically } from "./atomic-write";
import { inflateWithZlib } from "./node-zlib";
import { IndicatorJsonSchema, type IndicatorJson, type ProblemJson, type SummaryJson, type ValidateJson } from "./json-output";
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
  // exceljs builds new workbooks only, and takes a tenth of a second to load: validate and summary never load it.
  const { newWorkbook, saveWorkbook, writeLayouts } = await import("../new-workbook/workbook-file");
  const workbook = newWorkbook();
  writeLayouts(workbook, templateLayouts());
  await writing(output, () => saveWorkbook(workbook, output));
  const notes = CATALOGUE.filter((e) => e.reportConflict).map((e) => ({
    code: e.code,
    message: message({ rule: "report-conflict", params: { note: e.notes[0] } }),
  }));
  return { output, targets: countTargets(CATALOGUE), notes };
}

export interface ValidateResult {
  json: ValidateJson;
  /** Targets (codes without a dot, sub-metrics rolled up). */
  targets: number;
  exitCode: 0 | 1;
}

export async function validateFile(file: string): Promise<ValidateResult> {
  const { grids } = readWorkbookFile(file);
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

/** Writes FILE plus the summary sheet to a new file, exactly core's plan; the source is only read. */
export async function summarizeFile(file: string, options: SummaryOptions): Promise<SummaryResult> {
  const workbook = readWorkbookFile(file);
  const plan = planSummary(placementGrids(workbook), { year: options.year, date: options.date });
  if (plan === null) throw noSummary(workbook);
  const { model, placement, read } = plan;
  const output = options.output ?? defaultSummaryFile(file, model.year);
  if (isSameFile(file, output)) throw new CliError("output-is-input", { file });
  // fflate deflates the new parts here as in the page (the layer's default), so both write the same bytes.
  const bytes = refusals(file, () =>
    amendWorkbook(workbook, { layout: plan.layout, replaces: placement.replaces, footer: SUMMARY_FOOTER }),
  );
  await writing(output, () => writeFileAtomically(output, bytes));
  const problems = read.problems.map(problemJson);
  return {
    json: {
      file,
      year: model.year,
      output,
      headline: model.headline,
      problems: problems.length,
      indicators: model.rows.map(indicatorJson),
      groups: model.groups,
    },
    model,
    problems,
    sheet: placement.name,
    replaced: placement.replaces,
  };
}

/**
 * Why no summary is written (exit 1): each target sheet over the row limit by name, since its figures would be
 * missing; else no target sheet at all.
 */
function noSummary(workbook: OpenedWorkbook): StopError {
  const sheets = readWorkbook(workbook.grids).problems.flatMap((p) =>
    p.rule === "sheet-too-large" ? [{ sheet: p.sheet ?? "", ...p.params }] : [],
  );
  if (sheets.length === 0) return new StopError(message({ rule: "no-target-sheet", params: {} }), 1);
  return new CliError("sheet-too-large", { sheets }, 1);
}

/** The user's workbook read through the workbook-file layer, after the size check on the file itself. */
export function readWorkbookFile(file: string): OpenedWorkbook {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new CliError("is-directory", { file });
  // A device (/dev/zero) never ends and a FIFO blocks until someone writes: only a regular file is read.
  if (!stat.isFile()) throw new CliError("not-regular-file", { file });
  if (stat.size > LIMITS.fileBytes) throw new CliError("file-too-large", { file, size: stat.size, limit: LIMITS.fileBytes });
  const bytes = fs.readFileSync(file);
  return refusals(file, () => openWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { inflate: inflateWithZlib }));
}

/** The layer's refusals as the command line's sentences (exit 2). */
function refusals<T>(file: string, task: () => T): T {
  try {
    return task();
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.code, { file, ...error.params });
    throw error;
  }
}

/** The summary file beside the source, named as the page names its download (core's summaryFileName). */
export function defaultSummaryFile(file: string, year: number): string {
  return path.join(path.dirname(file), summaryFileName(path.basename(file), year));
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

export async function writing(output: string, write: () => unknown): Promise<void> {
  try {
    await write();
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

/** The fields the JSON promises, taken from the row by the schema's own keys. */
function indicatorJson(r: SummaryModel["rows"][number]): IndicatorJson {
  return Object.fromEntries(INDICATOR_KEYS.map((key) => [key, r[key]])) as IndicatorJson;
}

const INDICATOR_KEYS = Object.keys(IndicatorJsonSchema.shape) as (keyof IndicatorJson)[];

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
