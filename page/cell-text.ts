import type { LayoutValue } from "../core";

/**
 * A layout cell's text as Excel in Vietnamese shows it: a number in its format (`#,##0` → 1.234, `0.0%` → 12,5%,
 * `#,##0.0#` → 8.474,1), text as it is. Only the formats layouts use (digits, grouping, percent), not a format engine.
 */
export function cellText(value: LayoutValue, format: string | null): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (format === null || format === "@" || format === "General") return numberFormat(0, 10, false).format(value);
  const percent = format.endsWith("%");
  const decimals = /\.([0#]+)/.exec(format)?.[1] ?? "";
  const minimum = decimals.replace(/#/g, "").length;
  return numberFormat(minimum, decimals.length, format.includes(","), percent).format(value);
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minimum: number, maximum: number, grouping: boolean, percent = false): Intl.NumberFormat {
  const key = [minimum, maximum, grouping, percent].join();
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("vi-VN", {
      style: percent ? "percent" : "decimal",
      minimumFractionDigits: minimum,
      maximumFractionDigits: maximum,
      useGrouping: grouping,
    });
    formats.set(key, format);
  }
  return format;
}
