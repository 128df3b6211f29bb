import {
  figureFormat,
  LayoutBuilder,
  PERCENT_FORMAT,
  range,
  type CellStyle,
  type ChartSpec,
  type LayoutValue,
  type SheetLayout,
} from "./layout";
import { markerText } from "./marker";
import { BASE_YEAR, GROUP_NAMES, GROUPS, isFinal, type Status } from "./model";
import type { GroupCount } from "./rollup";
import { isAbsent, type AbsentRow, type SummaryModel, type SummaryRow } from "./summary";
import { EVALUATED_FORMATS, SUMMARY_TEXT as T } from "./summary-text";

export const SUMMARY_SHEET_PREFIX = "Tổng hợp BTV";

export function summarySheetName(year: number): string {
  return `${SUMMARY_SHEET_PREFIX} ${year}`;
}

/**
 * The status colours of the cells, the overview's header and the chart. In the order of the chart's stacked bars
 * (Vượt, Đạt, Đúng tiến độ, Chậm tiến độ, Chưa đạt/Không đạt, Thiếu số liệu) dark and light fills alternate, so that
 * neighbours differ by at least 15 in CIE L* (L* 69.9, 90.7, 53.1, 84.8, 66.2, 93.0) and stay apart on a
 * black-and-white printer; the two dark fills that meet when Chậm tiến độ is 0 still differ by 13. The darkest
 * (L* 53) still reads with black text. test/unit/status-colours.test.ts holds them to it.
 */
export const STATUS_STYLES: Record<Status, CellStyle> = {
  Vượt: { fill: "7DBB5A", color: "000000", bold: true },
  Đạt: { fill: "D5EBC8", color: "375623" },
  "Đúng tiến độ": { fill: "5580C0", color: "000000" },
  "Chậm tiến độ": { fill: "F8CBAD", color: "833C0B", bold: true },
  "Chưa đạt": { fill: "F08080", color: "000000" },
  "Không đạt": { fill: "F08080", color: "000000", bold: true },
  "Thiếu số liệu": { fill: "FFEB9C", color: "7F6000", italic: true },
};

/** The number format of the chart's segment labels: the count, nothing for 0. */
export const CHART_LABEL_FORMAT = "0;;;";

/** The statuses the behind list holds. */
export const BEHIND_STATUSES: readonly Status[] = ["Chậm tiến độ", "Chưa đạt", "Không đạt"];

const ROMAN = ["I", "II", "III"];
const HEADER: CellStyle = { bold: true, align: "center", wrap: true, border: true, fill: "D9E1F2" };
const SECTION: CellStyle = { bold: true };
/** Rows the chart covers under the overview table: with the letterhead and the overview it fills page 1 and no more. */
const CHART_ROWS = 11;

/** One column of the detail table: its header, width in characters and what a row shows in it. */
interface Column {
  header: string;
  width: number;
  style: CellStyle;
  cell: (r: SummaryRow) => [LayoutValue, string | null];
}

// One object per style, not one per row: the adapters share a style object across the cells that use it.
// Only the name, unit and target texts wrap: every other cell of a row holds a short figure or word on one line.
const FIGURE: CellStyle = { border: true, align: "right" };
const CENTER: CellStyle = { border: true, align: "center" };
const WRAPPED: CellStyle = { border: true, wrap: true };
const WRAPPED_CENTER: CellStyle = { border: true, wrap: true, align: "center" };
/** A link prints as the plain black text of the table, not as a blue underlined web link. */
const LINK: CellStyle = { color: "000000", underline: false };
const TARGET_NAME: CellStyle = { bold: true };
const SUB_METRIC_NAME: CellStyle = { indent: 1 };
const STATUS_CELLS = Object.fromEntries(
  Object.entries(STATUS_STYLES).map(([status, style]) => [status, { ...style, align: "center" }]),
) as Record<Status, CellStyle>;

const figure = (value: number | null): [LayoutValue, string | null] => [value, figureFormat(value)];
const percent = (value: number | null): [LayoutValue, string | null] => [value, value === null ? null : PERCENT_FORMAT];

