import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import type { SheetGrid } from "../../core";
import { parseA1, rectAddress } from "../../core/a1";

/**
 * Microsoft's real office.js (package @microsoft/office-js, Excel for Windows build) in a vm context, with a
 * stand-in for the one host entry it sends every request through: OSF.DDA.RichApi.executeRichApiRequestAsync.
 * Requests are therefore serialised by office.js itself, and their sizes and count are office.js's own. The
 * stand-in answers queries from plain grids: worksheets (walk, items, count), used ranges and ranges by
 * address; writes are recorded, not applied.
 */

/** The installed package, or COMA_OFFICE_JS: the path of an unpacked package's dist/ where it is not installed. */
const OFFICE_JS = (() => {
  const file = "excel-win32-16.01.debug.js";
  if (process.env.COMA_OFFICE_JS) return path.join(process.env.COMA_OFFICE_JS, file);
  try {
    return path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", file);
  } catch {
    return null;
  }
})();

/** Whether @microsoft/office-js is installed (a dev dependency; the tests that need it skip without it). */
export const OFFICE_JS_AVAILABLE = OFFICE_JS !== null && fs.existsSync(OFFICE_JS);

export interface HostRequest {
  /** UTF-8 bytes of the request body office.js serialised. */
  bytes: number;
  /** UTF-8 bytes of the answer's body. */
  responseBytes: number;
  body: { Actions: Action[]; ObjectPaths: Record<string, ObjectPath> };
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  QueryInfo?: { Select?: string[] };
}

interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}

export interface OfficeJsHost {
  /** A new Excel.RequestContext of the loaded office.js, talking to the stand-in. */
  context(): Excel.RequestContext;
  requests: HostRequest[];
}

