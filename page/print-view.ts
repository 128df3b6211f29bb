import { BASE_FONT_SIZE, cellStyles, DEFAULT_ROW_HEIGHT, parseA1, type CellStyle, type SheetLayout } from "../core";
import { cellText } from "./cell-text";
import { chartSvg } from "./chart-svg";

/**
 * Core's SheetLayout as the page prints it (A4 landscape, page/page.css): every row in order with its values, merges,
 * styles, widths and heights, the chart drawn where it is anchored, a manual page break as a new printed page, and the
 * title rows as each table's thead, which the browser repeats on every printed page. On screen it shows up to the
 * first page break (page/page.css). Nothing of the summary is known here: a change to the layout in core shows up by
 * itself.
 */

interface Span {
  rows: number;
  columns: number;
}

interface Segment {
  first: number;
  /** Exclusive. */
  end: number;
  chart: boolean;
  pageBreak: boolean;
}

/** Rows as points: the layout's runs, the default elsewhere. */
function rowHeights(layout: SheetLayout): number[] {
  const heights = layout.values.map(() => DEFAULT_ROW_HEIGHT);
  for (const run of layout.rowHeights) for (let r = run.from; r <= run.to && r <= heights.length; r++) heights[r - 1] = run.height;
  return heights;
}

/** Where the rows split: a page break, the title rows' start, the chart's rows. */
function segments(layout: SheetLayout): Segment[] {
  const rows = layout.values.length;
  const chart = layout.chart ? parseA1(layout.chart.anchor) : null;
  const breaks = new Set(layout.pageBreaks.map((row) => row - 1));
  const starts = new Set([0, ...breaks]);
  if (layout.print.titleRows) starts.add(layout.print.titleRows[0] - 1);
  if (chart) [chart.row, chart.row + chart.rows].forEach((row) => starts.add(row));
  const sorted = [...starts].filter((row) => row >= 0 && row < rows).sort((a, b) => a - b);
  return sorted.map((first, i) => ({
    first,
    end: sorted[i + 1] ?? rows,
    chart: chart !== null && first === chart.row,
    pageBreak: breaks.has(first) && first > 0,
  }));
}

function merges(layout: SheetLayout): { spans: Map<string, Span>; covered: Set<string> } {
  const spans = new Map<string, Span>();
  const covered = new Set<string>();
  for (const reference of layout.merges) {
    const rect = parseA1(reference);
    spans.set(`${rect.row},${rect.column}`, { rows: rect.rows, columns: rect.columns });
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.column; c < rect.column + rect.columns; c++) if (r !== rect.row || c !== rect.column) covered.add(`${r},${c}`);
    }
  }
  return { spans, covered };
}

/**
 * A class per distinct style (a summary of thousands of rows has a few dozen), its rule added to the page's own
 * stylesheet: far less work for the browser than styles on every cell, and a policy that allows no inline style
 * attribute still allows the stylesheet's API.
 */
const styleClasses = new Map<string, string>();

function styleClass(style: CellStyle): string {
  const declarations = [
    style.bold && "font-weight:bold",
    style.italic && "font-style:italic",
    style.underline && "text-decoration:underline",
    style.size && `font-size:${style.size}pt`,
    style.fill && `background-color:#${style.fill}`,
    style.color && `color:#${style.color}`,
    style.align && `text-align:${style.align}`,
    style.wrap && "white-space:pre-wrap",
    style.border && "border:1px solid #000",
    style.indent && `padding-left:${style.indent * 1.5}em`,
  ]
    .filter(Boolean)
    .join(";");
  return ruleClass(declarations, "td");
}

function ruleClass(declarations: string, element: "td" | "tr"): string {
  if (declarations === "") return "";
  const key = `${element}{${declarations}}`;
  let name = styleClasses.get(key);
  if (name === undefined) {
    name = `s${styleClasses.size}`;
    const sheet = document.styleSheets[0];
    sheet.insertRule(`.sheet ${element}.${name}{${declarations}}`, sheet.cssRules.length);
    styleClasses.set(key, name);
  }
  return name;
}

/** Rows built at a time once the first page is shown: the page answers clicks between two batches. */
const BATCH_ROWS = 400;

export interface PrintView {
  element: HTMLElement;
  /** Builds at once whatever rows are still waiting (before printing). */
  finish(): void;
}

