import { CATALOGUE } from "./catalogue/targets";
import type { CatalogueEntry } from "./catalogue/types";
import type { Indicator } from "./model";
import { parseTarget, type Target } from "./target";
import { fold } from "./text";

/** A target or sub-metric of the resolution that no target sheet holds. */
export interface MissingTarget {
  code: string;
  root: string;
  group: CatalogueEntry["group"];
  name: string;
}

/** A row whose parsed `Mục tiêu 2030` differs from the resolution's, with the resolution's expression. */
export interface DifferentTarget {
  indicator: Indicator;
  resolution: string;
}

/**
 * A row's name matches the catalogue's when at least this share of its words appear in the catalogue's name:
 * officials shorten names (`Tỷ lệ hộ nghèo` for `Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều`), so the share is taken
 * of the sheet's words, not the catalogue's. See docs/resolution-checks.md.
 */
export const NAME_SHARE = 0.6;
/** Without the marker, a workbook must hold more than half of the resolution's 25 targets to be checked. */
export const MIN_MATCHED_TARGETS = 13;

const ROOTS = CATALOGUE.filter((e) => !e.code.includes(".")).map((root) => ({
  root,
  subs: CATALOGUE.filter((e) => e.code.startsWith(`${root.code}.`)),
}));

/** The words of a name: folded, punctuation dropped, `y` read as `i` (`tỷ lệ` and `tỉ lệ` are one word). */
export function nameWords(name: string): Set<string> {
  const words = fold(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ");
  return new Set(words.filter((w) => w !== "").map((w) => w.replace(/y/g, "i")));
}

const catalogueWords = new Map(CATALOGUE.map((e) => [e.code, nameWords(e.name)]));

/** The share of the sheet name's words that the catalogue name of the same code holds (0 for an unknown code). */
export function nameShare(code: string, name: string): number {
  const known = catalogueWords.get(code);
  const words = nameWords(name);
  if (!known || words.size === 0) return 0;
  return [...words].filter((w) => known.has(w)).length / words.size;
}

/**
 * True when the workbook is the commune's resolution: it carries the template's marker, or more than half of its
 * coded rows are catalogue codes under a matching name and they cover more than half of the resolution's targets.
 */
export function followsResolution(indicators: readonly Indicator[], marked: boolean): boolean {
  if (marked) return true;
  const matching = indicators.filter((i) => nameShare(i.code, i.name) >= NAME_SHARE);
  return matching.length * 2 > indicators.length && new Set(matching.map((i) => i.root)).size >= MIN_MATCHED_TARGETS;
}

/**
 * The catalogue's targets and sub-metrics that no row holds, in catalogue order. A target missing whole (its parent
 * row and every sub-metric) is listed once by its own code; otherwise its missing sub-metrics are, never the parent.
 * A row of the target's own code with a target of its own (a commune that kept one figure) covers its sub-metrics.
 */
export function missingTargets(indicators: readonly Indicator[]): MissingTarget[] {
  const present = new Set<string>();
  const ownTarget = new Set<string>();
  for (const { code, root, isParent } of indicators) {
    present.add(code);
    if (!isParent && code === root) ownTarget.add(code);
  }
  // Loops rather than a flatMap: a national run asks this of every commune.
  const found: MissingTarget[] = [];
  for (const { root, subs } of ROOTS) {
    if (ownTarget.has(root.code)) continue;
    const absent = subs.filter((e) => !present.has(e.code));
    const wholeTargetMissing = !present.has(root.code) && absent.length === subs.length;
    if (subs.length > 0 && !wholeTargetMissing) {
      for (const entry of absent) found.push(missing(entry));
    } else if (!present.has(root.code)) {
      found.push(missing(root));
    }
  }
  return found;
}

/** The resolution's targets by code, parsed once. */
const RESOLUTION_TARGETS = new Map(
  CATALOGUE.flatMap((e) => {
    const parsed = e.target === null ? null : parseTarget(e.target);
    return parsed?.ok ? [[e.code, { expression: e.target as string, target: parsed.target }] as const] : [];
  }),
);

/** Rows whose target parses to another target than the resolution's; rows without a readable target are not compared. */
export function differentTargets(indicators: readonly Indicator[]): DifferentTarget[] {
  const different: DifferentTarget[] = [];
  for (const indicator of indicators) {
    const resolution = RESOLUTION_TARGETS.get(indicator.code);
    if (indicator.target === null || !resolution || sameTarget(indicator.target, resolution.target)) continue;
    different.push({ indicator, resolution: resolution.expression });
  }
  return different;
}

function sameTarget(a: Target, b: Target): boolean {
  switch (a.kind) {
    case "range":
      return b.kind === "range" && a.low === b.low && a.high === b.high;
    case "reduction":
      return b.kind === "reduction" && a.n === b.n;
    default:
      return b.kind === a.kind && a.n === b.n && a.strict === b.strict;
  }
}

function missing(entry: CatalogueEntry): MissingTarget {
  return { code: entry.code, root: entry.code.split(".")[0], group: entry.group, name: entry.name };
}