/** What Excel on the web accepts in one request, and sends back in one response. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

// ActionType and ObjectPathType values of office.js's request protocol.
const ACTION = { instantiate: 1, query: 2, method: 3 } as const;
const PATH = { global: 1, property: 4, method: 3, indexer: 5 } as const;

type Node =
  | { kind: "workbook" }
  | { kind: "sheets" }
  | { kind: "sheet"; index: number | null }
  | { kind: "range"; sheet: number; address: string | null }
  | { kind: "other" };

export function loadOfficeJs(grids: readonly SheetGrid[], hidden: readonly string[] = []): OfficeJsHost {
  if (!OFFICE_JS) throw new Error("@microsoft/office-js is not installed");
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, navigator: { userAgent: "node" } };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(OFFICE_JS, "utf8"), sandbox, { filename: "excel-win32-16.01.debug.js" });
  const requests: HostRequest[] = [];
  const osf = sandbox.OSF as { DDA: { RichApi: { executeRichApiRequestAsync: unknown } } };
  osf.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (result: unknown) => void) => {
    const text = String(message[4]);
    const body = JSON.parse(text) as HostRequest["body"];
    const answer = JSON.stringify({ Results: answerActions(body, grids, hidden) });
    const request = { bytes: Buffer.byteLength(text, "utf8"), responseBytes: Buffer.byteLength(answer, "utf8"), body };
    requests.push(request);
    // As Excel on the web: a request or a response over its limit fails, and office.js rejects the sync.
    const refused = request.bytes > WEB_PAYLOAD_LIMIT || request.responseBytes > WEB_PAYLOAD_LIMIT;
    const result = refused
      ? { status: "failed", error: { code: 5001, message: "RequestPayloadSizeLimitExceeded" } }
      : { status: "succeeded", value: { data: [200, [], answer] } };
    setTimeout(() => callback(result), 0);
  };
  const excel = sandbox.Excel as { RequestContext: new () => Excel.RequestContext };
  return { context: () => new excel.RequestContext(), requests };
}

function answerActions(body: HostRequest["body"], grids: readonly SheetGrid[], hidden: readonly string[]): unknown[] {
  const nodes = new Map<number, Node>();
  const resolve = (id: number): Node => {
    const known = nodes.get(id);
    if (known) return known;
    const p = body.ObjectPaths[String(id)];
    const parent = p.ParentObjectPathId === undefined ? null : resolve(p.ParentObjectPathId);
    const node = step(p, parent, grids);
    nodes.set(id, node);
    return node;
  };
  const results: unknown[] = [];
  for (const action of body.Actions) {
    if (action.ActionType === ACTION.instantiate) {
      const node = resolve(action.ObjectPathId);
      const isNull = (node.kind === "sheet" && node.index === null) || (node.kind === "range" && node.address === null);
      results.push({ ActionId: action.Id, Value: isNull ? null : {} }); // office.js reads a null Value as a null object
    } else if (action.ActionType === ACTION.query) {
      results.push({ ActionId: action.Id, Value: query(resolve(action.ObjectPathId), action.QueryInfo?.Select ?? [], grids, hidden) });
    } else if (action.ActionType === ACTION.method && action.Name === "GetCount") {
      results.push({ ActionId: action.Id, Value: grids.length });
    }
  }
  return results;
}

function step(p: ObjectPath, parent: Node | null, grids: readonly SheetGrid[]): Node {
  const args = p.ArgumentInfo?.Arguments ?? [];
  if (p.ObjectPathType === PATH.global) return { kind: "workbook" };
  if (parent?.kind === "workbook" && p.Name === "Worksheets") return { kind: "sheets" };
  if (parent?.kind === "sheets") {
    if (p.Name === "GetFirst") return { kind: "sheet", index: grids.length > 0 ? 0 : null };
    if (p.ObjectPathType === PATH.indexer || p.Name === "GetItem" || p.Name === "GetItemOrNullObject") {
      const index = grids.findIndex((g) => g.name === args[0]);
      return { kind: "sheet", index: index >= 0 ? index : null };
    }
  }
  if (parent?.kind === "sheet" && parent.index === null)
    return p.Name === "GetNextOrNullObject" ? parent : { kind: "range", sheet: -1, address: null };
  if (parent?.kind === "sheet" && parent.index !== null) {
    if (p.Name === "GetNextOrNullObject") return { kind: "sheet", index: parent.index + 1 < grids.length ? parent.index + 1 : null };
    if (p.Name === "GetUsedRangeOrNullObject") return { kind: "range", sheet: parent.index, address: usedAddress(grids[parent.index]) };
    if (p.Name === "GetRange") return { kind: "range", sheet: parent.index, address: String(args[0]) };
  }
  return { kind: "other" };
}

function usedAddress(grid: SheetGrid): string | null {
  const rows = grid.values.length;
  const columns = Math.max(0, ...grid.values.map((r) => r.length));
  return rows === 0 || columns === 0 ? null : rectAddress({ row: grid.top ?? 0, column: grid.left ?? 0, rows, columns });
}

function query(node: Node, select: string[], grids: readonly SheetGrid[], hidden: readonly string[]): unknown {
  const sheetProps = (index: number) => ({
    Id: grids[index].name,
    Name: grids[index].name,
    Visibility: hidden.includes(grids[index].name) ? "Hidden" : "Visible",
  });
  if (node.kind === "sheets") return { _Items: grids.map((_, i) => sheetProps(i)) };
  if (node.kind === "sheet") return node.index === null ? null : sheetProps(node.index);
  if (node.kind !== "range" || node.address === null) return null;
  const grid = grids[node.sheet];
  const rect = parseA1(node.address);
  const cell = (r: number, c: number) => grid.values[rect.row - (grid.top ?? 0) + r]?.[rect.column - (grid.left ?? 0) + c] ?? "";
  const format = (r: number, c: number) =>
    grid.formats?.[rect.row - (grid.top ?? 0) + r]?.[rect.column - (grid.left ?? 0) + c] ?? "General";
  const matrix = <T>(at: (r: number, c: number) => T) =>
    Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.columns }, (_, c) => at(r, c)));
  const value: Record<string, unknown> = {};
  for (const name of select.map((n) => n.toLowerCase())) {
    if (name === "address") value.Address = `'${grid.name}'!${node.address}`;
    if (name === "values") value.Values = matrix(cell);
    if (name === "numberformat") value.NumberFormat = matrix(format);
  }
  return value;
}
