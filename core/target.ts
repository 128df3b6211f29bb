import { AMBIGUOUS, readNumberText } from "./number";
import { fold, memoize } from "./text";

/**
 * A parsed `Mục tiêu 2030` or `Kế hoạch <năm>` expression (docs/rules.md).
 * min: a ≥ n (a > n when strict); max: a ≤ n (a < n when strict); range: low ≤ a ≤ high;
 * reduction: (b − a) / b ≥ n %.
 */
export type Target =
  | { kind: "min"; n: number; strict: boolean }
  | { kind: "max"; n: number; strict: boolean }
  | { kind: "range"; low: number; high: number }
  | { kind: "reduction"; n: number };

/** A number of the expression read with a dot as its decimal point (`trên 1.5`): worth a warning. */
export interface DotDecimal {
  text: string;
  value: number;
  /** The whole expression is that number, so writing the number into the cell loses nothing. */
  whole: boolean;
}

export type TargetParse =
  | { ok: true; target: Target; dotDecimal?: DotDecimal }
  | { ok: false; reason: "unreadable" | "inverted-range" }
  /** A number of the expression whose dots can be neither thousands separators nor a decimal point (`2.8000`). */
  | { ok: false; reason: "ambiguous-number"; text: string };

type Bound = { kind: "min" | "max"; strict: boolean };

// Longest prefixes first, on folded text (no diacritics, lower case).
const PREFIXES: [string, Bound][] = [
  [">=", { kind: "min", strict: false }],
  ["≥", { kind: "min", strict: false }],
  ["<=", { kind: "max", strict: false }],
  ["≤", { kind: "max", strict: false }],
  [">", { kind: "min", strict: true }],
  ["<", { kind: "max", strict: true }],
  ["toi thieu", { kind: "min", strict: false }],
  ["it nhat", { kind: "min", strict: false }],
  ["dat", { kind: "min", strict: false }],
  ["tu", { kind: "min", strict: false }],
  ["tren", { kind: "min", strict: true }],
  ["toi da", { kind: "max", strict: false }],
  ["khong qua", { kind: "max", strict: false }],
  ["duoi", { kind: "max", strict: true }],
];

const REDUCTION = /^giam\s*(?:>=|\u2265|toi thieu|it nhat)?\s*(.+)$/;
const RANGE = /^(?:tu\s+)?(.+?)\s*(?:-|\u2013|\u2014|\bden\b)\s*(.+)$/;

export function parseTarget(input: string | number): TargetParse {
  if (typeof input === "number") {
    return Number.isFinite(input) && input >= 0 ? ok({ kind: "min", n: input, strict: false }) : unreadable();
  }
  return parseTargetText(input);
}

/** The amounts of one expression: the first dot-decimal and the first ambiguous number met while reading it. */
class Amounts {
  dotDecimal?: DotDecimal;
  ambiguous?: string;

  /** The number of a part of the expression (`2.800 hộ`, `50%`); negative amounts are not targets. */
  read(text: string, whole = false): number | null {
    const parsed = readNumberText(text.trim());
    if (parsed === AMBIGUOUS) {
      this.ambiguous ??= /\d[\d.,]*\d/.exec(text)?.[0] ?? text.trim(); // the number alone, not its folded unit
      return null;
    }
    if (!parsed || parsed.value < 0) return null;
    if (parsed.dotDecimal) this.dotDecimal ??= { text: text.trim(), value: parsed.value, whole };
    return parsed.value;
  }

  result(target: Target | null): TargetParse {
    if (this.ambiguous !== undefined) return { ok: false, reason: "ambiguous-number", text: this.ambiguous };
    if (target === null) return unreadable();
    return this.dotDecimal ? { ok: true, target, dotDecimal: this.dotDecimal } : ok(target);
  }
}

const parseTargetText = memoize((input: string): TargetParse => {
  const amounts = new Amounts();
  const plain = amounts.read(input, true);
  if (plain !== null) return amounts.result({ kind: "min", n: plain, strict: false });
  if (amounts.ambiguous !== undefined) return amounts.result(null);
  const text = fold(input).replace(/\s*tro len$/, "");
  const reduction = REDUCTION.exec(text);
  if (reduction) {
    const n = amounts.read(reduction[1]);
    return amounts.result(n === null ? null : { kind: "reduction", n });
  }
  const range = RANGE.exec(text);
  if (range) {
    const low = amounts.read(range[1]);
    const high = amounts.read(range[2]);
    if (low !== null && high !== null && low > high && amounts.ambiguous === undefined) return { ok: false, reason: "inverted-range" };
    return amounts.result(low === null || high === null ? null : { kind: "range", low, high });
  }
  const [prefix, bound] = PREFIXES.find(([p]) => text.startsWith(p) && isWordEnd(text, p.length)) ?? ["", null];
  const n = amounts.read(text.slice(prefix.length));
  return amounts.result(n === null ? null : bound ? { ...bound, n } : { kind: "min", n, strict: false });
});

function isWordEnd(text: string, at: number): boolean {
  return at >= text.length || !/[a-z]/.test(text[at - 1]) || !/[a-z]/.test(text[at]);
}

const ok = (target: Target): TargetParse => ({ ok: true, target });
const unreadable = (): TargetParse => ({ ok: false, reason: "unreadable" });
