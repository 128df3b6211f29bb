import * as z from "zod/mini";
import { memoize } from "./text";

/**
 * The port between a workbook adapter (the add-in's, the command line's) and core: each sheet as plain 2-D arrays.
 * An error cell is `{ error: "#DIV/0!" }`; a formula cell carries its cached result.
 */
export const CellErrorSchema = z.object({ error: z.string() });
export const CellSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), CellErrorSchema]);
export const SheetGridSchema = z.object({
  name: z.string(),
  /** Values from the sheet's top-left used cell (`top`, `left`, 0-based) on. */
  values: z.array(z.array(CellSchema)),
  /** Excel number formats, same shape as values; missing means "General". */
  formats: z.optional(z.array(z.array(z.nullable(z.string())))),
  top: z.optional(z.number()),
  left: z.optional(z.number()),
  /**
   * Rows holding a value in the whole sheet, when the adapter stopped keeping rows past the row limit so that memory
   * follows the limit, not the file (the workbook-file layer): `values` then holds only the first rows over it.
   */
  filledRowCount: z.optional(z.number()),
});
export const WorkbookGridSchema = z.array(SheetGridSchema);

export type CellError = z.infer<typeof CellErrorSchema>;
export type Cell = z.infer<typeof CellSchema>;
export type SheetGrid = z.infer<typeof SheetGridSchema>;

const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The Excel error a cell holds, whether the adapter gave it as `{error}` or as its literal text (what the add-in reads). */
export function cellError(cell: Cell | undefined): string | null {
  // An error cell is always an error, even when the adapter could not name it (`{ error: "" }`).
  if (cell !== null && typeof cell === "object")
    return typeof cell.error === "string" && cell.error.trim() !== "" ? cell.error.trim() : "#VALUE!";
  // Most texts hold no `#`: the cheap test first, as every target cell and text figure asks.
  if (typeof cell === "string" && cell.includes("#") && ERROR_LITERAL.test(cell.trim())) return cell.trim();
  return null;
}

/**
 * The indexes of the rows a grid holds, ascending. An adapter may leave rows without cells as holes (the workbook-file
 * layer does, so that a far cell costs nothing): the rows between are never visited.
 */
export function storedRows(values: readonly unknown[]): number[] {
  if (values.length > DENSE_ROWS) return Object.keys(values).map(Number);
  // A grid of a usual size by index, skipping holes: listing its keys as strings and reading them back costs more.
  const rows: number[] = [];
  for (let r = 0; r < values.length; r++) if (r in values) rows.push(r);
  return rows;
}

/** Grids up to this length are walked by index; a longer one (a far cell, a giant) by its keys, which skip the holes. */
const DENSE_ROWS = 65_536;

/** Rows holding at least one non-blank cell: what a sheet's size is counted in, whatever the addresses between. */
export function filledRows(values: readonly (readonly Cell[] | undefined)[]): number[] {
  // Object.values visits the cells a row holds, not every column up to its last one (XFD is 16,384 columns).
  return storedRows(values).filter((r) => Object.values(values[r] ?? []).some((cell) => !isBlank(cell)));
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** True when an Excel number format shows the value as a percentage (a `%` outside quotes and escapes). */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && percentFormat(format);
}

// A sheet has a handful of formats, asked about for every number cell.
const percentFormat = memoize((format) => /%/.test(format.replace(/"[^"]*"|\\./g, "")));
