import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core";
import { printSummary } from "../../scripts/render/render";
import { fillSample } from "../../scripts/render/sample-workbook";
import { openWorkbook } from "../../workbook";
import { runCli } from "../cli/run-cli";
import { ROOT } from "../support/built-addin";
import { has } from "../support/tools";
import { openPane, type PaneBrowser } from "./pane-browser";
import { recordedChart, sheetPage, type ChartSeries, type RecordedChart, type RecordedSheet, type ShownValue } from "./sheet-html";

/**
 * One commune workbook of 2027 (the one `npm run render` prints), summarised by the task pane in Chromium over the
 * Excel stand-in and by the command line: the two summaries must hold the same rows, the same figures and the same
 * chart. Sameness is asserted on data (the stand-in's cells against the CLI's file read back, the pane's chart calls
 * against the file's chart part); the pictures are left under test-results/side-by-side/ to be looked at:
 *   addin-summary.png       the stand-in's summary sheet drawn as an HTML table with an SVG of its chart
 *   cli-summary-<n>.png     the CLI's summary printed by LibreOffice (only where LibreOffice is installed)
 */

const OUT = path.join(ROOT, "test-results", "side-by-side");
const SUMMARY_SHEET = "Tổng hợp BTV 2027";
/** The letterhead date of both: COMA_TODAY of runCli, and the page's clock in Sơn La's time zone. */
const TODAY = new Date("2027-12-15T10:00:00+07:00");
const canPrint = has("libreoffice", "poppler");

/** A grid as the stand-in seeds a sheet: rows from A1 on, errors as the literal Excel shows, formats by address. */
function standinSheet(grid: SheetGrid) {
  const [top, left] = [grid.top ?? 0, grid.left ?? 0];
  const formats: Record<string, string> = {};
  grid.formats?.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format) formats[`${columnLetters(left + c)}${top + r + 1}`] = format;
    }),
  );
  return { name: grid.name, top, left, rows: denseShown(grid.values), formats };
}

/** A grid's cells as shown, its gaps (rows and cells a sheet does not store) blank: a stand-in takes dense rows. */
const denseShown = (values: SheetGrid["values"]) => Array.from(values, (row) => Array.from(row ?? [], (cell) => shownCell(cell ?? null)));

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const shownCell = (cell: Cell): ShownValue | null => (cell !== null && typeof cell === "object" ? cell.error : cell);

/** Rows from A1, blanks as "" (a grid holds only stored rows: gaps too), without trailing blank cells or rows. */
function fromA1(values: readonly (readonly (ShownValue | null)[])[], top = 0, left = 0): ShownValue[][] {
  const rows = [
    ...Array.from({ length: top }, () => []),
    ...Array.from(values, (row) => [...Array<null>(left).fill(null), ...(row ?? [])]),
  ];
  const trimmed = rows.map((row) => {
    const cells = row.map((v) => v ?? "");
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return cells;
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].length === 0) trimmed.pop();
  return trimmed;
}

/**
 * The chart part of the CLI's file and the drawing that places it, in the vocabulary of the pane's chart calls
 * (ranges without sheet and $; the drawing's end marker is the first cell past the anchor, the pane names the last).
 */
