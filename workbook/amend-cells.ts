import { cellAddress, parseA1 } from "../core";
import type { OpenedWorkbook } from "./read-workbook";
import { deflateWithFflate, writeZip, type Deflater, type ZipPart } from "./zip";
import { decodeText, escapeText, walkXml } from "./xml";

/** A value to put into a cell of a worksheet (0-based row and column): a number, or text written as an inline string. */
export interface CellValueWrite {
  sheet: string;
  row: number;
  column: number;
  value: number | string;
}

export interface AmendCellsOptions {
  deflate?: Deflater;
}

const ENCODER = new TextEncoder();
const NAME = "[A-Za-z_][\\w.-]*:";

/**
 * The workbook's bytes with the given cells written into its existing worksheet parts, by XML structure: a cell
 * element replaced (its style kept) or inserted in column order, a row inserted in row order. Every other part,
 * and every other byte of a written part, is kept as it was. A cell holding a formula must not be given here (the
 * collect plan never does): its formula would go.
 */
export function amendCells(workbook: OpenedWorkbook, writes: readonly CellValueWrite[], options: AmendCellsOptions = {}): Uint8Array {
  const bySheet = new Map<string, CellValueWrite[]>();
  for (const write of writes) bySheet.set(write.sheet, [...(bySheet.get(write.sheet) ?? []), write]);
  const replaced = new Map<string, Uint8Array>();
  for (const [sheet, list] of bySheet) {
    const part = workbook.sheets.find((s) => s.name === sheet && s.kind === "worksheet")?.part;
    if (!part) throw new Error(`no worksheet part for ${sheet}`);
    replaced.set(part.toLowerCase(), ENCODER.encode(writeCells(decodeText(workbook.zip.inflate(workbook.zip.entry(part)!)), list)));
  }
  const parts: ZipPart[] = workbook.zip.entries.map((entry) => {
    const content = replaced.get(entry.name.toLowerCase());
    return content ? { name: entry.name, content } : { kept: entry, from: workbook.zip };
  });
  return writeZip(parts, options.deflate ?? deflateWithFflate);
}

interface Element {
  start: number;
  end: number;
  /** Where the content begins (after the start tag); equal to end for a self-closed element. */
  inner: number;
  attributes: string;
  selfClosed: boolean;
  index: number;
}

