import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli/cli";
import {
  addMacroModule,
  addWorksheet,
  contentType,
  readParts,
  relsOf,
  workbookPart,
  workbookRelated,
  writeParts,
  type Parts,
} from "../support/ooxml-package";
import { hasSoffice, openedByLibreOffice } from "../support/soffice";

/*
 * Real workbooks written by Excel, LibreOffice, openpyxl, Apache POI, ClosedXML, PhpSpreadsheet, WPS, Google Sheets
 * and others (test/fixtures/corpus/SOURCES.md), driven through the CLI only. LibreOffice's verdict on each file is
 * precomputed in libreoffice.json so that the fast tests need no LibreOffice; the slow ones re-check it.
 */
const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const verdicts = JSON.parse(fs.readFileSync(path.join(CORPUS, "libreoffice.json"), "utf8")) as { opens: Record<string, boolean> };
const corpusFiles = fs
  .readdirSync(CORPUS, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.xls[xm]$/.test(file))
  .map((file) => file.split(path.sep).join("/"))
  .sort();
const openedFiles = corpusFiles.filter((file) => verdicts.opens[file] === true);

let dir: string;
const today = process.env.COMA_TODAY;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-corpus-"));
  process.env.COMA_TODAY = "2027-12-15";
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (today === undefined) delete process.env.COMA_TODAY;
  else process.env.COMA_TODAY = today;
});

type Run = { code: number; stderr: string };

/** Runs `coma …` in this process, keeping what it prints off the test output. */
async function coma(...argv: string[]): Promise<Run> {
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    return { code: await main(argv), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** Why a run did not read its file: the CLI's sentence when it answered "unreadable" (exit 2), else null. */
const unreadable = (run: Run): string | null => (run.code === 2 ? run.stderr.trim() || "exit 2" : null);

/**
 * A small target sheet as an official keeps it (KT6's figures as in the template; KT1.2 a 60-million budget
 * target): the header `Mã | Chỉ tiêu | ĐVT | Cơ sở 2025 | Mục tiêu 2030 | 2026 | 2027` and two indicators.
 */
const TARGET_ROWS = [
  ["Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", "2026", "2027"],
  ["KT6", "Tỷ lệ che phủ rừng", "%", 52, "trên 50%", 53, 54],
  ["KT1.2", "Thu ngân sách trên địa bàn", "triệu đồng", 45, "60", 50, 56],
] as const;
const TARGET_SHEET = "Chỉ tiêu NQ";

/** Parts the summary may rewrite: the package's index, the workbook, its relationships, its styles, docProps. */
function rewritable(parts: Parts): Set<string> {
  const workbook = workbookPart(parts);
  const styles = workbookRelated(parts, "styles");
  return new Set(["[Content_Types].xml", workbook, relsOf(workbook), ...(styles === undefined ? [] : [styles])]);
}

/** The source parts the output lost or changed (uncompressed bytes compared), as `part: missing|changed`. */
function partsNotKept(input: Parts, output: Parts): string[] {
  const exempt = rewritable(input);
  return Object.keys(input)
    .filter((part) => !exempt.has(part) && !part.startsWith("docProps/") && !part.endsWith("/"))
    .flatMap((part) => {
      const kept = output[part];
      if (kept === undefined) return [`${part}: missing`];
      return Buffer.from(kept).equals(Buffer.from(input[part]!)) ? [] : [`${part}: changed`];
    });
}

const safeName = (file: string) => file.replace(/[/\\]/g, "__");

/** A copy of the corpus file with the target sheet added (made once, shared by the tests). */
function withTarget(file: string): string {
  const input = path.join(dir, `with-target__${safeName(file)}`);
  if (!fs.existsSync(input)) {
    const parts = readParts(fs.readFileSync(path.join(CORPUS, file)));
    addWorksheet(parts, TARGET_SHEET, TARGET_ROWS);
    fs.writeFileSync(input, writeParts(parts));
  }
  return input;
}

type Summarized = { input: string; output: string; run: Run };
const summaries = new Map<string, Promise<Summarized>>();

/** The corpus file with the target sheet added, summarized for 2027 (once per file, shared by the tests). */
function summarized(file: string): Promise<Summarized> {
  let done = summaries.get(file);
  if (done === undefined) {
    done = (async () => {
      const input = withTarget(file);
      const output = path.join(dir, `summary__${safeName(file)}`);
      return { input, output, run: await coma("summary", input, "-o", output, "--year", "2027") };
    })();
    summaries.set(file, done);
  }
  return done;
}

describe("a corpus of real workbooks", () => {
  it("should hold at least 60 files from at least 6 producers, all with a LibreOffice verdict", () => {
    const producers = new Set(corpusFiles.map((file) => file.split("/")[0]));
    expect(corpusFiles.length).toBeGreaterThanOrEqual(60);
    expect(producers.size).toBeGreaterThanOrEqual(6);
    expect(corpusFiles.filter((file) => !(file in verdicts.opens))).toEqual([]);
  });

  it.each(openedFiles)("should read %s, which LibreOffice opens (validate exits 0 or 1, never 2)", async (file) => {
    const run = await coma("validate", path.join(CORPUS, file), "--json");
    expect(unreadable(run)).toBeNull();
    expect([0, 1]).toContain(run.code);
  });

  it.each(openedFiles)("should summarize %s with a target sheet added, keeping every source part byte for byte", async (file) => {
    const { input, output, run } = await summarized(file);
    expect(unreadable(run)).toBeNull();
    expect(run.code).toBe(0);
    expect(partsNotKept(readParts(fs.readFileSync(input)), readParts(fs.readFileSync(output)))).toEqual([]);
  });
});

/**
 * One workbook with everything a Party office's file may carry: xlsx-populate's "preserve existing" template (saved
 * by Excel: a chart, a pivot table and its cache, comments, an image, data validation, conditional formats, a
 * table) made macro-enabled with the VBA project of XlsxWriter's macro01.xlsm (saved by Excel), plus the target sheet.
 */
const FEATURES = { workbook: "excel/preserve-existing-template.xlsx", macros: "excel/macro01.xlsm" };
let featuresDone: Promise<Summarized> | undefined;

/** The workbook with every feature, summarized for 2027 (once, shared by the tests). */
function featuresSummarized(): Promise<Summarized> {
  featuresDone ??= (async () => {
    const parts = readParts(fs.readFileSync(path.join(CORPUS, FEATURES.workbook)));
    const macros = readParts(fs.readFileSync(path.join(CORPUS, FEATURES.macros)));
    addMacroModule(parts, macros["xl/vbaProject.bin"]!);
    addWorksheet(parts, TARGET_SHEET, TARGET_ROWS);
    const input = path.join(dir, "features.xlsm");
    fs.writeFileSync(input, writeParts(parts));
    const output = path.join(dir, "features-summary.xlsm");
    return { input, output, run: await coma("summary", input, "-o", output, "--year", "2027") };
  })();
  return featuresDone;
}

describe("a workbook with a chart, a pivot table, comments, validation, conditional formats, an image and macros", () => {
  let input: Parts;
  let output: Parts;
  let run: Run;

  beforeAll(async () => {
    const done = await featuresSummarized();
    run = done.run;
    input = readParts(fs.readFileSync(done.input));
    output = fs.existsSync(done.output) ? readParts(fs.readFileSync(done.output)) : {};
  });

  const sheetsHolding = (parts: Parts, element: string) =>
    Object.keys(parts).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p) && Buffer.from(parts[p]!).includes(`<${element}`));
  const FEATURE_PARTS: [string, (parts: Parts) => string[]][] = [
    ["charts", (parts) => Object.keys(parts).filter((p) => p.startsWith("xl/charts/"))],
    ["pivot tables", (parts) => Object.keys(parts).filter((p) => p.startsWith("xl/pivotTables/"))],
    ["pivot caches", (parts) => Object.keys(parts).filter((p) => p.startsWith("xl/pivotCache/"))],
    ["comments", (parts) => Object.keys(parts).filter((p) => /^xl\/comments[^/]*\.xml$/.test(p))],
    ["drawings", (parts) => Object.keys(parts).filter((p) => p.startsWith("xl/drawings/"))],
    ["images", (parts) => Object.keys(parts).filter((p) => p.startsWith("xl/media/"))],
    ["macro module", (parts) => Object.keys(parts).filter((p) => p === "xl/vbaProject.bin")],
    ["sheets with data validation", (parts) => sheetsHolding(parts, "dataValidations")],
    ["sheets with conditional formats", (parts) => sheetsHolding(parts, "conditionalFormatting")],
  ];

  it("should write the summary", () => {
    expect(unreadable(run)).toBeNull();
    expect(run.code).toBe(0);
  });

  it.each(FEATURE_PARTS)("should keep its %s byte for byte", (_, select) => {
    const parts = select(input);
    expect(parts.length).toBeGreaterThan(0);
    const changed = parts.filter((part) => output[part] === undefined || !Buffer.from(output[part]!).equals(Buffer.from(input[part]!)));
    expect(changed).toEqual([]);
  });

  it("should keep the .xlsm macro-enabled workbook content type", () => {
    expect(Object.keys(output).length).toBeGreaterThan(0);
    expect(contentType(output, workbookPart(output))).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });
});

