import * as z from "zod/mini";

const text = () => z.object({ text: z.string() });
const readNumber = () => z.object({ text: z.string(), value: z.number() });

/**
 * Every problem rule with the parameters it carries, one definition each: the types below are derived from it, the
 * wording of each rule is in messages.ts. Parameters are data (numbers, codes, texts as written), never phrases.
 */
export const PROBLEM_PARAMS = {
  "no-target-sheet": z.object({}),
  "sheet-too-large": z.object({ rows: z.number(), limit: z.number() }),
  "duplicate-column": z.object({ header: z.string() }),
  "text-too-long": z.object({ length: z.number(), limit: z.number() }),
  "year-out-of-term": z.object({ header: z.string(), year: z.number() }),
  "missing-code": z.object({}),
  "bad-code": text(),
  /** `sheet` is null when the first row is on the same sheet. */
  "duplicate-code": z.object({ code: z.string(), row: z.number(), sheet: z.nullable(z.string()) }),
  "group-mismatch": z.object({ text: z.string(), group: z.string() }),
  "bad-method": text(),
  "missing-target": z.object({}),
  "bad-target": text(),
  "bad-plan": z.object({ text: z.string(), year: z.number() }),
  "inverted-range": text(),
  "ambiguous-number": text(),
  /** What the row loses without a baseline depends on its method and the kind of its target (null: unreadable). */
  "missing-baseline": z.object({
    method: z.enum(["Năm", "Cộng dồn", "Tăng bình quân", "Hằng năm"]),
    kind: z.nullable(z.enum(["min", "max", "range", "reduction"])),
  }),
  "text-number": readNumber(),
  "dot-decimal": readNumber(),
  "percent-fraction": z.object({ value: z.number(), percent: z.number() }),
  "cell-error": z.object({ error: z.string() }),
  "not-a-number": text(),
  negative: z.object({ value: z.number() }),
  "percent-over-100": z.object({ value: z.number() }),
  "cumulative-gap": z.object({ year: z.number() }),
  "annual-gap": z.object({ year: z.number() }),
  "missing-from-resolution": z.object({ code: z.string(), name: z.string() }),
  "target-differs": z.object({ text: z.string(), resolution: z.string() }),
  "report-conflict": z.object({ note: z.string() }),
  // Collecting the year's figures from the units (contract section 7): problems of a unit's file, then of the master.
  "unit-file-no-sheet": z.object({ year: z.number() }),
  "unit-file-other-year": z.object({ year: z.number(), expected: z.number() }),
  "unit-file-other-commune": z.object({ office: z.string(), expected: z.string() }),
  "unit-file-unknown-code": z.object({ code: z.string() }),
  "unit-file-code-edited": z.object({ text: z.string(), code: z.string() }),
  "unit-file-locked-edited": z.object({ text: z.string(), master: z.string() }),
  "master-no-year-column": z.object({ year: z.number() }),
  "master-no-plan-column": z.object({ year: z.number(), count: z.number() }),
  "master-merged-cell": z.object({ range: z.string() }),
} as const;

export type Rule = keyof typeof PROBLEM_PARAMS;
export type ParamsOf<R extends Rule> = z.infer<(typeof PROBLEM_PARAMS)[R]>;

/** A rule with its own parameters: a union keyed by `rule`, so that `params` is typed once the rule is known. */
export type Finding = { [R in Rule]: { rule: R; params: ParamsOf<R> } }[Rule];

/** Every rule, for schemas that pin the JSON output. */
export const RULES = Object.keys(PROBLEM_PARAMS) as [Rule, ...Rule[]];
