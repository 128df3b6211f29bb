import { BASE_YEAR, FINAL_YEAR, type Method } from "../core/model";
import { parseVietnameseNumber } from "../core/number";
import { methodNamed } from "../core/method-words";
import { parseTarget, type Target } from "../core/target";
import { excelError, isExcelError, passedError, type ErrorCode, type ExcelError } from "./errors";
import { FAILURES, rangeSize, type Argument, type Reason } from "./messages";

/**
 * The one wrapper between Excel and the function bodies: it reads each argument (Vietnamese number text, target
 * expressions, blanks), lets Excel errors through, broadcasts single values against ranges, and turns failures into
 * Excel errors. Bodies get typed values and answer a value or a `Failure`.
 */

/** A failure of one cell's computation; it becomes an Excel error only at the boundary. */
export class Failure {
  constructor(
    readonly reason: Reason,
    readonly params: object = {},
  ) {}
}

export function fail<R extends Reason>(reason: R, ...params: Parameters<(typeof FAILURES)[R]>): Failure {
  return new Failure(reason, params[0]);
}

function toExcelError(failure: Failure): ExcelError {
  const [code, message] = (FAILURES[failure.reason] as (p: object) => readonly [ErrorCode, string])(failure.params);
  return excelError(code, message);
}

export type Answer = number | string;
export type Cell = Answer | ExcelError;

/** How one argument is read: its name (for messages) and a reader of one cell. */
export interface Param<T> {
  argument: Argument;
  read(value: unknown): T | Failure;
}

// ── Readers ──────────────────────────────────────────────────────────────────────────────────────────────────────

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/** Excel may pass a rich value (a formatted number, an entity) as an object around its plain value. */
function plain(value: unknown): unknown {
  return typeof value === "object" && value !== null && "basicValue" in value ? (value as { basicValue: unknown }).basicValue : value;
}

const shown = (value: unknown) =>
  typeof value === "string" ? value.trim() : typeof value === "boolean" ? String(value).toUpperCase() : String(value);

function readNumber(argument: Argument, value: unknown, allowNegative: boolean): number | null | Failure {
  const v = plain(value);
  if (isBlank(v)) return null;
  const n = typeof v === "number" ? v : typeof v === "string" ? parseVietnameseNumber(v)?.value : undefined;
  if (n === undefined || !Number.isFinite(n)) return fail("not-a-number", { argument, text: shown(v) });
  return n < 0 && !allowNegative ? fail("negative", { argument, value: n }) : n;
}

/** A figure of the sheet (actual, baseline, weight): blank is null, never 0; negative figures are errors. */
export const figure = (argument: Argument): Param<number | null> => ({ argument, read: (v) => readNumber(argument, v, false) });

/** Any number, negatives included (COMA.NUMBER reads what the text says). */
export const signedNumber = (argument: Argument): Param<number | null> => ({ argument, read: (v) => readNumber(argument, v, true) });

/** A number of years greater than 0. */
export const positive = (argument: Argument): Param<number | null> => ({
  argument,
  read: (v) => {
    const n = readNumber(argument, v, false);
    return typeof n === "number" && n <= 0 ? fail("bad-years", { value: n }) : n;
  },
});

/** A `Mục tiêu 2030` expression (core/target.ts) or a plain number. */
export const targetExpression = (argument: Argument): Param<Target | null> => ({
  argument,
  read: (value) => {
    const v = plain(value);
    if (isBlank(v)) return null;
    if (typeof v === "number" && v < 0) return fail("negative", { argument, value: v });
    if (typeof v !== "number" && typeof v !== "string") return fail("bad-target", { text: shown(v) });
    const parsed = parseTarget(v);
    if (parsed.ok) return parsed.target;
    return fail(parsed.reason === "inverted-range" ? "inverted-range" : "bad-target", { text: shown(v) });
  },
});

