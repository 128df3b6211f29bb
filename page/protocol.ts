import type { CollectPlan, Problem, SheetLayout, SummaryModel, WorkbookRead } from "../core";

/** What the page asks its worker (page/worker.ts), and what the worker answers: plain data, copied or transferred. */

export type PageRequest =
  /** Reads and checks a workbook; the worker keeps it for the summaries that follow. */
  | { type: "open"; name: string; bytes: ArrayBuffer }
  /** The summary of the workbook opened last, for the year (null: the workbook's default) and the letterhead date. */
  | { type: "summary"; year: number | null; date: DateParts }
  /** The collecting round (contract section 7) into the workbook opened last, as `coma collect` plans and writes it. */
  | { type: "collect"; units: ChosenFile[]; overwrite: boolean };

/** A file the user chose: its name and bytes. */
export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
}

/** A calendar day, as the letterhead writes it (the command line's COMA_TODAY). */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The steps of the work, shown as progress. */
export type WorkStep = "reading" | "checking" | "planning" | "writing";

export type PageReply =
  | { type: "progress"; step: WorkStep }
  | {
      type: "checked";
      read: WorkbookRead;
      /** Worksheet names in workbook order, and those hidden: the problems list follows them. */
      sheetOrder: string[];
      hidden: string[];
      defaultYear: number | null;
    }
  | {
      type: "summary";
      model: SummaryModel;
      layout: SheetLayout;
      /** The workbook with the summary sheet added, as `coma summary` writes it. */
      bytes: ArrayBuffer;
      fileName: string;
      sheet: string;
      replaced: string | null;
    }
  | {
      type: "collected";
      plan: CollectPlan;
      /** A sentence for each unit file that is no workbook COMA can read: it is left out of the round. */
      unreadable: string[];
      /** The master with the units' figures written, as `coma collect` writes it for the same files. */
      bytes: ArrayBuffer;
      fileName: string;
    }
  /** No collecting round: the master has no target sheet. */
  | { type: "collect-refused"; message: string }
  /** A sentence for the user: the workbook refused (the command line's words), or no target sheet. */
  | { type: "refused"; message: string }
  /** A bug: the reason, for the user to pass on. */
  | { type: "failed"; reason: string };

export type { Problem };