/** The detail table's columns for the year: plan columns only with plans, no year-on-year columns for the starting position. */
export function detailColumns(model: SummaryModel): Column[] {
  const { year } = model;
  const columns: Column[] = [
    { header: T.serial, width: 5, style: CENTER, cell: () => [null, null] },
    { header: T.code, width: 7, style: WRAPPED_CENTER, cell: (r) => [r.doubted ? T.doubtedCode(r.code) : r.code, null] },
    { header: T.name, width: 36, style: WRAPPED, cell: (r) => [r.name, null] },
    { header: T.unit, width: 10, style: WRAPPED_CENTER, cell: (r) => [r.unit, null] },
    { header: T.baseline, width: 9, style: FIGURE, cell: (r) => figure(r.baseline) },
    {
      header: T.target,
      width: 10,
      style: WRAPPED_CENTER,
      cell: (r) => [r.resolutionTarget === null ? r.target : T.targetAndResolution(r.target, r.resolutionTarget), null],
    },
  ];
  if (model.hasPlans) {
    columns.push(
      { header: T.plan(year), width: 10, style: WRAPPED_CENTER, cell: (r) => [r.plan, null] },
      { header: T.planAttainment, width: 9, style: FIGURE, cell: (r) => percent(r.planAttainment) },
    );
  }
  if (year > BASE_YEAR) {
    columns.push(
      { header: T.value(year - 1), width: 9, style: FIGURE, cell: (r) => figure(r.previous) },
      { header: T.value(year), width: 10, style: FIGURE, cell: (r) => figure(r.value) },
      { header: T.evaluated, width: 13, style: FIGURE, cell: evaluatedCell },
      { header: T.expected(year), width: 12, style: FIGURE, cell: expectedCell },
    );
  }
  columns.push(
    { header: T.attainment, width: 8, style: FIGURE, cell: (r) => percent(r.attainment) },
    { header: T.status, width: 13, style: CENTER, cell: (r) => [r.status, null] },
  );
  return columns;
}

/** The evaluated value a where it is not v(y): a running total (`lũy kế`) or an average growth rate (`%/năm`). */
function evaluatedCell(r: SummaryRow): [LayoutValue, string | null] {
  if (r.actual === null || r.actual === r.value) return [null, null];
  if (r.method === "Cộng dồn") return [r.actual, EVALUATED_FORMATS.cumulative(Number.isInteger(r.actual))];
  if (r.method === "Tăng bình quân") return [r.actual, EVALUATED_FORMATS.growth];
  return [null, null];
}

/** e(y); a growth row's path is a rate, and says so (`%/năm`) as its evaluated value does. */
function expectedCell(r: SummaryRow): [LayoutValue, string | null] {
  return r.method === "Tăng bình quân" && r.expected !== null ? [r.expected, EVALUATED_FORMATS.growth] : figure(r.expected);
}

/** The status columns of the overview: the statuses the year can give, and any other that counts a target. */
export function overviewStatuses(model: SummaryModel): { status: Status; count: (g: GroupCount) => number }[] {
  const all: { status: Status; count: (g: GroupCount) => number; years: (year: number) => boolean }[] = [
    { status: "Vượt", count: (g) => g.exceeded, years: () => true },
    { status: "Đạt", count: (g) => g.met, years: () => true },
    { status: "Đúng tiến độ", count: (g) => g.onTrack, years: (y) => y > BASE_YEAR && !isFinal(y) },
    { status: "Chậm tiến độ", count: (g) => g.behind, years: (y) => y > BASE_YEAR && !isFinal(y) },
    { status: isFinal(model.year) ? "Không đạt" : "Chưa đạt", count: (g) => g.notMet, years: () => true },
    { status: "Thiếu số liệu", count: (g) => g.noData, years: () => true },
  ];
  return all.filter((c) => c.years(model.year) || model.groups.some((g) => c.count(g) > 0)).map(({ status, count }) => ({ status, count }));
}

/** The `Tổng hợp BTV <year>` sheet: the report of Hướng dẫn 36-HD/VPTW with the annex tables in it. */
export function summaryLayout(model: SummaryModel, sheetName: string, date: Date): SheetLayout {
  const columns = detailColumns(model);
  // The overview needs STT, two columns of group name, the total and a column per status.
  const width = Math.max(columns.length, 4 + overviewStatuses(model).length);
  const b = new LayoutBuilder(sheetName, width + 1);
  b.put(0, width, markerText(model.year));
  letterhead(b, width, date);
  let row = opening(b, width, model, 5);
  const overview = overviewTable(b, width, model, row + 1);
  row = overview.end + CHART_ROWS + 1;
  // The detail table starts a page: its heading must not be left alone under the chart.
  const detailPage = row + 1;
  const headerRow = row + 1;
  row = detail(b, columns, model, row);
  row = behind(b, columns, model, row + 1);
  row = skipped(b, width, model, row + 1);
  signature(b, width, row + 1);
  return b
    .set({
      widths: [...columns.map((c) => c.width), ...new Array<number>(width - columns.length).fill(10), 4],
      hiddenColumns: [width],
      freezeRows: 0,
      print: { landscape: true, fitToWidth: true, titleRows: [headerRow + 1, headerRow + 1] },
      pageBreaks: [detailPage],
      chart: overview.chart,
    })
    .build();
}

/** Puts a text over the whole width of the table. */
function line(b: LayoutBuilder, width: number, row: number, text: string, style: CellStyle): void {
  b.put(row, 0, text)
    .merge(row, 0, row, width - 1)
    .style(row, 0, row, width - 1, style);
}

