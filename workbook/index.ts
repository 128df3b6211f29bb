/**
 * The workbook-file layer for a user's workbook: bytes in, bytes out, the same in Node and in a browser (no file
 * system, no Buffer). `openWorkbook` reads the sheets as core's grids; `amendWorkbook` adds the summary sheet as new
 * parts of the same package. Refusals are WorkbookFileError codes; the caller words them.
 */
export { openWorkbook, type OpenedWorkbook, type OpenOptions, type SheetKind, type SheetState, type WorkbookSheet } from "./read-workbook";
export { amendWorkbook, type AmendOptions } from "./amend";
export { WorkbookFileError, type WorkbookFileErrorCode, type WorkbookFileProblems } from "./errors";
export { LIMITS } from "./limits";
export type { Deflater, Inflater } from "./zip";
export { placementGrids } from "./placement-grids";
export { amendCells, formulaAndMergedCells, type CellValueWrite } from "./amend-cells";
export { newWorkbookPackage, type NewPackageOptions } from "./new-package";
export { refusalMessage, WORKBOOK_FILE_MESSAGES } from "./messages";
