import { text, type SharedText } from "./text";

/**
 * Excel's and the browser's refusals in plain Vietnamese with what to do. Office.js rejects with an error whose
 * `code` names the kind (AccessDenied, GeneralException …) and whose message is Excel's own sentence, in the
 * user's language, which is kept beneath ours; a lost connection is a TypeError ("Failed to fetch" in Chromium,
 * "NetworkError …" in Firefox, "Load failed" in Safari) or ServiceNotAvailable.
 */

const BY_CODE: Record<string, SharedText> = {
  AccessDenied: "refusalProtected",
  Unauthenticated: "refusalSignedOut",
  InvalidOperationInCellEditMode: "refusalEditMode",
  GeneralException: "refusalElsewhere",
  InvalidOperation: "refusalElsewhere",
  Conflict: "refusalElsewhere",
  InsertDeleteConflict: "refusalElsewhere",
  ItemAlreadyExists: "refusalElsewhere",
  ActivityLimitReached: "refusalElsewhere",
  ItemNotFound: "refusalMissing",
  InvalidReference: "refusalMissing",
  ServiceNotAvailable: "refusalOffline",
  RequestAborted: "refusalOffline",
  MemoryLimitReached: "refusalTooLarge",
  RequestPayloadSizeLimitExceeded: "refusalTooLarge",
  ResponsePayloadSizeLimitExceeded: "refusalTooLarge",
};

const OFFLINE = /failed to fetch|networkerror|load failed|network request failed/i;

function field(error: unknown, name: "code" | "message"): string | null {
  const value = typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : null;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** What to tell the user about a failed action: our sentence, then Excel's own when it said something more. */
export function describeRefusal(error: unknown): string[] {
  const code = field(error, "code");
  const said = field(error, "message") ?? (typeof error === "string" ? error : null);
  const key = code ? BY_CODE[code] : said && OFFLINE.test(said) ? "refusalOffline" : undefined;
  const first = key ? text(key as "refusalProtected") : text("refusalUnknown", { code: code ?? "?" });
  // Excel's sentence, unless it is only the code again or the browser's English "Failed to fetch"
  const keep = said !== null && said !== code && !(key === "refusalOffline" && OFFLINE.test(said));
  return keep ? [first, text("refusalSaid", { message: said })] : [first];
}