function letterhead(b: LayoutBuilder, width: number, date: Date): void {
  const left = (row: number, text: string, style: CellStyle) => b.put(row, 0, text).merge(row, 0, row, 2).style(row, 0, row, 2, style);
  const rightFrom = width - 5;
  const right = (row: number, text: string, style: CellStyle) =>
    b
      .put(row, rightFrom, text)
      .merge(row, rightFrom, row, width - 1)
      .style(row, rightFrom, row, width - 1, style);
  left(0, T.province, { align: "center" });
  left(1, T.committee, { bold: true, align: "center" });
  left(2, T.star, { align: "center" });
  left(3, T.number, { align: "center" });
  right(0, T.party, { bold: true, underline: true, align: "center", size: 13 });
  right(3, T.placeAndDate(date), { italic: true, align: "center" });
}

/** Title, subject line, headline sentences and coverage; answers the first free row. */
function opening(b: LayoutBuilder, width: number, model: SummaryModel, top: number): number {
  line(b, width, top, T.title, { bold: true, size: 14, align: "center" });
  line(b, width, top + 1, T.subject(model.year), { bold: true, align: "center", wrap: true });
  let row = top + 3;
  for (const sentence of [model.headline, model.planHeadline]) {
    if (sentence !== null) line(b, width, row++, sentence, { wrap: true });
  }
  line(b, width, row++, T.coverage(model.year, model.coverage.withValue, model.coverage.rows), { italic: true, wrap: true });
  return row;
}

/** The overview by group and the chart spec drawn from its cells; answers the row after the table. */
function overviewTable(b: LayoutBuilder, width: number, model: SummaryModel, top: number): { end: number; chart: ChartSpec } {
  line(b, width, top, T.overviewTitle, SECTION);
  const statuses = overviewStatuses(model);
  const header = top + 1;
  const last = 3 + statuses.length;
  b.putRow(header, 0, [T.serial, T.group, null, T.total, ...statuses.map((s) => s.status)])
    .merge(header, 1, header, 2)
    .style(header, 0, header, last, HEADER);
  const first = header + 1;
  model.groups.forEach((g, i) => {
    b.putRow(first + i, 0, [ROMAN[GROUPS.indexOf(g.group)], GROUP_NAMES[g.group], null, g.total, ...statuses.map((s) => s.count(g))]).merge(
      first + i,
      1,
      first + i,
      2,
    );
  });
  const totalRow = first + model.groups.length;
  const sum = (count: (g: GroupCount) => number) => model.groups.reduce((s, g) => s + count(g), 0);
  b.putRow(totalRow, 0, [null, T.totalRow, null, sum((g) => g.total), ...statuses.map((s) => sum(s.count))]).merge(
    totalRow,
    1,
    totalRow,
    2,
  );
  b.style(first, 0, totalRow, last, { border: true })
    .style(first, 0, totalRow, 0, { align: "center" })
    .style(first, 3, totalRow, last, { align: "center" });
  b.style(totalRow, 0, totalRow, last, { bold: true });
  statuses.forEach((s, k) => b.style(header, 4 + k, header, 4 + k, { fill: STATUS_STYLES[s.status].fill }));
  const chartTop = totalRow + 2;
  b.put(chartTop + CHART_ROWS - 1, 0, null); // the rows the chart covers exist in the sheet
  const chart: ChartSpec = {
    anchor: range(chartTop, 1, chartTop + CHART_ROWS - 2, Math.max(last, 6)),
    title: T.chartTitle(model.year),
    categories: range(first, 1, totalRow - 1, 1),
    series: statuses.map((s, k) => ({
      name: s.status,
      values: range(first, 4 + k, totalRow - 1, 4 + k),
      color: STATUS_STYLES[s.status].fill!,
    })),
    labelFormat: CHART_LABEL_FORMAT,
  };
  return { end: totalRow + 1, chart };
}

function tableHeader(b: LayoutBuilder, columns: readonly Column[], row: number): void {
  b.putRow(
    row,
    0,
    columns.map((c) => c.header),
  ).style(row, 0, row, columns.length - 1, HEADER);
}

/** The detail table by group, each row linked back to its source row; answers the row after it. */
function detail(b: LayoutBuilder, columns: readonly Column[], model: SummaryModel, top: number): number {
  const width = columns.length;
  line(b, width, top, T.detailTitle, SECTION);
  tableHeader(b, columns, top + 1);
  let row = top + 2;
  GROUPS.forEach((group, i) => {
    const rows = model.detail.filter((r) => r.group === group);
    if (rows.length === 0) return;
    line(b, width, row++, `${ROMAN[i]}. ${GROUP_NAMES[group].toUpperCase()}`, { bold: true, fill: "F2F2F2", border: true });
    for (const r of rows) {
      if (isAbsent(r)) absentRow(b, columns, row++, r);
      else figuresRow(b, columns, row++, r, serial(r.code));
    }
  });
  return row;
}