function fileChart(xml: string, drawing: string): RecordedChart {
  const marker = (tag: string, past: number) => {
    const [, column, row] = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col>.*?<xdr:row>(\\d+)</xdr:row>`).exec(drawing)!;
    return `${columnLetters(Number(column) - past)}${Number(row) - past + 1}`;
  };
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const local = (reference: string) => unescape(reference).replace(/^.*!/, "").replace(/\$/g, "");
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]): ChartSeries & { categories: string } => ({
    name: unescape(/<c:tx><c:v>([^<]*)<\/c:v>/.exec(ser)![1]),
    values: local(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/.exec(ser)![1]),
    color: /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(ser)![1].toUpperCase(),
    categories: local(/<c:cat><c:strRef><c:f>([^<]*)<\/c:f>/.exec(ser)![1]),
  }));
  return {
    title: unescape(/<c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(xml)![1]),
    anchor: `${marker("from", 0)}:${marker("to", 1)}`,
    categories: series[0]?.categories ?? "",
    series: series.map(({ name, values, color }) => ({ name, values, color })),
  };
}

describe.skipIf(!has("chromium"))("the same 2027 summary from the task pane and from the command line", { timeout: 120_000 }, () => {
  let pane: PaneBrowser;
  let addin: RecordedSheet;
  let cliValues: ShownValue[][];
  let cliChart: RecordedChart;
  let summaryFile: string;

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const template = path.join(OUT, "template.xlsx");
    const workbook = path.join(OUT, "xa-co-ma-2027.xlsx");
    summaryFile = path.join(OUT, "tong-hop-btv-2027.xlsx");
    expect((await runCli(["template", "-o", template])).code).toBe(0);
    await fillSample(template, workbook);
    expect((await runCli(["summary", workbook, "--year", "2027", "-o", summaryFile])).code).toBe(0);

    const summaryBytes = fs.readFileSync(summaryFile);
    const written = openWorkbook(summaryBytes).grids.find((g) => g.name === SUMMARY_SHEET)!;
    cliValues = fromA1(denseShown(written.values), written.top, written.left);
    const parts = unzipSync(summaryBytes);
    cliChart = fileChart(strFromU8(parts["xl/charts/chart1.xml"]), strFromU8(parts["xl/drawings/drawing1.xml"]));

    const sheets = openWorkbook(fs.readFileSync(workbook)).grids.map(standinSheet);
    pane = await openPane({ sheets }, { now: TODAY });
    const { page } = pane;
    await page.locator("#year").selectOption("2027");
    await page.locator("#summarize").click();
    await page.locator("#summary-result", { hasText: `Đã tạo trang “${SUMMARY_SHEET}”` }).waitFor();
    addin = (await page.evaluate(`window.__standin.sheet(${JSON.stringify(SUMMARY_SHEET)})`)) as RecordedSheet;
  }, 360_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("should hold the same rows and figures, cell by cell, letterhead date included", () => {
    const rows = fromA1(addin.values);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.flat().filter((v) => String(v).includes("ngày 15 tháng 12 năm 2027"))).toHaveLength(1);
    const differing = rows
      .map((row, r) => ({ row: r + 1, addin: row, cli: cliValues[r] }))
      .filter((d) => JSON.stringify(d.addin) !== JSON.stringify(d.cli));
    expect(differing).toEqual([]);
    expect(cliValues.length).toBe(rows.length);
  });

  it("should draw the same chart over the same cells: series names, value ranges and colours, the same categories", () => {
    const chart = recordedChart(addin.props.chart as unknown[][]);
    expect(chart).toEqual(cliChart);
    // one series per status of the overview, each in its status colour (core/summary-layout.ts STATUS_STYLES)
    expect(cliChart.series.length).toBeGreaterThanOrEqual(3);
    expect(cliChart.series.filter((s) => !/^[0-9A-F]{6}$/.test(s.color))).toEqual([]);
  });

  it("should leave a picture of the pane's summary sheet in test-results/side-by-side", async () => {
    const view = await pane.context.newPage();
    await view.setViewportSize({ width: 1300, height: 900 });
    await view.setContent(sheetPage(SUMMARY_SHEET, addin, recordedChart(addin.props.chart as unknown[][])));
    await view.locator("#chart svg").waitFor();
    const file = path.join(OUT, "addin-summary.png");
    await view.screenshot({ path: file, fullPage: true });
    await view.close();
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it.skipIf(!canPrint)("should leave the command line's printed summary beside it", () => {
    const pngs = printSummary(summaryFile, OUT, "cli-summary", 80).map((p) => path.basename(p));
    expect(pngs[0]).toBe("cli-summary-1.png");
    expect(fs.statSync(path.join(OUT, "cli-summary-1.png")).size).toBeGreaterThan(10_000);
  });
});
