import * as z from "zod/mini";
import { GROUPS, METHODS, STATUSES } from "../../core";
import { RULES } from "../../core/problems";

/** The JSON the command line prints (docs/rules.md): one schema per output, the types inferred from them. */
const figure = z.nullable(z.number());

export const ProblemJsonSchema = z.strictObject({
  severity: z.enum(["error", "warning"]),
  sheet: z.nullable(z.string()),
  cell: z.nullable(z.string()),
  /** Indicator code of the row, when there is one. */
  code: z.nullable(z.string()),
  message: z.string(),
  rule: z.enum(RULES),
});

export const ValidateJsonSchema = z.strictObject({
  file: z.string(),
  ok: z.boolean(),
  sheets: z.array(z.string()),
  indicators: z.number(),
  problems: z.array(ProblemJsonSchema),
});

/** One row per code as written; ratios are fractions (1.26, not 126), null where there is no figure. */
export const IndicatorJsonSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  method: z.enum(METHODS),
  baseline: figure,
  /** The target expression as written. */
  target: z.string(),
  /** `Kế hoạch <năm>` as written. */
  plan: z.nullable(z.string()),
  /** v(y − 1); for 2026 the baseline of a `Năm` row. */
  previous: figure,
  /** v(y), as entered. */
  value: figure,
  /** The evaluated value a: v(y), the sum since 2026 (`Cộng dồn`) or the average growth in %/year (`Tăng bình quân`). */
  actual: figure,
  /** e(y), the path to 2030. */
  expected: figure,
  attainment: figure,
  planAttainment: figure,
  progress: figure,
  delta: figure,
  change: figure,
  status: z.enum(STATUSES),
});

export const SummaryJsonSchema = z.strictObject({
  file: z.string(),
  year: z.number(),
  output: z.string(),
  headline: z.string(),
  problems: z.number(),
  indicators: z.array(IndicatorJsonSchema),
  groups: z.array(
    z.strictObject({
      group: z.enum(GROUPS),
      total: z.number(),
      exceeded: z.number(),
      met: z.number(),
      onTrack: z.number(),
      behind: z.number(),
      notMet: z.number(),
      noData: z.number(),
    }),
  ),
});

/** `collect --json` (contract section 7): figures as numbers, plans that are expressions as written. */
const figureOrText = z.union([z.number(), z.string()]);
export const CollectJsonSchema = z.strictObject({
  master: z.string(),
  year: z.number(),
  output: z.string(),
  units: z.array(z.strictObject({ unit: z.string(), file: z.string(), rows: z.number(), filled: z.number() })),
  written: z.number(),
  conflicts: z.array(
    z.strictObject({
      code: z.string(),
      cell: z.string(),
      master: z.nullable(figureOrText),
      unit: z.string(),
      file: z.string(),
      value: figureOrText,
    }),
  ),
  missing: z.array(z.strictObject({ unit: z.string(), codes: z.array(z.string()) })),
  problems: z.array(ProblemJsonSchema),
});

export type ProblemJson = z.infer<typeof ProblemJsonSchema>;
export type CollectJson = z.infer<typeof CollectJsonSchema>;
export type ValidateJson = z.infer<typeof ValidateJsonSchema>;
export type IndicatorJson = z.infer<typeof IndicatorJsonSchema>;
export type SummaryJson = z.infer<typeof SummaryJsonSchema>;
