/**
 * A sheet of the Excel stand-in drawn as a plain HTML page, to look at beside the printed summary of the command line:
 * values as Excel shows them (the summary's few number formats), fills, bold, underline, alignment, widths, heights, merges, and the chart
 * as a stacked bar SVG of its recorded series. Only what the summary uses; not a spreadsheet renderer.
 */

export type ShownValue = string | number | boolean;

export interface RecordedSheet {
  values: ShownValue[][];
  formats: string[][];
  fills: (string | null)[][];
  merges: string[];
  /** The stand-in's record: `<range>.<property>` for formats and fonts, `chart` for the chart calls in order. */
  props: Record<string, unknown>;
}

export interface ChartSeries {
  name: string;
  /** The range of the series' values, e.g. "E14:E17". */
  values: string;
  /** "RRGGBB", upper case. */
  color: string;
}

export interface RecordedChart {
  title: string;
  /** The cells it covers, e.g. "B14:K30". */
  anchor: string;
  categories: string;
  series: ChartSeries[];
}

interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "B3", "B3:D5", "A:C" or "2:4" as a 0-based rectangle (open ends clipped to `limit`). */
export function rectOf(address: string, limit = { rows: 1000, columns: 100 }): Rect {
  const ends = address
    .replace(/\$/g, "")
    .split(":")
    .map((part) => {
      const m = /^([A-Z]*)(\d*)$/.exec(part.toUpperCase())!;
      return { column: m[1] === "" ? null : columnIndex(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
    });
  const [a, b = a] = ends;
  const row = a.row ?? 0;
  const column = a.column ?? 0;
  const lastRow = Math.min(b.row ?? limit.rows - 1, limit.rows - 1);
  const lastColumn = Math.min(b.column ?? limit.columns - 1, limit.columns - 1);
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

/** The chart calls of the stand-in, read back as a chart: the first series is the one `charts.add` made. */
export function recordedChart(calls: unknown[][]): RecordedChart | null {
  const add = calls.find((c) => c[0] === "charts.add");
  if (!add) return null;
  const series: ChartSeries[] = [];
  let title = "";
  let anchor = "";
  let categories = "";
  for (const [path, ...args] of calls) {
    const text = String(path);
    const value = String(args[0] ?? "");
    if (text.endsWith(".title.text")) title = value;
    else if (text.endsWith(".setPosition")) anchor = args.join(":");
    else if (text.endsWith("series.getItemAt")) series.push({ name: "", values: String(add[2]), color: "" });
    else if (text.endsWith("series.add")) series.push({ name: value, values: "", color: "" });
    else if (text.endsWith(".name") && series.length > 0) series[series.length - 1].name = value;
    else if (text.endsWith(".setValues")) series[series.length - 1].values = value;
    else if (text.endsWith(".setXAxisValues")) categories = value;
    else if (text.endsWith(".setSolidColor")) series[series.length - 1].color = value.replace("#", "").toUpperCase();
  }
  return { title, anchor, categories, series };
}

/** A number as a cell with format `format` shows it (en-US separators, as LibreOffice prints the file here). */
export function shown(value: ShownValue, format: string): string {
  if (typeof value !== "number" || format === "@" || format === "General")
    return typeof value === "number" ? String(Number(value.toPrecision(10))) : String(value);
  const literal = /"([^"]*)"/.exec(format)?.[1] ?? "";
  const code = format.replace(/"[^"]*"/g, "");
  const fraction = /\.([0#]+)/.exec(code)?.[1] ?? "";
  const percent = code.includes("%");
  const digits = {
    minimumFractionDigits: fraction.replace(/#/g, "").length,
    maximumFractionDigits: fraction.length,
    useGrouping: code.includes(","),
  };
  return `${(percent ? value * 100 : value).toLocaleString("en-US", digits)}${percent ? "%" : ""}${literal}`;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The CSS of each cell from the stand-in's `<range>.<property>` record. */
function cellStyles(sheet: RecordedSheet, rows: number, columns: number): string[][] {
  const css = Array.from({ length: rows }, () => Array.from({ length: columns }, () => [] as string[]));
  const widths: string[] = [];
  const rule: Record<string, (value: unknown) => string | null> = {
    "font.bold": (v) => (v ? "font-weight:bold" : null),
    "font.italic": (v) => (v ? "font-style:italic" : null),
    "font.underline": (v) => (v && v !== "None" ? "text-decoration:underline" : null),
    "font.color": (v) => `color:${String(v)}`,
    "font.size": (v) => `font-size:${Number(v)}pt`,
    horizontalAlignment: (v) => `text-align:${String(v).toLowerCase()}`,
    wrapText: (v) => (v ? "white-space:normal" : null),
    columnHidden: (v) => (v ? "display:none" : null),
    rowHeight: (v) => `height:${Number(v)}pt`,
  };
  for (const [key, value] of Object.entries(sheet.props)) {
    const dot = key.indexOf(".");
    const [address, property] = [key.slice(0, dot), key.slice(dot + 1)];
    if (!/^[A-Z$]*\d*(:[A-Z$]*\d*)?$/.test(address)) continue;
    const rect = rectOf(address, { rows, columns });
    if (property === "columnWidth")
      for (let c = rect.column; c < rect.column + rect.columns; c++) widths[c] = `${Number(value) * (4 / 3)}px`;
    const style = rule[property]?.(value);
    if (!style) continue;
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.column; c < rect.column + rect.columns; c++) css[r][c].push(style);
  }
  return css.map((row, r) =>
    row.map((styles, c) =>
      [...styles, sheet.fills[r]?.[c] ? `background:${sheet.fills[r][c]}` : "", r === 0 && widths[c] ? `width:${widths[c]}` : ""]
        .filter(Boolean)
        .join(";"),
    ),
  );
}

/** The sheet as a table: merged cells span, the cells they cover are left out. */
export function tableHtml(sheet: RecordedSheet, chart: RecordedChart | null = null): string {
  const rows = sheet.values.length;
  const columns = Math.max(0, ...sheet.values.map((r) => r.length));
  const css = cellStyles(sheet, rows, columns);
  const at = chart && chart.anchor !== "" ? rectOf(chart.anchor) : null;
  const covered = new Set<string>();
  const spans = new Map<string, Rect>();
  for (const merge of sheet.merges) {
    const rect = rectOf(merge);
    spans.set(`${rect.row},${rect.column}`, rect);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.column; c < rect.column + rect.columns; c++) covered.add(`${r},${c}`);
  }
  const body = sheet.values.map((row, r) => {
    const cells = Array.from({ length: columns }, (_, c) => {
      const span = spans.get(`${r},${c}`);
      if (!span && covered.has(`${r},${c}`)) return "";
      const attributes = span ? ` colspan="${span.columns}" rowspan="${span.rows}"` : "";
      const value = row[c] ?? "";
      const text = escape(value === "" ? "" : shown(value, sheet.formats[r]?.[c] ?? "General"));
      if (at?.row === r && at.column === c) {
        return `<td${attributes} style="position:relative"><div id="chart">${chartSvg(chart!, sheet.values)}</div></td>`;
      }
      return `<td${attributes} style="${css[r][c]}">${text}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table>${body.join("\n")}</table>`;
}

/** Horizontal stacked bars, one per category from the top, the series in their colours, a legend below. */
export function chartSvg(chart: RecordedChart, values: ShownValue[][]): string {
  const cells = (address: string) => {
    const rect = rectOf(address);
    return Array.from({ length: rect.rows }, (_, i) => values[rect.row + i]?.[rect.column] ?? "");
  };
  const categories = cells(chart.categories).map(String);
  const series = chart.series.map((s) => ({ ...s, points: cells(s.values).map((v) => (typeof v === "number" ? v : 0)) }));
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + s.points[i], 0));
  const [left, top, bar, gap, width, key] = [230, 40, 26, 12, 420, 115];
  const scale = width / Math.max(1, ...totals);
  const bars = categories.flatMap((category, i) => {
    const y = top + i * (bar + gap);
    let x = left;
    const parts = series.map((s) => {
      const w = s.points[i] * scale;
      if (w === 0) return "";
      const rect = `<rect x="${x}" y="${y}" width="${w}" height="${bar}" fill="#${s.color}" stroke="#999" stroke-width="0.5"/>`;
      x += w;
      return rect;
    });
    return [`<text x="${left - 6}" y="${y + bar / 2 + 4}" text-anchor="end">${escape(category)}</text>`, ...parts];
  });
  const legendY = top + categories.length * (bar + gap) + 16;
  const legend = series.map((s, k) => {
    const x = 20 + k * key;
    return `<rect x="${x}" y="${legendY}" width="12" height="12" fill="#${s.color}"/><text x="${x + 16}" y="${legendY + 11}">${escape(s.name)}</text>`;
  });
  const height = legendY + 30;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(left + width, 20 + series.length * key) + 20}" height="${height}" font-size="12" font-family="sans-serif">` +
    `<text x="${(left + width) / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(chart.title)}</text>` +
    [...bars, ...legend].join("") +
    "</svg>"
  );
}

/** The whole page: the table, the chart drawn over the cells it is anchored to. */
export function sheetPage(title: string, sheet: RecordedSheet, chart: RecordedChart | null): string {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escape(title)}</title><style>` +
    "body{font-family:'Times New Roman',serif;font-size:11pt;margin:16px}" +
    "table{border-collapse:collapse;table-layout:fixed}tr{height:15pt}td{border:1px solid #ddd;padding:2px 4px;white-space:nowrap;vertical-align:middle}" +
    "#chart{position:absolute;left:0;top:0;background:#fff;border:1px solid #999}" +
    `</style></head><body>${tableHtml(sheet, chart)}</body></html>`
  );
}
