import { parseVietnameseNumber } from "./number";
import { fold, memoize } from "./text";

/**
 * A parsed `Mục tiêu 2030` expression (docs/rules.md).
 * min: a ≥ n (a > n when strict); max: a ≤ n (a < n when strict); range: low ≤ a ≤ high;
 * reduction: (b − a) / b ≥ n %.
 */
export type Target =
  | { kind: "min"; n: number; strict: boolean }
  | { kind: "max"; n: number; strict: boolean }
  | { kind: "range"; low: number; high: number }
  | { kind: "reduction"; n: number };

export type TargetParse = { ok: true; target: Target } | { ok: false; reason: "unreadable" | "inverted-range" };

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

const REDUCTION = /^giam\s*(?:>=|≥|toi thieu|it nhat)?\s*(.+)$/;
const RANGE = /^(?:tu\s+)?(.+?)\s*(?:-|–|—|\bden\b)\s*(.+)$/;

export function parseTarget(input: string | number): TargetParse {
  if (typeof input === "number") {
    return Number.isFinite(input) && input >= 0 ? ok({ kind: "min", n: input, strict: false }) : unreadable();
  }
  return parseTargetText(input);
}

const parseTargetText = memoize((input: string): TargetParse => {
  const plain = parseVietnameseNumber(input);
  if (plain) return plain.value >= 0 ? ok({ kind: "min", n: plain.value, strict: false }) : unreadable(); // `5.065 ha`, the common case
  const text = fold(input).replace(/\s*tro len$/, "");
  const reduction = REDUCTION.exec(text);
  if (reduction) {
    const n = amount(reduction[1]);
    return n === null ? unreadable() : ok({ kind: "reduction", n });
  }
  const range = RANGE.exec(text);
  if (range) {
    const low = amount(range[1]);
    const high = amount(range[2]);
    if (low === null || high === null) return unreadable();
    return low > high ? { ok: false, reason: "inverted-range" } : ok({ kind: "range", low, high });
  }
  const [prefix, bound] = PREFIXES.find(([p]) => text.startsWith(p) && isWordEnd(text, p.length)) ?? ["", null];
  const n = amount(text.slice(prefix.length));
  if (n === null) return unreadable();
  return ok(bound ? { ...bound, n } : { kind: "min", n, strict: false });
});

/** The number of a target expression (`2.800 hộ`, `50%`); negative amounts are not targets. */
function amount(text: string): number | null {
  const parsed = parseVietnameseNumber(text.trim());
  return parsed && parsed.value >= 0 ? parsed.value : null;
}

function isWordEnd(text: string, at: number): boolean {
  return at >= text.length || !/[a-z]/.test(text[at - 1]) || !/[a-z]/.test(text[at]);
}

const ok = (target: Target): TargetParse => ({ ok: true, target });
const unreadable = (): TargetParse => ({ ok: false, reason: "unreadable" });
