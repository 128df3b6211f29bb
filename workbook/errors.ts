/**
 * Why the workbook-file layer refused a workbook, as data: the command line words it (scripts/cli/messages.ts),
 * a browser page may word it otherwise. Sizes are in bytes.
 */
export interface WorkbookFileProblems {
  "file-too-large": { size: number; limit: number };
  "unzipped-too-large": { size: number; limit: number };
  "zip-bomb": { ratio: number };
  "zip-size-lie": { part: string };
  "legacy-xls": Record<string, never>;
  "not-xlsx": Record<string, never>;
  corrupt: { part?: string };
}

export type WorkbookFileErrorCode = keyof WorkbookFileProblems;

export class WorkbookFileError<C extends WorkbookFileErrorCode = WorkbookFileErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly params: WorkbookFileProblems[C],
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "WorkbookFileError";
  }
}

export const damaged = (part?: string) => new WorkbookFileError("corrupt", part === undefined ? {} : { part });