/** An evaluation year of the term: a whole number from 2025 (the starting position) to 2030. */
export const year = (argument: Argument): Param<number | null> => ({
  argument,
  read: (value) => {
    const n = readNumber(argument, value, true);
    if (n === null || n instanceof Failure) return n;
    return Number.isInteger(n) && n >= BASE_YEAR && n <= FINAL_YEAR ? n : fail("bad-year", { text: shown(plain(value)) });
  },
});

/** A `Cách tính` text, read as the sheets read it (`Cộng dồn`, `cong don`, `Lũy kế` …); blank is `Năm`. */
export const method = (argument: Argument): Param<Method> => ({
  argument,
  read: (value) => {
    const v = plain(value);
    if (isBlank(v)) return "Năm";
    const text = shown(v);
    return (typeof v === "string" && methodNamed(text)) || fail("bad-method", { text });
  },
});

/** An indicator code, written any case and spacing: ` kt3.2 ` is `KT3.2`. */
export const code = (argument: Argument): Param<string | null> => ({
  argument,
  read: (value) => {
    const v = plain(value);
    return isBlank(v) ? null : String(v).replace(/\s+/g, "").toUpperCase();
  },
});

/** The same reader, with a blank answering "Thiếu …" (#N/A). */
export const required = <T>(param: Param<T | null>): Param<T> => ({
  argument: param.argument,
  read: (value) => {
    const read = param.read(value);
    return read === null ? fail("missing", { argument: param.argument }) : read;
  },
});

/** A body's figure, or #DIV/0! where core has none because a denominator is 0. */
export const ratio = (x: number | null): number | Failure => x ?? fail("no-ratio");

// ── Ranges ───────────────────────────────────────────────────────────────────────────────────────────────────────

type Params<A extends unknown[]> = { [K in keyof A]: Param<A[K]> };
type Shape = { rows: number; columns: number };

function shapeOf(value: unknown[]): Shape | Failure {
  const rows = value.length;
  const columns = Array.isArray(value[0]) ? value[0].length : 0;
  const rectangular = rows > 0 && columns > 0 && value.every((row) => Array.isArray(row) && row.length === columns);
  return rectangular ? { rows, columns } : fail("bad-range");
}

/** The shape all range arguments share; with `broadcast`, a 1×1 range counts as a single value. */
function agreedShape(args: unknown[], broadcast: boolean): Shape | Failure {
  let agreed: Shape | null = null;
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    const shape = shapeOf(arg);
    if (shape instanceof Failure) return shape;
    if (broadcast && shape.rows === 1 && shape.columns === 1) continue;
    if (agreed && (agreed.rows !== shape.rows || agreed.columns !== shape.columns)) {
      return fail("shape-mismatch", { first: rangeSize(agreed.rows, agreed.columns), second: rangeSize(shape.rows, shape.columns) });
    }
    agreed = shape;
  }
  return agreed ?? { rows: 1, columns: 1 };
}

/** One cell read by its parameter: the typed value, or the Excel error to answer (one passed in, or a failure). */
function readCell<T>(param: Param<T>, value: unknown): T | ExcelError {
  const passed = passedError(value);
  if (passed) return passed;
  const read = param.read(value);
  return read instanceof Failure ? toExcelError(read) : read;
}

function readEach<T>(param: Param<T>, values: unknown[]): T[] | ExcelError {
  const read: T[] = [];
  for (const value of values) {
    const one = readCell(param, value);
    if (isExcelError(one)) return one;
    read.push(one);
  }
  return read;
}

const settle = (answer: Answer | Failure): Cell => (answer instanceof Failure ? toExcelError(answer) : answer);

/**
 * Reads the cells of one argument: the typed value, or the Excel error to answer. Over a range it reads each
 * distinct text (and blank) once: targets, units and text figures repeat down a column, and reading one means a
 * parse, and for a bad one a Vietnamese message. Answers are shared between cells, never mutated.
 */
class ArgumentReader {
  private readonly known = new Map<unknown, unknown>();