/** The sheet XML with each write's cell in place. */
export function writeCells(xml: string, writes: readonly CellValueWrite[]): string {
  const open = new RegExp(`<(${NAME})?sheetData(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) throw new Error("worksheet without sheetData");
  const prefix = open[1] ?? "";
  let text = xml;
  let dataStart = open.index + open[0].length;
  if (open[3] === "/") {
    text = `${xml.slice(0, open.index)}<${prefix}sheetData${open[2] ?? ""}></${prefix}sheetData>${xml.slice(dataStart)}`;
    dataStart = open.index + `<${prefix}sheetData${open[2] ?? ""}>`.length;
  }
  const dataEnd = text.indexOf(`</${prefix}sheetData>`, dataStart);
  const styles = columnStyles(text.slice(0, open.index), prefix);
  const rows = elements(text, dataStart, dataEnd, prefix, "row", (attributes, previous) => Number(attr(attributes, "r")) || previous + 1);
  const byRow = new Map<number, CellValueWrite[]>();
  for (const w of writes) byRow.set(w.row + 1, [...(byRow.get(w.row + 1) ?? []), w]);
  const out: string[] = [text.slice(0, dataStart)];
  let cursor = dataStart;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const cellsOf = (n: number) => byRow.get(n)!.sort((a, b) => a.column - b.column);
  for (const row of rows) {
    while (pending.length > 0 && pending[0] < row.index) {
      const n = pending.shift()!;
      out.push(
        text.slice(cursor, row.start),
        `<${prefix}row r="${n}">${cellsOf(n)
          .map((w) => cellXml(w, prefix, styles.get(w.column)))
          .join("")}</${prefix}row>`,
      );
      cursor = row.start;
    }
    if (pending[0] !== row.index) continue;
    pending.shift();
    out.push(text.slice(cursor, row.start), rewriteRow(text, row, cellsOf(row.index), prefix, styles));
    cursor = row.end;
  }
  for (const n of pending) {
    out.push(
      text.slice(cursor, dataEnd),
      `<${prefix}row r="${n}">${cellsOf(n)
        .map((w) => cellXml(w, prefix, styles.get(w.column)))
        .join("")}</${prefix}row>`,
    );
    cursor = dataEnd;
  }
  out.push(text.slice(cursor));
  return out.join("");
}

function rewriteRow(text: string, row: Element, writes: CellValueWrite[], prefix: string, styles: Map<number, string>): string {
  const attributes = row.attributes.replace(/\sspans\s*=\s*(["'])[^"']*\1/, "");
  const rowStyle = /\scustomFormat\s*=\s*["'](1|true)["']/.test(row.attributes) ? attr(row.attributes, "s") : undefined;
  const cells = row.selfClosed
    ? []
    : elements(text, row.inner, row.end - `</${prefix}row>`.length, prefix, "c", (a, previous) => {
        const ref = attr(a, "r");
        return ref ? parseA1(ref.replace(/\$/g, "")).column : previous + 1;
      });
  const out: string[] = [`<${prefix}row${attributes}>`];
  let cursor = row.inner;
  let w = 0;
  const fresh = (write: CellValueWrite) => cellXml(write, prefix, rowStyle ?? styles.get(write.column));
  for (const cell of cells) {
    out.push(text.slice(cursor, cell.start));
    cursor = cell.start;
    while (w < writes.length && writes[w].column < cell.index) out.push(fresh(writes[w++]));
    if (w < writes.length && writes[w].column === cell.index) {
      out.push(cellXml(writes[w++], prefix, attr(cell.attributes, "s")));
      cursor = cell.end;
    }
  }
  const innerEnd = row.selfClosed ? row.end : row.end - `</${prefix}row>`.length;
  out.push(text.slice(cursor, innerEnd));
  while (w < writes.length) out.push(fresh(writes[w++]));
  out.push(`</${prefix}row>`);
  return out.join("");
}

function cellXml(write: CellValueWrite, prefix: string, style: string | undefined): string {
  const p = prefix;
  const s = style === undefined ? "" : ` s="${style}"`;
  const r = cellAddress(write.row, write.column);
  if (typeof write.value === "number") return `<${p}c r="${r}"${s}><${p}v>${write.value}</${p}v></${p}c>`;
  return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(write.value)}</${p}t></${p}is></${p}c>`;
}

/** The elements `tag` between `from` and `to` (not nested in themselves), with the index each stands for. */
function elements(
  text: string,
  from: number,
  to: number,
  prefix: string,
  tag: string,
  index: (attributes: string, previous: number) => number,
): Element[] {
  const found: Element[] = [];
  const start = new RegExp(`<${escape(prefix)}${tag}(\\s[^>]*?)?(/?)>`, "g");
  const close = `</${prefix}${tag}>`;
  start.lastIndex = from;
  let previous = tag === "row" ? 0 : -1;
  for (let m = start.exec(text); m && m.index < to; m = start.exec(text)) {
    const attributes = m[1] ?? "";
    const selfClosed = m[2] === "/";
    const inner = m.index + m[0].length;
    const end = selfClosed ? inner : text.indexOf(close, inner) + close.length;
    previous = index(attributes, previous);
    found.push({ start: m.index, end, inner, attributes, selfClosed, index: previous });
    start.lastIndex = end;
  }
  return found;
}

/** The style of each column from `<cols>`, 0-based, so that a new cell looks like the column the user formatted. */
function columnStyles(head: string, prefix: string): Map<number, string> {
  const styles = new Map<number, string>();
  const col = new RegExp(`<${escape(prefix)}col\\s([^>]*?)/?>`, "g");
  for (let m = col.exec(head); m; m = col.exec(head)) {
    const [min, max, style] = [Number(attr(m[1], "min")), Number(attr(m[1], "max")), attr(m[1], "style")];
    if (style === undefined || !(min > 0) || !(max >= min)) continue;
    for (let c = min; c <= Math.min(max, min + 1000); c++) styles.set(c - 1, style);
  }
  return styles;
}

function attr(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attributes)?.[2];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The cells of the named worksheets that hold a formula, and their merged ranges: where a collected figure must not go. */
export function formulaAndMergedCells(
  workbook: OpenedWorkbook,
  sheets: readonly string[],
): {
  formulas: { sheet: string; cell: string }[];
  merges: { sheet: string; range: string }[];
} {
  const formulas: { sheet: string; cell: string }[] = [];
  const merges: { sheet: string; range: string }[] = [];
  for (const sheet of workbook.sheets) {
    if (!sheets.includes(sheet.name) || sheet.kind !== "worksheet" || !sheet.part) continue;
    let cell: string | null = null;
    walkXml(workbook.zip.inflate(workbook.zip.entry(sheet.part)!), sheet.part, {
      open(name, a) {
        if (name === "c") cell = a.r ?? null;
        else if (name === "f" && cell !== null) formulas.push({ sheet: sheet.name, cell: cell.replace(/\$/g, "") });
        else if (name === "mergeCell" && a.ref) merges.push({ sheet: sheet.name, range: a.ref.replace(/\$/g, "") });
      },
      close(name) {
        if (name === "c") cell = null;
      },
    });
  }
  return { formulas, merges };
}
