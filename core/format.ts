/**
 * Built on first use, never while a bundle loads: the custom functions' JavaScript-only runtime has been seen
 * without Intl, and one failure at load there would leave every COMA function unregistered.
 */
let viNumber: Intl.NumberFormat | null = null;
let viPercent: Intl.NumberFormat | null = null;

/** A number the way Vietnamese reports write it: 8.474,1. */
export function formatNumber(value: number): string {
  viNumber ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
  return viNumber.format(value);
}

/** A ratio as a Vietnamese percentage: 1.261 → 126,1%. */
export function formatPercent(ratio: number): string {
  viPercent ??= new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
  return viPercent.format(ratio);
}
