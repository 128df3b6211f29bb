/* global CustomFunctions */

/** The Excel errors the COMA functions answer, by the names of `CustomFunctions.ErrorCode`. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What an Excel error looks like to the functions: `CustomFunctions.Error` in Excel, `FormulaError` in Node. */
export interface ExcelError {
  code: string;
  message?: string;
}

/** Stands in for `CustomFunctions.Error` where the Office runtime is absent (Node tests). */
export class FormulaError implements ExcelError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string,
  ) {}
}

// CustomFunctionsRuntime 1.3 shows a custom message only with #VALUE! and #N/A; the others take none.
const CARRIES_MESSAGE: ReadonlySet<string> = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

export function excelError(code: ErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions === "undefined") return new FormulaError(code, message);
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, CARRIES_MESSAGE.has(code) ? message : undefined);
}

/** An error value that Excel passed in (or a previous COMA function answered): it propagates unchanged. */
export function isExcelError(value: unknown): value is ExcelError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ExcelError).code === "string" &&
    (value as ExcelError).code.startsWith("#")
  );
}

/**
 * An error cell Excel passed in, as it may arrive: `CustomFunctions.Error` (code "#N/A"), or, where
 * functions.json also allows custom data, Excel's JSON form of the cell ({ type: "Error", basicValue: "#N/A" }),
 * which is answered as the same error. Null for any other value.
 */
export function passedError(value: unknown): ExcelError | null {
  if (isExcelError(value)) return value;
  if (typeof value !== "object" || value === null) return null;
  const { type, basicValue } = value as { type?: unknown; basicValue?: unknown };
  if (type !== "Error" || typeof basicValue !== "string" || !basicValue.startsWith("#")) return null;
  const code = basicValue as ErrorCode; // any Excel error, #REF! and #NAME? included, passes through as it came
  return typeof CustomFunctions === "undefined" ? new FormulaError(code) : new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
}
