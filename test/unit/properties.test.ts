import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateIndicator } from "../../core/evaluate";
import type { SheetGrid } from "../../core/grid";
import { STATUSES, type Method, type Status } from "../../core/model";
import { parseVietnameseNumber } from "../../core/number";
import { countByGroup, rollUp, worstStatus } from "../../core/rollup";
import { attainment, change, expectedValue, growth, isOnPath, meets, progress, status } from "../../core/rules";
import { MAX_SHEET_ROWS, readWorkbook } from "../../core/sheet";
import { buildSummary } from "../../core/summary";
import { parseTarget, type Target } from "../../core/target";
import {
  cell,
  figure,
  grid,
  indicator,
  magnitude,
  method,
  plainNumber,
  positive,
  SEED,
  target,
  vietnameseNumber,
  year,
} from "./arbitraries";

const run = (numRuns: number) => ({ seed: SEED, numRuns });
const finiteOrNull = (x: unknown) => x === null || (typeof x === "number" && Number.isFinite(x));
const same = (x: number, y: number) => x === y; // −0 and 0 are the same figure
const FIGURES = ["value", "previous", "actual", "expected", "attainment", "planAttainment", "progress", "delta", "change"] as const;

describe("reading what Intl writes in Vietnamese", () => {
  it("should read back every number Intl.NumberFormat('vi-VN') writes, grouping and decimals included", () => {
    fc.assert(
      fc.property(
        magnitude,
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        fc.constantFrom("", "%", " %", " ha", "\u00a0hộ", " triệu đồng"),
        (value, digits, negative, unit) => {
          const signed = negative ? -value : value;
          const parsed = parseVietnameseNumber(vietnameseNumber(signed, digits) + unit);
          expect(parsed).not.toBeNull();
          expect(parsed!.dotDecimal).toBe(false);
          expect(same(parsed!.value, plainNumber(signed, digits))).toBe(true);
        },
      ),
      run(2000),
    );
  });

  it("should read a grouped integer such as 1.234 as 1234, never 1.234", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseVietnameseNumber(vietnameseNumber(n, 0))).toEqual({ value: n, dotDecimal: false });
      }),
      run(1000),
    );
  });

  it("should never read text as a number that is not finite", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.,]{300,400}$/)), (text) => {
        const parsed = parseVietnameseNumber(text);
        expect(parsed === null || Number.isFinite(parsed.value)).toBe(true);
      }),
      run(1000),
    );
  });
});

/** A target expression in the grammar of core/target.ts, with the target it means. */
const expression: fc.Arbitrary<{ text: string; expected: Target }> = fc
  .record({
    n: magnitude,
    m: magnitude,
    digits: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom("", "%", " %", " ha", " hộ", " người", " triệu đồng", " tiêu chí"),
    form: fc.integer({ min: 0, max: 20 }),
    upper: fc.boolean(),
  })
  .map(({ n, m, digits, unit, form, upper }) => {
    const a = plainNumber(n, digits);
    const b = plainNumber(m, digits);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const N = vietnameseNumber(a, digits) + unit;
    const L = vietnameseNumber(lo, digits);
    const H = vietnameseNumber(hi, digits) + unit;
    const forms: [string, Target][] = [
      [N, { kind: "min", n: a, strict: false }],
      [`≥ ${N}`, { kind: "min", n: a, strict: false }],
      [`>= ${N}`, { kind: "min", n: a, strict: false }],
      [`đạt ${N}`, { kind: "min", n: a, strict: false }],
      [`từ ${N} trở lên`, { kind: "min", n: a, strict: false }],
      [`tối thiểu ${N}`, { kind: "min", n: a, strict: false }],
      [`ít nhất ${N}`, { kind: "min", n: a, strict: false }],
      [`> ${N}`, { kind: "min", n: a, strict: true }],
      [`trên ${N}`, { kind: "min", n: a, strict: true }],
      [`≤ ${N}`, { kind: "max", n: a, strict: false }],
      [`<= ${N}`, { kind: "max", n: a, strict: false }],
      [`tối đa ${N}`, { kind: "max", n: a, strict: false }],
      [`không quá ${N}`, { kind: "max", n: a, strict: false }],
      [`< ${N}`, { kind: "max", n: a, strict: true }],
      [`dưới ${N}`, { kind: "max", n: a, strict: true }],
      [`${L}-${H}`, { kind: "range", low: lo, high: hi }],
      [`${L} – ${H}`, { kind: "range", low: lo, high: hi }],
      [`${L} đến ${H}`, { kind: "range", low: lo, high: hi }],
      [`từ ${L} đến ${H}`, { kind: "range", low: lo, high: hi }],
      [`giảm ≥ ${vietnameseNumber(a, digits)}%`, { kind: "reduction", n: a }],
      [`giảm tối thiểu ${vietnameseNumber(a, digits)}%`, { kind: "reduction", n: a }],
    ];
    const [text, expected] = forms[form];
    return { text: upper ? text.toUpperCase() : text, expected };
  });

