import fc from "fast-check";
import type { Cell } from "../../core/grid";
import { METHODS, YEARS, type Indicator, type Method } from "../../core/model";
import type { Target } from "../../core/target";

/** Fixed seed: every property run is reproducible (COMA_FC_SEED=n explores another one). */
export const SEED = Number(process.env.COMA_FC_SEED) || 20252030;

/** Plain decimal text of a number, rounded the way `Intl.NumberFormat` rounds to `digits` decimals. */
export function plainNumber(value: number, digits: number): number {
  return Number(new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: false }).format(value));
}

export function vietnameseNumber(value: number, digits: number): string {
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: digits }).format(value);
}

/** Non-negative magnitudes a sheet may hold: small decimals, everyday figures, huge values. */
export const magnitude = fc.oneof(
  fc.integer({ min: 0, max: 999 }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
  fc.double({ min: 0, max: 1e21, noNaN: true }),
);

/** Figures a cell may give core once read: blank, 0, the tiniest and largest doubles, anything between. */
export const figure: fc.Arbitrary<number | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, Number.MIN_VALUE, 1e-300, 1e-9, 1, 100, 1e15, 1e300, Number.MAX_VALUE),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
);

export const positive = fc.oneof(
  fc.constantFrom(Number.MIN_VALUE, 1e-9, 0.5, 1, 100, 1e300),
  fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
);

export const target: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ kind: fc.constant("min" as const), n: fc.oneof(fc.constant(0), positive), strict: fc.boolean() }),
  fc.record({ kind: fc.constant("max" as const), n: fc.oneof(fc.constant(0), positive), strict: fc.boolean() }),
  fc
    .tuple(fc.oneof(fc.constant(0), positive), fc.oneof(fc.constant(0), positive))
    .map(([x, y]): Target => ({ kind: "range", low: Math.min(x, y), high: Math.max(x, y) })),
  fc.record({ kind: fc.constant("reduction" as const), n: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })) }),
);

export const method: fc.Arbitrary<Method> = fc.constantFrom(...METHODS);
export const year = fc.integer({ min: 2025, max: 2030 });

const INVALID_KEYS = ["method", "baseline", "target", ...YEARS.map((y) => `year:${y}`)];
const CODES = ["KT1", "KT3", "KT3.1", "KT3.2", "XH4", "XH12.1", "XD1", "XD1.3"];

export const indicator: fc.Arbitrary<Indicator> = fc
  .record({
    code: fc.constantFrom(...CODES),
    method,
    target: fc.option(target, { nil: null }),
    baseline: figure,
    values: fc.tuple(...YEARS.map(() => figure)),
    // a plan cell per year: none, one that did not parse (null), or a target
    plans: fc.tuple(...YEARS.map(() => fc.option(fc.option(target, { nil: null }), { nil: undefined }))),
    invalid: fc.subarray(INVALID_KEYS, { maxLength: 2 }),
    isParent: fc.boolean(),
  })
  .map(({ code, values, plans, invalid, ...rest }) => ({
    ...rest,
    code,
    root: code.split(".")[0],
    group: code.slice(0, 2) as Indicator["group"],
    name: "x",
    unit: "",
    targetText: "",
    values,
    plans: Object.fromEntries(YEARS.flatMap((y, i) => (plans[i] === undefined ? [] : [[y, { text: "kế hoạch", target: plans[i] }]]))),
    note: "",
    sheet: "S",
    row: 1,
    invalid: new Set(invalid),
  }));

const HUGE_TEXT = ["x".repeat(32_767), "9".repeat(400), "1" + ".000".repeat(120), "₫".repeat(5000)];
const ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#weird"];

/** Any cell an adapter could hand core, biased to what target sheets hold. */
export const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double() }, // NaN, ±Infinity, −0 included
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_VALUE, Number.MIN_VALUE) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.string().map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS, ...HUGE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom("KT1", "kt 3.2", "XH12.1", "XD1.3", "KT", "KT1.", "XH0", "XD99999999999999999999") },
  {
    weight: 2,
    arbitrary: fc.constantFrom("≥ 90%", "trên 2.800", "dưới 30", "7-8", "8-7", "giảm tối thiểu 10%", "100%", "từ 80 trở lên", "abc", ""),
  },
  { weight: 2, arbitrary: fc.constantFrom("3.265", "126,1 %", "8.474,1", "1.5", "-3", "1e5", "12,5,1", "∞", "NaN", "Infinity") },
  { weight: 1, arbitrary: fc.constantFrom(...METHODS, "Hàng năm", "cong don") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom("=1+1", "+84", "-x", "@SUM(A1)", "\t=1", "\r\n", "e\u0301\u0301\u0301", "\u202Eشسيب", "👨‍👩‍👧") },
);

const HEADER: Cell[] = [
  "Mã",
  "Chỉ tiêu",
  "Nhóm",
  "ĐVT",
  "Cách tính",
  "Cơ sở 2025",
  "Mục tiêu 2030",
  2026,
  2027,
  2028,
  2029,
  2030,
  "Ghi chú",
];

/** A header row, intact or with some of its cells replaced by anything. */
const keepOr = fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cell });
const header: fc.Arbitrary<Cell[]> = fc
  .array(keepOr, { minLength: HEADER.length, maxLength: HEADER.length })
  .map((over) => HEADER.map((h, i) => (over[i] === undefined ? h : over[i]!)));

const row = fc.array(cell, { maxLength: 16 });

/** A sheet grid: random rows, usually with a (perturbed) header among the first rows. */
export const grid = fc
  .record({
    name: fc.oneof(fc.constantFrom("Chỉ tiêu", "Sheet1", "Tổng hợp BTV 2027"), fc.string({ unit: "grapheme", maxLength: 31 })),
    before: fc.array(row, { maxLength: 4 }),
    header: fc.option(header, { nil: null, freq: 6 }),
    after: fc.array(row, { maxLength: 25 }),
    formats: fc.option(
      fc.array(fc.array(fc.option(fc.constantFrom("0.0%", "0%", "#,##0", '"%"0', "General", "@"), { nil: null }), { maxLength: 16 }), {
        maxLength: 30,
      }),
      { nil: undefined },
    ),
    top: fc.option(fc.nat(50), { nil: undefined }),
    left: fc.option(fc.nat(30), { nil: undefined }),
    holes: fc.array(fc.tuple(fc.nat(30), fc.option(fc.nat(15), { nil: null })), { maxLength: 3 }),
  })
  .map(({ before, header: h, after, holes, ...rest }) => {
    const values = h === null ? [...before, ...after] : [...before, h, ...after];
    // Adapters may leave empty rows or cells as holes in sparse arrays.
    for (const [r, c] of holes)
      if (c === null) delete values[r];
      else if (values[r]) delete values[r][c];
    return { ...rest, values };
  });