/* Slow: one LibreOffice run over every file. Runs wherever LibreOffice is installed (CI installs it in .ci/run). */
describe.runIf(hasSoffice)("LibreOffice's verdict (slow)", () => {
  it("should still open exactly the corpus files libreoffice.json says it opens", () => {
    const opened = openedByLibreOffice(
      corpusFiles.map((file) => path.join(CORPUS, file)),
      path.join(dir, "soffice-corpus"),
    );
    const now = Object.fromEntries(corpusFiles.map((file) => [file, opened.has(path.join(CORPUS, file))]));
    expect(now).toEqual(Object.fromEntries(corpusFiles.map((file) => [file, verdicts.opens[file]])));
  }, 900_000);

  it("should open every corpus file with the target sheet added, so that a summary that does not open is the CLI's fault", () => {
    const inputs = openedFiles.map(withTarget);
    const opened = openedByLibreOffice(inputs, path.join(dir, "soffice-inputs"));
    expect(openedFiles.filter((_, i) => !opened.has(inputs[i]!))).toEqual([]);
  }, 900_000);

  it("should open the summary of every corpus file with a target sheet, and of the workbook with every feature", async () => {
    const done = new Map<string, Summarized>();
    for (const file of openedFiles) done.set(file, await summarized(file));
    done.set(FEATURES.workbook + " + macros", await featuresSummarized());
    const outputs = [...done.values()].map((s) => s.output);
    const opened = openedByLibreOffice(
      outputs.filter((output) => fs.existsSync(output)),
      path.join(dir, "soffice-summaries"),
    );
    expect([...done].filter(([, s]) => !opened.has(s.output)).map(([file]) => file)).toEqual([]);
  }, 900_000);
});