describe("target expressions", () => {
  it("should parse every generated expression back to the target it was written from", () => {
    fc.assert(
      fc.property(expression, ({ text, expected }) => {
        expect(parseTarget(text)).toEqual({ ok: true, target: expected });
      }),
      run(3000),
    );
  });

  it("should call a range with its bounds swapped inverted", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (low, width) => {
        expect(parseTarget(`${vietnameseNumber(low + width, 0)}-${vietnameseNumber(low, 0)}`)).toEqual({
          ok: false,
          reason: "inverted-range",
        });
      }),
      run(500),
    );
  });

  it("should never throw, and never answer a target with a bound that is not a finite non-negative number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme" }),
          fc.double(),
          cell.filter((c) => typeof c === "string"),
        ),
        (input) => {
          const parsed = parseTarget(input as string | number);
          if (!parsed.ok) return;
          const bounds = parsed.target.kind === "range" ? [parsed.target.low, parsed.target.high] : [parsed.target.n];
          for (const x of bounds) expect(Number.isFinite(x)).toBe(true);
          if (typeof input === "string") for (const x of bounds) expect(x).toBeGreaterThanOrEqual(0);
        },
      ),
      run(2000),
    );
  });
});

/** Bounds as officials write them: 0, or at least 0,001. (rules.ts compares with an absolute 1e-9 below 1.) */
const realisticTarget = target.filter((t) => (t.kind === "range" ? [t.low, t.high] : [t.n]).every((x) => x === 0 || x >= 1e-3));
const actual = fc.oneof(fc.constantFrom(0, Number.MIN_VALUE, 1, 1e300), fc.double({ min: 0, max: 1e12, noNaN: true }));

