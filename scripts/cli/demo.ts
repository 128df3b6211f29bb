import * as fs from "node:fs";
import * as path from "node:path";
import { BASE_YEAR } from "../../core";
import { LABELS } from "./messages";
import { detailTable, groupTable } from "./report";
import { letterheadDate, summarizeFile, TEMPLATE_FILE, validateFile, writeTemplate } from "./commands";

/**
 * `npm run demo`: template → validate → summary for 2025 (the starting position against the 2030 targets),
 * every file in out/, then the 25 targets and their status in the terminal.
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
  say(detailTable(summary.model.rows.filter((r) => !r.code.includes(".")), summary.json.year));
}

function writeJson(file: string, data: unknown): string {
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

demo().catch((error: unknown) => {
  process.stderr.write(`${LABELS.demoFailed(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
});
