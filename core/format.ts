/**
 * Built on first use, never while a bundle loads: the custom functions' JavaScript-only runtime has been seen
 * without Intl, and one failure at load there would leave every COMA function unregistered.
 */
let viNumber: Intl.NumberFormat | null = null;
let viPercent: Intl.NumberFormat | null = null;

// Intl formatting is slow and a national run's messages repeat the same few thousand figures; bounded like memoize.
const formattedNumbers = new Map<number, string>();

/** A number the way Vietnamese reports write it: 8.474,1. */
export function formatNumber(value: number): string {
  viNumber ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
  // A Map holds 0 and -0 as one key, and they are written differently (`0`, `-0`).
  if (Object.is(value, -0)) return viNumber.format(value);
  let text = formattedNumbers.get(value);
  if (text === undefined) {
    if (formattedNumbers.size >= 10_000) formattedNumbers.clear();
    text = viNumber.format(value);
    formattedNumbers.set(value, text);
  }
  return text;
}

/** A ratio as a Vietnamese percentage: 1.261 → 126,1%. */
export function formatPercent(ratio: number): string {
  viPercent ??= new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
  return viPercent.format(ratio);
}