describe("attainment", () => {
  it("should not decrease when the actual grows, for min and range targets", () => {
    const rising = fc.oneof(
      fc.record({ kind: fc.constant("min" as const), n: positive, strict: fc.boolean() }),
      target.filter((t) => t.kind === "range"),
    );
    fc.assert(
      fc.property(rising, actual, actual, (t, x, y) => {
        const [a1, a2] = x <= y ? [x, y] : [y, x];
        const r1 = attainment(t, a1, null);
        const r2 = attainment(t, a2, null);
        if (r1 !== null && r2 !== null) expect(r1).toBeLessThanOrEqual(r2);
      }),
      run(2000),
    );
  });

  it("should not increase when the actual grows, for max and reduction targets", () => {
    const falling = fc.oneof(
      fc.record({ kind: fc.constant("max" as const), n: positive, strict: fc.boolean() }),
      fc.record({ kind: fc.constant("reduction" as const), n: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
    );
    fc.assert(
      fc.property(falling, actual, actual, positive, (t, x, y, baseline) => {
        const [a1, a2] = x <= y ? [x, y] : [y, x];
        const r1 = attainment(t, a1, baseline);
        const r2 = attainment(t, a2, baseline);
        if (r1 !== null && r2 !== null) expect(r1).toBeGreaterThanOrEqual(r2);
      }),
      run(2000),
    );
  });
});

describe("status and attainment agree", () => {
  it("should say Đạt or Vượt exactly when the target is met, Thiếu số liệu exactly when it cannot be said, in 2025 and 2030", () => {
    fc.assert(
      fc.property(realisticTarget, fc.option(actual, { nil: null }), figure, fc.constantFrom(2025, 2030), (t, a, b, y) => {
        const met = meets(t, a, b);
        const s = status(t, a, b, y);
        const r = attainment(t, a, b);
        expect(s === "Đạt" || s === "Vượt").toBe(met === true);
        expect(s === "Thiếu số liệu").toBe(met === null);
        if (a === null) expect(s).toBe("Thiếu số liệu");
        if (met === false) expect(s).toBe(y === 2030 ? "Không đạt" : "Chưa đạt");
        if (s === "Vượt") expect(r !== null && r > 1).toBe(true);
        if (s === "Đạt") expect(r === null || r <= 1 + 1e-9).toBe(true);
        if (met === false) expect(r === null || r <= 1 + 1e-6).toBe(true);
      }),
      run(3000),
    );
  });

  it("should call any value above a range Vượt, in every year and for every method", () => {
    const rangeTarget = fc.tuple(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(rangeTarget, fc.double({ min: 1.001, max: 1000, noNaN: true }), fc.option(positive, { nil: null }), (bounds, over, b) => {
        const [low, width] = bounds;
        const t: Target = { kind: "range", low, high: low + width };
        const a = t.high * over;
        // the final verdict and a Năm row during the term: exceeded; a growth rate is never final before 2030
        expect(status(t, a, b, 2030)).toBe("Vượt");
        expect(status(t, a, b, 2027, "Năm")).toBe("Vượt");
        expect(status(t, a, b, 2027, "Tăng bình quân")).toBe("Đúng tiến độ");
        expect(attainment(t, a, b)!).toBeGreaterThan(1);
      }),
      run(2000),
    );
  });
});

describe("status during the term agrees with e(y)", () => {
  const during = fc.constantFrom(2026, 2027, 2028, 2029);
  const pathMethod = fc.constantFrom<Method>("Năm", "Cộng dồn");

  it("should say Đúng tiến độ or Chậm tiến độ exactly as a stands against e(y), once the target is not reached", () => {
    fc.assert(
      fc.property(realisticTarget, pathMethod, actual, fc.option(positive, { nil: null }), during, (t, m, a, b, y) => {
        const s = status(t, a, b, y, m);
        const e = expectedValue(t, m, b, y);
        if (s === "Đúng tiến độ") expect(e !== null && isOnPath(t, a, e)).toBe(true);
        if (s === "Chậm tiến độ") expect(e !== null && !isOnPath(t, a, e)).toBe(true);
        if (s === "Chưa đạt") expect(e).toBeNull();
        if (s === "Không đạt") expect.unreachable("Không đạt before 2030");
        if (e !== null && (s === "Đúng tiến độ" || s === "Chậm tiến độ")) expect(s === "Đúng tiến độ").toBe(isOnPath(t, a, e));
      }),
      run(3000),
    );
  });

  it("should never say Đạt or Vượt before 2030 for a growth rate or a reduction of the term total", () => {
    const cases = fc.oneof(
      fc.tuple(realisticTarget, fc.constant<Method>("Tăng bình quân")),
      fc.tuple(
        fc.record({ kind: fc.constant("reduction" as const), n: fc.double({ min: 0, max: 100, noNaN: true }) }),
        fc.constant<Method>("Cộng dồn"),
      ),
    );
    fc.assert(
      fc.property(cases, actual, fc.option(positive, { nil: null }), fc.constantFrom(2025, 2026, 2027, 2028, 2029), ([t, m], a, b, y) => {
        expect(["Đạt", "Vượt"]).not.toContain(status(t, a, b, y, m));
      }),
      run(2000),
    );
  });

  it("should put e(y) between the baseline and the target of a Năm row", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        during,
        fc.boolean(),
        (b, n, y, up) => {
          const t: Target = up ? { kind: "min", n, strict: false } : { kind: "max", n, strict: false };
          const e = expectedValue(t, "Năm", b, y)!;
          expect(e).toBeGreaterThanOrEqual(Math.min(b, n) - 1e-6 * Math.max(b, n));
          expect(e).toBeLessThanOrEqual(Math.max(b, n) + 1e-6 * Math.max(b, n));
        },
      ),
      run(2000),
    );
  });
});

describe("rolling sub-metrics up", () => {
  const rank: Record<Status, number> = {
    "Không đạt": 0,
    "Chậm tiến độ": 1,
    "Chưa đạt": 2,
    "Thiếu số liệu": 3,
    "Đúng tiến độ": 4,
    Đạt: 5,
    Vượt: 6,
  };
  const statuses = fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 8 });

  it("should answer the worst status of any permutation: Không đạt < Chậm tiến độ < Chưa đạt < Thiếu số liệu < Đúng tiến độ < Đạt < Vượt", () => {
    fc.assert(
      fc.property(
        statuses.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))),
        ([list, shuffled]) => {
          const worst = Math.min(...list.map((s) => rank[s]));
          expect(rank[worstStatus(list)]).toBe(worst);
          expect(list).toContain(worstStatus(list));
          expect(worstStatus(shuffled)).toBe(worstStatus(list));
        },
      ),
      run(2000),
    );
  });

  it("should count each target once, in its group, with its worst status", () => {
    const rows = fc.array(fc.record({ root: fc.constantFrom("KT1", "KT3", "XH4", "XD2"), status: fc.constantFrom(...STATUSES) }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(rows, (list) => {
        const withGroup = list.map((r) => ({ ...r, group: r.root.slice(0, 2) as "KT" | "XH" | "XD" }));
        const targets = rollUp(withGroup);
        expect(targets.map((t) => t.root).sort()).toEqual([...new Set(list.map((r) => r.root))].sort());
        for (const t of targets) expect(t.status).toBe(worstStatus(list.filter((r) => r.root === t.root).map((r) => r.status)));
        const counts = countByGroup(targets);
        for (const c of counts) expect(c.exceeded + c.met + c.onTrack + c.behind + c.notMet + c.noData).toBe(c.total);
        expect(counts.reduce((s, c) => s + c.total, 0)).toBe(targets.length);
      }),
      run(1000),
    );
  });
});