  constructor(
    private readonly param: Param<unknown>,
    private readonly remember: boolean,
  ) {}

  read(value: unknown): unknown {
    if (!this.remember || typeof value === "number" || (typeof value === "object" && value !== null)) return readCell(this.param, value);
    if (this.known.has(value)) return this.known.get(value);
    const read = readCell(this.param, value);
    if (this.known.size < REMEMBERED_TEXTS) this.known.set(value, read);
    return read;
  }
}

/** Enough for the texts that repeat; a column of distinct texts (figures typed as text) would only fill the map. */
const REMEMBERED_TEXTS = 1_000;

/**
 * A function of single values, lifted to ranges: given only single values it answers one value; given a range it
 * answers a same-shaped 2-D array, single values (and 1×1 ranges) broadcast against it; ranges of different shapes
 * answer #VALUE!.
 */
export function lift<A extends unknown[]>(params: Params<A>, body: (...args: A) => Answer | Failure) {
  const readersOf = (remember: boolean) => (params as Param<unknown>[]).map((param) => new ArgumentReader(param, remember));
  const single = readersOf(false);
  // Plain loops and one arguments array per call: a 100,000-row column is one call, and this is its inner loop.
  const cell = (readers: ArgumentReader[], values: readonly unknown[], read: unknown[]): Cell => {
    for (let i = 0; i < readers.length; i++) {
      const one = readers[i].read(values[i]);
      if (isExcelError(one)) return one;
      read[i] = one;
    }
    return settle(body(...(read as A)));
  };
  return (...args: unknown[]): Cell | Cell[][] => {
    const read = new Array<unknown>(params.length);
    if (!args.some(Array.isArray)) return cell(single, args, read);
    const shape = agreedShape(args, true);
    if (shape instanceof Failure) return toExcelError(shape);
    const readers = readersOf(true);
    const grids = args.map(rangeOrSingle);
    const values = grids.map((g) => g.value); // reused for every cell; the single values never change
    const answer: Cell[][] = new Array(shape.rows);
    for (let r = 0; r < shape.rows; r++) {
      const row: Cell[] = new Array(shape.columns);
      for (let c = 0; c < shape.columns; c++) {
        for (let i = 0; i < grids.length; i++) if (grids[i].range) values[i] = grids[i].range![r][c];
        row[c] = cell(readers, values, read);
      }
      answer[r] = row;
    }
    return answer;
  };
}

/** An argument as a range to index, or as the single value it broadcasts (a 1×1 range counts as one). */
function rangeOrSingle(arg: unknown): { range: unknown[][] | null; value: unknown } {
  if (!Array.isArray(arg)) return { range: null, value: arg };
  const grid = arg as unknown[][];
  return grid.length === 1 && grid[0].length === 1 ? { range: null, value: grid[0][0] } : { range: grid, value: undefined };
}

type Columns<A extends unknown[]> = { [K in keyof A]: A[K][] | null };

/**
 * A function of whole ranges (an aggregate): each argument is read cell by cell, in row order, into a column, and
 * an argument left out is null. Ranges must have the same shape; the first Excel error among the cells is the answer.
 */
export function aggregate<A extends unknown[]>(params: Params<A>, body: (...columns: Columns<A>) => Answer | Failure) {
  return (...args: unknown[]): Cell => {
    const grids = (params as Param<unknown>[]).map((_, i) => {
      const arg = args[i];
      return arg === null || arg === undefined ? null : Array.isArray(arg) ? (arg as unknown[]) : [[arg]];
    });
    const shape = agreedShape(grids, false);
    if (shape instanceof Failure) return toExcelError(shape);
    const columns: (unknown[] | null)[] = [];
    for (const [i, grid] of grids.entries()) {
      const column = grid === null ? null : readEach((params as Param<unknown>[])[i], (grid as unknown[][]).flat());
      if (isExcelError(column)) return column;
      columns.push(column);
    }
    return settle(body(...(columns as Columns<A>)));
  };
}
