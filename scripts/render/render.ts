import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fillSample } from "./sample-workbook";

/**
 * `npm run render`: the template and a 2027 summary as they print. Both are written by the command line, converted
 * to PDF by LibreOffice and to PNG by poppler, under test-results/render/:
 *   template.pdf, template-<n>.png   the template as `coma template` writes it
 *   xa-co-ma-2027.xlsx                a commune's workbook filled in through the template
 *   tong-hop-btv-2027.xlsx            `coma summary … --year 2027` of it
 *   summary.pdf, summary-<n>.png      the pages of the summary sheet only
 */

/** The repository: the folder of package.json above this file, run from source (tests) or from build/. */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const ROOT = repositoryRoot(__dirname);
export const RENDER_DIR = path.join(ROOT, "test-results", "render");
/** The date on the letterhead, for output that does not change from run to run. */
const TODAY = "2027-12-15";

export interface RenderResult {
  templatePdf: string;
  summaryPdf: string;
  pngs: string[];
}

export async function render(out = RENDER_DIR): Promise<RenderResult> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const template = path.join(out, "template.xlsx");
  coma("template", "-o", template);
  const workbook = path.join(out, "xa-co-ma-2027.xlsx");
  await fillSample(template, workbook);
  const summary = path.join(out, "tong-hop-btv-2027.xlsx");
  coma("summary", workbook, "--year", "2027", "-o", summary);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "coma-render-lo-"));
  try {
    toPdf([template, summary], out, profile);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const templatePdf = path.join(out, "template.pdf");
  const summaryPdf = path.join(out, "summary.pdf");
  summaryPagesOnly(path.join(out, "tong-hop-btv-2027.pdf"), summaryPdf, out);
  run("pdftoppm", ["-png", "-r", "60", templatePdf, path.join(out, "template")]);
  run("pdftoppm", ["-png", "-r", "60", summaryPdf, path.join(out, "summary")]);
  const pngs = fs
    .readdirSync(out)
    .filter((f) => f.endsWith(".png"))
    .sort()
    .map((f) => path.join(out, f));
  return { templatePdf, summaryPdf, pngs };
}

/**
 * The summary sheet of a workbook written by `coma summary`, printed: `<name>.pdf` and `<name>-<n>.png` in `out`
 * (pages of the other sheets left out). Answers the PNGs, in page order.
 */
export function printSummary(summary: string, out: string, name: string, resolution = 60): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "coma-render-lo-"));
  try {
    toPdf([summary], out, profile);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const printed = path.join(out, `${path.basename(summary, path.extname(summary))}.pdf`);
  const pdf = path.join(out, `${name}.pdf`);
  summaryPagesOnly(printed, pdf, out);
  run("pdftoppm", ["-png", "-r", String(resolution), pdf, path.join(out, name)]);
  return fs
    .readdirSync(out)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(out, f));
}

/** Runs the built command line (bin/coma.js) and fails on any exit status but 0. */
function coma(...args: string[]): void {
  run(process.execPath, [path.join(ROOT, "bin", "coma.js"), ...args], { ...process.env, COMA_TODAY: TODAY });
}

/**
 * LibreOffice in a profile of its own: it runs beside any other LibreOffice of the machine, and the cached values of
 * the HYPERLINK cells print as written (a fresh profile never recalculates .xlsx files on load).
 */
function toPdf(files: string[], out: string, profile: string): void {
  run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, ...files]);
}

/** The summary workbook holds the template's sheets too: keeps the pages from the one with the form's title on. */
function summaryPagesOnly(pdf: string, output: string, out: string): void {
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1] ?? 0);
  let first = 0;
  for (let page = 1; page <= pages && first === 0; page++) {
    const text = run("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"]);
    if (text.includes("-BC/ĐU")) first = page;
  }
  if (first === 0) throw new Error(`no page of ${pdf} holds the summary form`);
  const parts = Array.from({ length: pages - first + 1 }, (_, i) => path.join(out, `part-${first + i}.pdf`));
  parts.forEach((part, i) => run("pdfseparate", ["-f", String(first + i), "-l", String(first + i), pdf, part]));
  run("pdfunite", [...parts, output]);
  for (const part of parts) fs.rmSync(part);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 });
}

if (require.main === module) {
  render().then(
    (result) => process.stdout.write(`${[result.templatePdf, result.summaryPdf, ...result.pngs].join("\n")}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
