import type { SheetGrid } from "../core";
import { damaged, WorkbookFileError } from "./errors";
import { cellFormats } from "./number-formats";
import { readRelationships, type Relationship } from "./package";
import { readSheet } from "./read-sheet";
import { readSharedStrings } from "./shared-strings";
import { openZip, type Inflater, type ZipArchive } from "./zip";
import { attribute, walkXml } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";
/** `worksheet` sheets hold cells; chartsheets, dialog sheets and macro sheets are listed but not read. */
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  kind: SheetKind;
  sheetId: number;
  relationshipId: string;
  /** The sheet's part, or null when the workbook names a part that is missing. */
  part: string | null;
}

/** A user's workbook as read: its sheets, the worksheets as grids, and the package, kept for amending. */
export interface OpenedWorkbook {
  zip: ZipArchive;
  /** `xl/workbook.xml` in nearly every file; wherever the package relationships put it. */
  workbookPart: string;
  relationships: Relationship[];
  sheets: WorkbookSheet[];
  /** The worksheets' cells, in workbook order (hidden ones too). */
  grids: SheetGrid[];
  date1904: boolean;
  /** Strict OOXML (ISO 29500 strict namespaces): what the amending writes must speak the same dialect. */
  strict: boolean;
}

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlMacrosheet: "macrosheet",
  xlIntlMacrosheet: "macrosheet",
};

export interface OpenOptions {
  /** Raw inflate with a cap (Node's zlib in the command line); fflate by default. */
  inflate?: Inflater;
}

/** Reads a workbook's bytes (.xlsx, .xlsm); throws WorkbookFileError for what is no readable workbook. */
export function openWorkbook(bytes: Uint8Array, options: OpenOptions = {}): OpenedWorkbook {
  const zip = openZip(bytes, options.inflate);
  checkContentTypes(zip);
  const workbookPart = findWorkbookPart(zip);
  const entry = zip.entry(workbookPart);
  if (!entry) throw new WorkbookFileError("not-xlsx", {});
  const { listed, date1904, strict, isWorkbook } = readWorkbookPart(zip.inflate(entry), workbookPart);
  if (!isWorkbook) throw new WorkbookFileError("not-xlsx", {});
  const relationships = readRelationships(zip, workbookPart);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const partOf = (kind: string) => relationships.find((r) => r.kind === kind && !r.external)?.target ?? null;
  const inflated = (part: string | null) => {
    const found = part === null ? undefined : zip.entry(part);
    return found ? zip.inflate(found) : null;
  };
  const stylesPart = partOf("styles");
  const context = {
    sharedStrings: readSharedStrings(inflated(partOf("sharedStrings")), partOf("sharedStrings") ?? ""),
    formats: cellFormats(inflated(stylesPart), stylesPart ?? ""),
    date1904,
  };
  const sheets: WorkbookSheet[] = [];
  const grids: SheetGrid[] = [];
  for (const sheet of listed) {
    const relationship = byId.get(sheet.relationshipId);
    const kind = SHEET_KINDS[relationship?.kind ?? ""] ?? "worksheet";
    const part = relationship && !relationship.external && zip.entry(relationship.target) ? relationship.target : null;
    sheets.push({ ...sheet, kind, part });
    if (kind !== "worksheet") continue;
    const xml = inflated(part);
    grids.push(xml && part ? readSheet(sheet.name, xml, part, context) : { name: sheet.name, values: [], formats: [], top: 0, left: 0 });
  }
  return { zip, workbookPart, relationships, sheets, grids, date1904, strict };
}

/** `[Content_Types].xml` is amended on every summary: one that is no well-formed `<Types>` is damaged when read. */
function checkContentTypes(zip: ZipArchive): void {
  const entry = zip.entries.find((e) => e.name.toLowerCase() === "[content_types].xml")!;
  let root: string | null = null;
  walkXml(zip.inflate(entry), entry.name, { open: (name) => void (root ??= name) });
  if (root !== "Types") throw damaged(entry.name);
}

/** The part the package's `officeDocument` relationship names. */
function findWorkbookPart(zip: ZipArchive): string {
  const document = readRelationships(zip, "").find((r) => r.kind === "officeDocument" && !r.external);
  if (document && zip.entry(document.target)) return document.target;
  if (zip.entry("xl/workbook.xml")) return "xl/workbook.xml";
  throw new WorkbookFileError("not-xlsx", {});
}

type ListedSheet = Omit<WorkbookSheet, "kind" | "part">;

/** The sheets the workbook part lists (none is a workbook too: it has no target sheet); `isWorkbook` for its root element. */
function readWorkbookPart(
  xml: Uint8Array,
  part: string,
): { listed: ListedSheet[]; date1904: boolean; strict: boolean; isWorkbook: boolean } {
  const listed: ListedSheet[] = [];
  let date1904 = false;
  let strict = false;
  let isWorkbook = false;
  walkXml(xml, part, {
    open(name, a) {
      if (name === "workbook") {
        isWorkbook = true;
        strict = Object.entries(a).some(([key, value]) => key.startsWith("xmlns") && value.startsWith("http://purl.oclc.org/ooxml/"));
      } else if (name === "workbookPr") date1904 = ["1", "true"].includes((a.date1904 ?? "").toLowerCase());
      else if (name === "sheet") {
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        listed.push({ name: a.name ?? "", state, sheetId: Number(a.sheetId) || 0, relationshipId: attribute(a, "id") ?? "" });
      }
    },
  });
  return { listed, date1904, strict, isWorkbook };
}
