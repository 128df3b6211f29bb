const VI_NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
const VI_PERCENT = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

/** A number the way Vietnamese reports write it: 8.474,1. */
export function formatNumber(value: number): string {
  return VI_NUMBER.format(value);
}

/** A ratio as a Vietnamese percentage: 1.261 → 126,1%. */
export function formatPercent(ratio: number): string {
  return VI_PERCENT.format(ratio);
}