/** STT from the code: `KT4` → 4 (a number, so Excel does not flag it as text), `KT3.2` → "3.2". */
function serial(code: string): string | number {
  const digits = code.replace(/^[A-Z]+/, "");
  return /^\d+$/.test(digits) ? Number(digits) : digits;
}

/** The rows behind the path or the target, in the order core gave (worst first). */
function behind(b: LayoutBuilder, columns: readonly Column[], model: SummaryModel, top: number): number {
  const width = columns.length;
  line(b, width, top, T.behindTitle(model.year), SECTION);
  const rows = model.behind.filter((r) => BEHIND_STATUSES.includes(r.status));
  if (rows.length === 0) {
    line(b, width, top + 1, T.noneBehind(model.year), { italic: true });
    return top + 2;
  }
  tableHeader(b, columns, top + 1);
  rows.forEach((r, i) => figuresRow(b, columns, top + 2 + i, r, i + 1));
  return top + 2 + rows.length;
}

function figuresRow(b: LayoutBuilder, columns: readonly Column[], row: number, r: SummaryRow, stt: string | number): void {
  columns.forEach((column, c) => {
    const [value, format] = c === 0 ? [stt, null] : column.cell(r);
    b.put(row, c, value, format).style(row, c, row, c, column.style);
  });
  b.link(row, 1, r.sheet, `A${r.row}`).style(row, 1, row, 1, LINK);
  b.style(row, 2, row, 2, r.code.includes(".") ? SUB_METRIC_NAME : TARGET_NAME);
  b.style(row, columns.length - 1, row, columns.length - 1, STATUS_CELLS[r.status]);
}

/**
 * A target of the resolution that no sheet holds: its code, the resolution's name, unit and target, one sentence
 * where the figures go, and `Thiếu số liệu`. No link: there is no source row to go back to.
 */
function absentRow(b: LayoutBuilder, columns: readonly Column[], row: number, r: AbsentRow): void {
  const last = columns.length - 1;
  const target = columns.findIndex((c) => c.header === T.target);
  const cells: LayoutValue[] = [serial(r.code), r.code, r.name, r.unit, null, r.target];
  cells.forEach((value, c) => b.put(row, c, value).style(row, c, row, c, columns[c].style));
  b.style(row, 2, row, 2, r.code.includes(".") ? SUB_METRIC_NAME : TARGET_NAME);
  b.put(row, target + 1, T.absent);
  if (last - 1 > target + 1) b.merge(row, target + 1, row, last - 1);
  b.style(row, target + 1, row, last - 1, ABSENT);
  b.put(row, last, r.status).style(row, last, row, last, STATUS_CELLS[r.status]);
}

const ABSENT: CellStyle = { border: true, italic: true, align: "center", wrap: true };

/**
 * The data problems: the error cells the figures skipped and the codes they left without data; then each cell whose
 * warning can change how a figure reads (where, what was read, what it may be), the rows on it marked `(*)`.
 */
function skipped(b: LayoutBuilder, width: number, model: SummaryModel, top: number): number {
  line(b, width, top, T.skippedTitle, SECTION);
  let row = top + 1;
  if (model.skipped.cells === 0) line(b, width, row++, T.skippedNone, { italic: true, wrap: true });
  else {
    line(b, width, row++, T.skippedCells(model.skipped.cells), { wrap: true });
    line(b, width, row++, T.skippedCodes(model.skipped.codes), { wrap: true });
  }
  if (model.doubts.length > 0) {
    line(b, width, row++, T.doubtsLead(model.doubts.length), { wrap: true });
    for (const doubt of model.doubts) line(b, width, row++, T.doubt(doubt), { wrap: true, indent: 1 });
  }
  return row;
}

/** `Nơi nhận:` on the left; `T/M ĐẢNG ỦY` / `BÍ THƯ` on the right with four empty rows to sign in. */
function signature(b: LayoutBuilder, width: number, top: number): void {
  b.put(top, 0, T.recipients).merge(top, 0, top, 2).style(top, 0, top, 2, { bold: true, italic: true });
  T.recipientList.forEach((text, i) =>
    b
      .put(top + 1 + i, 0, text)
      .merge(top + 1 + i, 0, top + 1 + i, 2)
      .style(top + 1 + i, 0, top + 1 + i, 2, { size: 11 }),
  );
  const from = width - 5;
  b.put(top, from, T.onBehalf)
    .merge(top, from, top, width - 1)
    .style(top, from, top, width - 1, { bold: true, align: "center" });
  b.put(top + 1, from, T.signer)
    .merge(top + 1, from, top + 1, width - 1)
    .style(top + 1, from, top + 1, width - 1, { bold: true, align: "center" });
  b.put(top + 6, 0, null);
}