describe("no rule gives NaN or ±Infinity as a figure", () => {
  const NUMERIC = [...FIGURES, "baseline"] as const;

  it("should give every rule's answer as a finite number or null", () => {
    const any = fc.oneof(figure, fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(target, method, any, any, any, fc.integer({ min: -5, max: 10 }), (t, m, a, b, first, years) => {
        const y = 2025 + (Math.abs(years) % 6);
        for (const x of [attainment(t, a, b), progress(t, m, a, b), change(a, b), growth(first, a, years), expectedValue(t, m, b, y)])
          expect(finiteOrNull(x)).toBe(true);
      }),
      run(3000),
    );
  });

  it("should evaluate random indicators to finite figures or null", () => {
    fc.assert(
      fc.property(indicator, year, (i, y) => {
        const result = evaluateIndicator(i, y);
        for (const key of FIGURES) expect(finiteOrNull(result[key]), key).toBe(true);
        expect(STATUSES).toContain(result.status);
      }),
      run(3000),
    );
  });

  it("should build a summary of random indicators with finite figures, consistent counts and no NaN in words", () => {
    fc.assert(
      fc.property(fc.array(indicator, { maxLength: 12 }), fc.option(year, { nil: undefined }), (indicators, y) => {
        const summary = buildSummary({ sheets: ["S"], indicators, problems: [], missing: [] }, y);
        for (const row of summary.rows) for (const key of NUMERIC) expect(finiteOrNull(row[key]), key).toBe(true);
        expect(`${summary.headline} ${summary.planHeadline}`).not.toMatch(/NaN|undefined|Infinity|∞/);
        const roots = new Set(indicators.filter((i) => !i.isParent).map((i) => i.root));
        expect(summary.groups.reduce((s, g) => s + g.total, 0)).toBe(roots.size);
        expect(summary.behind.filter((r) => !["Chậm tiến độ", "Chưa đạt", "Không đạt"].includes(r.status))).toEqual([]);
      }),
      run(1500),
    );
  });
});

describe("reading random workbooks", () => {
  const ADDRESS = /^[A-Z]{1,3}[1-9]\d*$/;

  it("should never throw, locate every problem at a sheet and cell, and summarise to finite figures", () => {
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 3 }), (grids) => {
        const read = readWorkbook(grids as SheetGrid[]);
        for (const p of read.problems) {
          if (p.rule === "no-target-sheet") expect(p.sheet).toBeNull();
          else {
            expect(grids.map((g) => g.name)).toContain(p.sheet);
            expect(p.cell).toMatch(ADDRESS);
          }
          expect(p.message.replace(/“.*”/su, "“…”")).not.toMatch(/NaN|undefined|Infinity|∞|\[object/); // quoted user text aside
        }
        for (const i of read.indicators) for (const v of [i.baseline, ...Object.values(i.values)]) expect(finiteOrNull(v)).toBe(true);
        for (const y of [undefined, 2025, 2030]) {
          const summary = buildSummary(read, y);
          for (const row of summary.rows)
            for (const key of [...FIGURES, "baseline"] as const) expect(finiteOrNull(row[key]), key).toBe(true);
        }
      }),
      run(400),
    );
  });

  it("should refuse a sheet above the row limit with one problem at its first row over the limit", () => {
    const values = [["Mã", "Chỉ tiêu", "Mục tiêu 2030"], ...Array.from({ length: MAX_SHEET_ROWS }, () => ["KT1", "x", "1"])];
    const read = readWorkbook([{ name: "Lớn", values }]);
    expect(read.problems).toMatchObject([{ rule: "sheet-too-large", sheet: "Lớn", cell: "A20001" }]);
    expect(read.indicators).toEqual([]);
  });
});
