import * as fs from "node:fs";
import * as path from "node:path";
import { Workbook } from "exceljs";
import { BASE_YEAR } from "../../core";
import { saveWorkbook, writeLayouts } from "../new-workbook/workbook-file";
import { SAMPLE_FILE } from "./sample-data";
import { sampleLayouts } from "./sample-workbook";
import { LABELS } from "./messages";
import { detailTable, groupTable } from "./report";
import { letterheadDate, summarizeFile, TEMPLATE_FILE, validateFile, writeTemplate } from "./commands";

/**
 * `npm run demo`: template → validate → summary for 2025 (the starting position against the 2030 targets),
 * every file in out/, then the 25 targets and their status in the terminal; then the same for a workbook of
 * illustrative 2026–2027 results (Số liệu minh họa), whose summary of 2027 shows the statuses of the term.
 */
async function demo(): Promise<void> {
  const out = "out";
  fs.mkdirSync(out, { recursive: true });
  const say = (text: string) => process.stdout.write(`${text}\n`);

  const template = await writeTemplate(path.join(out, TEMPLATE_FILE), { overwrite: true });
  say(LABELS.demoTemplate(template.output, template.targets));
  say(`   ${LABELS.conflicts(template.notes.map((n) => n.code))}`);

  const validation = await validateFile(template.output);
  const validateJson = writeJson(path.join(out, "validate.json"), validation.json);
  const errors = validation.json.problems.filter((p) => p.severity === "error").length;
  say(LABELS.demoValidate(errors, validation.json.problems.length - errors, validateJson));

  const summary = await summarizeFile(template.output, { year: BASE_YEAR, date: letterheadDate() });
  say(LABELS.demoSummary(summary.json.output, summary.sheet, writeJson(path.join(out, "summary.json"), summary.json)));
  say("");
  say(summary.json.headline);
  say("");
  say(groupTable(summary.model));
  say("");
  say(
    detailTable(
      summary.model.rows.filter((r) => !r.code.includes(".")),
      summary.json.year,
    ),
  );

  await sampleRun(out, say);
}

/** The second run: a workbook with illustrative 2026–2027 results, so that every status of the term shows. */
async function sampleRun(out: string, say: (text: string) => void): Promise<void> {
  const file = path.join(out, SAMPLE_FILE);
  const workbook = new Workbook();
  workbook.creator = "COMA";
  writeLayouts(workbook, sampleLayouts());
  await saveWorkbook(workbook, file);
  const summary = await summarizeFile(file, { date: letterheadDate() });
  say("");
  say(LABELS.demoSampleHeading());
  say(LABELS.demoSample(file, summary.json.output, writeJson(path.join(out, "summary-so-lieu-minh-hoa.json"), summary.json)));
  say("");
  say(summary.json.headline);
  if (summary.model.planHeadline !== null) say(summary.model.planHeadline);
  say("");
  say(groupTable(summary.model));
  say("");
  say(
    detailTable(
      summary.model.rows.filter((r) => !r.isParent),
      summary.json.year,
    ),
  );
}

function writeJson(file: string, data: unknown): string {
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

demo().catch((error: unknown) => {
  process.stderr.write(`${LABELS.demoFailed(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