/**
 * The report, its first page built at once and the remaining rows in batches between the page's other work, so that a
 * summary of thousands of rows never freezes the page; `finish` completes it when printing starts.
 */
export function printView(layout: SheetLayout): PrintView {
  const hidden = new Set(layout.hiddenColumns);
  const width = layout.values[0]?.length ?? 0;
  const columns = Array.from({ length: width }, (_, c) => c).filter((c) => !hidden.has(c));
  const total = columns.reduce((sum, c) => sum + (layout.widths[c] ?? 8.43), 0);
  const styles = cellStyles(layout);
  const heights = rowHeights(layout);
  const { spans, covered } = merges(layout);
  const titleRows = layout.print.titleRows ? { first: layout.print.titleRows[0] - 1, last: layout.print.titleRows[1] - 1 } : null;

  const colgroup = () => {
    const group = document.createElement("colgroup");
    for (const c of columns) {
      const col = document.createElement("col");
      col.style.width = `${(((layout.widths[c] ?? 8.43) / total) * 100).toFixed(3)}%`;
      group.append(col);
    }
    return group;
  };

  const row = (r: number, end: number) => {
    const tr = document.createElement("tr");
    tr.className = ruleClass(`height:${heights[r]}pt`, "tr");
    for (const c of columns) {
      if (covered.has(`${r},${c}`)) continue;
      const td = document.createElement("td");
      const span = spans.get(`${r},${c}`);
      if (span) {
        const spanned = columns.filter((k) => k >= c && k < c + span.columns).length;
        if (spanned > 1) td.colSpan = spanned;
        if (span.rows > 1) td.rowSpan = Math.min(span.rows, end - r);
      }
      td.textContent = cellText(layout.values[r][c], layout.formats[r]?.[c] ?? null);
      const name = styleClass(styles[r][c]);
      if (name) td.className = name;
      tr.append(td);
    }
    return tr;
  };

  const view = document.createElement("div");
  view.className = "sheet";
  view.style.fontFamily = `"${layout.font}", serif`;
  view.style.fontSize = `${BASE_FONT_SIZE}pt`;
  const waiting: (() => void)[] = [];
  let afterBreak = false;
  for (const segment of segments(layout)) {
    if (segment.chart && layout.chart) {
      const height = heights.slice(segment.first, segment.end).reduce((sum, h) => sum + h, 0);
      const figure = document.createElement("div");
      figure.className = afterBreak ? "chart after-break" : "chart";
      figure.style.height = `${height}pt`;
      figure.append(chartSvg(layout.chart, layout.values, Math.round((height * 4) / 3), layout.font));
      view.append(figure);
      continue;
    }
    const table = document.createElement("table");
    // A page break starts a printed page; on screen the preview stops there (the report's first page).
    if (segment.pageBreak || afterBreak) table.className = segment.pageBreak ? "page-break" : "after-break";
    afterBreak ||= segment.pageBreak;
    table.append(colgroup());
    let first = segment.first;
    if (titleRows && first <= titleRows.last && first >= titleRows.first) first = titleRows.last + 1;
    if (titleRows && segment.first >= titleRows.first) {
      const thead = document.createElement("thead");
      for (let r = titleRows.first; r <= titleRows.last; r++) thead.append(row(r, titleRows.last + 1));
      table.append(thead);
    }
    const tbody = document.createElement("tbody");
    table.append(tbody);
    view.append(table);
    for (let from = first; from < segment.end; from += BATCH_ROWS) {
      const to = Math.min(from + BATCH_ROWS, segment.end);
      const batch = () => {
        const rows = document.createDocumentFragment();
        for (let r = from; r < to; r++) rows.append(row(r, segment.end));
        tbody.append(rows);
      };
      if (afterBreak) waiting.push(batch);
      else batch();
    }
  }
  let timer = 0;
  // A report replaced by another (a new year, a new file) stops building.
  const next = () => {
    if (!view.isConnected) return;
    waiting.shift()?.();
    timer = waiting.length > 0 ? window.setTimeout(next, 0) : 0;
  };
  if (waiting.length > 0) timer = window.setTimeout(next, 0);
  return {
    element: view,
    finish() {
      window.clearTimeout(timer);
      while (waiting.length > 0) waiting.shift()!();
    },
  };
}
