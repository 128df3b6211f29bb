import { OfficeMockObject } from "office-addin-mock";
import type { Cell, SheetGrid } from "../../core";
import { cellAddress, parseA1, rectAddress, type Rect } from "../../core/a1";

/**
 * An Excel workbook behind office-addin-mock, for tests and the benchmark: put `mock.Excel` in place of the
 * global `Excel`, call the real add-in code, then look at `syncs`, `requests` (operations and estimated
 * bytes per sync) and at what the sheets hold. office-addin-mock enforces load-before-read and
 * sync-before-read on every object it hands out; it has no Excel semantics, so every method the adapter calls
 * is mocked here. Writes are applied as they are queued (a batch runs in order, so a probe queued before a
 * write sees the value before it), and errors (ItemNotFound, ItemAlreadyExists) surface at the next sync,
 * as Office.js does.
 */

export interface MockFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface MockOp {
  /** Name of the sheet when the operation was queued. */
  sheet: string | null;
  /** Range address on that sheet, or null for the sheet itself or the workbook. */
  range: string | null;
  /** Property path set or method called: `values`, `format.fill.color`, `merge`, `delete`, … */
  path: string;
  value?: unknown;
  args?: unknown[];
}

export interface MockRequest {
  ops: number;
  /** JSON size of the queued operations: a stand-in for the request Office.js would send. */
  bytes: number;
}

interface SheetModel {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  deleted: boolean;
  values: Map<string, unknown>;
  formats: Map<string, string>;
  fills: Map<string, MockFill>;
  merges: string[];
  links: { cell: string; documentReference?: string; textToDisplay?: string }[];
  props: Record<string, unknown>;
}

export interface MockSheetView {
  name: string;
  visibility: string;
  /** Dense values from A1 to the last used cell; blank cells are "". */
  values: unknown[][];
  /** Number formats, same shape; "General" where none was set. */
  formats: string[][];
  fills: Map<string, MockFill>;
  merges: string[];
  links: SheetModel["links"];
  props: Record<string, unknown>;
}

export interface ExcelMock {
  /** Put this in place of the global `Excel`. */
  Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  readonly syncs: number;
  readonly requests: MockRequest[];
  readonly ops: MockOp[];
  /** Names of the sheets, in workbook order. */
  sheetNames(): string[];
  sheet(name: string): MockSheetView;
  fill(sheet: string, cell: string): MockFill | undefined;
  settings: Map<string, unknown>;
  active(): string | null;
  selection(): { sheet: string; range: string } | null;
  /** Sets the global `Excel` to this mock; returns the function that puts the previous one back. */
  install(): () => void;
}

export interface MockOptions {
  hidden?: string[];
  /** Fail the request when a method is called on a null worksheet, as a host without null propagation would. */
  refuseNullWalk?: boolean;
  /** Fills by `Sheet!A1`. */
  fills?: Record<string, MockFill>;
  /** Formulas by `Sheet!A1` (the cell's value is its cached result): `range.formulas` answers them. */
  formulas?: Record<string, string>;
}

const k = (row: number, column: number) => `${row},${column}`;
/** Methods that only hand out another object: logged, never applied. */
const NAVIGATION = new Set([
  ...["getRange", "getRanges", "getRangeByIndexes", "getUsedRangeOrNullObject"],
  ...["getNextOrNullObject", "getItem", "getItemOrNullObject"],
]);
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1 address as Excel writes it, whole columns as `L:L`. */
function addressOf(rect: Rect): string {
  if (rect.rows === 1_048_576) {
    const [first, last] = rectAddress({ ...rect, rows: 1 })
      .replace(/\d+/g, "")
      .split(":");
    return `${first}:${last ?? first}`;
  }
  return rectAddress(rect);
}

function officeError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

export function mockExcel(grids: readonly SheetGrid[], options: MockOptions = {}): ExcelMock {
  let nextId = 1;
  const sheets: SheetModel[] = [];
  const settings = new Map<string, unknown>();
  const ops: MockOp[] = [];
  const requests: MockRequest[] = [];
  const dynamic: OfficeMockObject[] = [];
  const tracked = new WeakSet<object>();
  let pending: MockRequest = { ops: 0, bytes: 0 };
  let pendingError: Error | null = null;
  let syncs = 0;
  let activeId: number | null = null;
  let selection: { sheetId: number; range: string } | null = null;

  const newSheet = (name: string): SheetModel => ({
    id: nextId++,
    name,
    visibility: "Visible",
    deleted: false,
    values: new Map(),
    formats: new Map(),
    fills: new Map(),
    merges: [],
    links: [],
    props: {},
  });

  for (const grid of grids) {
    const model = newSheet(grid.name);
    if (options.hidden?.includes(grid.name)) model.visibility = "Hidden";
    const top = grid.top ?? 0;
    const left = grid.left ?? 0;
    grid.values.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === "") return;
        model.values.set(k(top + r, left + c), typeof cell === "object" ? cell.error : cell);
        const format = grid.formats?.[r]?.[c];
        if (format) model.formats.set(k(top + r, left + c), format);
      }),
    );
    sheets.push(model);
  }
  for (const [where, fill] of Object.entries(options.fills ?? {})) {
    const bang = where.lastIndexOf("!");
    const model = sheets.find((s) => s.name === where.slice(0, bang))!;
    const { row, column } = parseA1(where.slice(bang + 1));
    model.fills.set(k(row, column), fill);
  }
  activeId = sheets[0]?.id ?? null;

  const live = () => sheets.filter((s) => !s.deleted);
  const byName = (name: string) => live().find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;

  function record(op: MockOp): void {
    ops.push(op);
    pending.ops++;
    pending.bytes += JSON.stringify(op).length;
  }

  function register<T extends OfficeMockObject>(mock: T, isNull = false): T {
    (mock as { isNullObject?: boolean }).isNullObject = isNull;
    dynamic.push(mock);
    return mock;
  }

  function cellsOf(rect: Rect, fn: (row: number, column: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.column; c < rect.column + rect.columns; c++) fn(r, c);
  }

  /** What a write does to the workbook, at the time it is queued. */
  function apply(model: SheetModel | null, rect: Rect | null, path: string, value: unknown, args?: unknown[]): void {
    if (!model) return;
    if (rect === null) {
      if (path === "name") model.name = String(value);
      else if (path === "position") {
        sheets.splice(sheets.indexOf(model), 1);
        const others = live();
        const at = Math.min(Number(value), others.length);
        sheets.splice(at < others.length ? sheets.indexOf(others[at]) : sheets.length, 0, model);
      } else if (path === "visibility") model.visibility = value as SheetModel["visibility"];
      else if (path === "delete") model.deleted = true;
      else if (path === "activate") activeId = model.id;
      else if (path === "freezePanes.freezeRows") model.props.freezeRows = args?.[0];
      else if (path === "pageLayout.setPrintTitleRows") model.props.printTitleRows = args?.[0];
      else model.props[path] = args ?? value;
      return;
    }
    const grid = (m: Map<string, unknown>, matrix: unknown) =>
      cellsOf(rect, (r, c) => {
        const v = (matrix as unknown[][])[r - rect.row]?.[c - rect.column];
        if (v === "" || v === null || v === undefined) m.delete(k(r, c));
        else m.set(k(r, c), v);
      });
    switch (path) {
      case "values":
        grid(model.values, value);
        return;
      case "numberFormat":
        grid(model.formats as Map<string, unknown>, value);
        return;
      case "format.fill.color":
        cellsOf(rect, (r, c) => {
          const before = model.fills.get(k(r, c));
          model.fills.set(k(r, c), {
            ...before,
            color: String(value).toUpperCase(),
            pattern: before && before.pattern !== "None" ? before.pattern : "Solid",
          });
        });
        return;
      case "format.fill.pattern":
      case "format.fill.patternColor":
      case "format.fill.tintAndShade":
      case "format.fill.patternTintAndShade": {
        const prop = path.slice("format.fill.".length) as keyof MockFill;
        cellsOf(rect, (r, c) =>
          model.fills.set(k(r, c), { ...(model.fills.get(k(r, c)) ?? { color: "#FFFFFF", pattern: "None" }), [prop]: value }),
        );
        return;
      }
      case "format.fill.clear":
        cellsOf(rect, (r, c) => model.fills.delete(k(r, c)));
        return;
      case "hyperlink":
        model.links.push({ cell: rectAddress(rect), ...(value as object) });
        return;
      case "merge":
        model.merges.push(rectAddress(rect));
        return;
      case "select":
        selection = { sheetId: model.id, range: rectAddress(rect) };
        activeId = model.id;
        return;
      default:
        model.props[`${addressOf(rect)} ${path}`] = args ?? value;
    }
  }

  /** Logs and applies every property set and method call made through it; `load` goes straight to the mock. */
  function track<T extends object>(mock: T, model: SheetModel | null, rect: Rect | null, path: string[] = []): T {
    const proxy = new Proxy(mock, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop);
        if (typeof prop === "symbol" || prop === "isNullObject") return value;
        if (typeof value === "function") {
          if (prop === "load") {
            return (...args: unknown[]) => {
              (value as (...a: unknown[]) => unknown).apply(target, args);
              return receiver;
            };
          }
          return (...args: unknown[]) => {
            const full = [...path, prop].join(".");
            if (model) record({ sheet: model.name, range: rect && rectAddress(rect), path: full, args });
            if (!NAVIGATION.has(prop)) apply(model, rect, full, undefined, args);
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            // A child object handed out by a method (format.borders.getItem): track it under its own path.
            if (result instanceof OfficeMockObject && !tracked.has(result))
              return track(result, model, rect, [...path, `${prop}(${String(args[0])})`]);
            return result;
          };
        }
        if (value instanceof OfficeMockObject) return track(value, model, rect, [...path, prop]);
        return value;
      },
      set(target, prop, value) {
        const full = [...path, String(prop)].join(".");
        if (model) record({ sheet: model.name, range: rect && rectAddress(rect), path: full, value });
        apply(model, rect, full, value);
        return Reflect.set(target, prop, value);
      },
    });
    tracked.add(proxy);
    return proxy;
  }

  function fillData(model: SheetModel | null, rect: Rect) {
    const fill = model?.fills.get(k(rect.row, rect.column));
    return {
      color: fill?.color ?? "#FFFFFF",
      pattern: fill?.pattern ?? "None",
      patternColor: fill?.patternColor ?? "#000000",
      tintAndShade: fill?.tintAndShade ?? 0,
      patternTintAndShade: fill?.patternTintAndShade ?? 0,
      clear: () => undefined,
    };
  }

  function rangeMock(model: SheetModel | null, rect: Rect | null): Excel.Range {
    const small = rect !== null && rect.rows * rect.columns <= 200_000;
    const matrix = (fn: (r: number, c: number) => unknown) =>
      small
        ? Array.from({ length: rect!.rows }, (_, i) => Array.from({ length: rect!.columns }, (_, j) => fn(rect!.row + i, rect!.column + j)))
        : [];
    const border = () => ({ style: "None", weight: "Thin", color: "#000000" });
    const borders = Object.fromEntries(EDGES.map((e) => [e, border()]));
    const data = {
      address: model && rect ? `${quoteSheet(model.name)}!${rectAddress(rect)}` : "",
      values: matrix((r, c) => model?.values.get(k(r, c)) ?? ""),
      numberFormat: matrix((r, c) => model?.formats.get(k(r, c)) ?? "General"),
      formulas: matrix((r, c) => options.formulas?.[`${model?.name}!${cellAddress(r, c)}`] ?? model?.values.get(k(r, c)) ?? ""),
      hyperlink: {},
      columnHidden: false,
      format: {
        font: { name: "Calibri", size: 11, bold: false, italic: false, underline: "None", color: "#000000" },
        fill: rect ? fillData(model, rect) : fillData(null, { row: 0, column: 0, rows: 1, columns: 1 }),
        borders: {
          ...borders,
          getItem(edge: string) {
            return (this as unknown as Record<string, unknown>)[edge];
          },
        },
        horizontalAlignment: "General",
        verticalAlignment: "Bottom",
        wrapText: false,
        indentLevel: 0,
        columnWidth: 48,
        rowHeight: 15,
        autofitRows: () => undefined,
      },
      merge: () => undefined,
      select: () => undefined,
    };
    const mock = register(new OfficeMockObject(data), model === null || rect === null);
    return track(mock, model, rect) as unknown as Excel.Range;
  }

  /**
   * A RangeAreas (ExcelApi 1.9) as the adapter uses it: one property set on every area at once, flat
   * (`format.rowHeight`) or nested (`format.fill.color`), logged as one operation whose range lists the areas
   * (`A11:XFD11,A18:XFD18`).
   */
  function areasMock(model: SheetModel | null, address: string): Excel.RangeAreas {
    const rects = address.split(",").map((area) => parseA1(area.trim()));
    const reach = (path: string): object =>
      new Proxy(
        {},
        {
          get: (_, prop) => (typeof prop === "string" ? reach(`${path}.${prop}`) : undefined),
          set(_, prop, value) {
            const full = `${path}.${String(prop)}`;
            if (model) record({ sheet: model.name, range: rects.map(rectAddress).join(","), path: full, value });
            for (const rect of rects) apply(model, rect, full, value);
            return true;
          },
        },
      );
    return { format: reach("format") } as unknown as Excel.RangeAreas;
  }

  function usedRect(model: SheetModel): Rect | null {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const key of model.values.keys()) {
      const [r, c] = key.split(",").map(Number);
      [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** A chart: its calls are recorded under `charts.add(…)`, nothing is drawn. */
  function chartMock(): OfficeMockObject {
    const series = () =>
      new OfficeMockObject({
        name: "",
        setValues: () => undefined,
        setXAxisValues: () => undefined,
        format: { fill: { setSolidColor: () => undefined } },
        hasDataLabels: false,
        dataLabels: { showValue: false, numberFormat: "General", position: "", format: { font: { color: "", bold: false } } },
      });
    return new OfficeMockObject({ title: { text: "" }, setPosition: () => undefined, series: { getItemAt: series, add: series } });
  }

  function sheetMock(model: SheetModel | null): Excel.Worksheet {
    const data = {
      name: model?.name ?? "",
      visibility: model?.visibility ?? "Visible",
      position: model ? live().indexOf(model) : -1,
      freezePanes: { freezeRows: () => undefined },
      charts: { add: () => chartMock() },
      horizontalPageBreaks: { add: () => undefined },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        centerHorizontally: false,
        leftMargin: 0,
        rightMargin: 0,
        topMargin: 0,
        bottomMargin: 0,
        headersFooters: { defaultForAllPages: { centerFooter: "" } },
        setPrintTitleRows: () => undefined,
      },
      getUsedRangeOrNullObject: () => {
        const rect = model && usedRect(model);
        return rangeMock(model, rect ?? null);
      },
      getNextOrNullObject: () => {
        if (!model && options.refuseNullWalk) pendingError ??= officeError("GeneralException");
        if (!model) return sheetMock(null);
        const all = live();
        return sheetMock(all[all.indexOf(model) + 1] ?? null);
      },
      getRange: (address?: string) =>
        rangeMock(model, address === undefined ? { row: 0, column: 0, rows: 1_048_576, columns: 16_384 } : parseA1(address)),
      getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => rangeMock(model, { row, column, rows, columns }),
      getRanges: (address: string) => areasMock(model, address),
      delete: () => undefined,
      activate: () => undefined,
    };
    const mock = register(new OfficeMockObject(data), model === null);
    return track(mock, model, null) as unknown as Excel.Worksheet;
  }

  function settingMock(key: string): Excel.Setting {
    const exists = settings.has(key);
    const mock = register(
      new OfficeMockObject({
        key,
        value: exists ? settings.get(key) : "",
        delete: () => {
          if (exists) settings.delete(key);
        },
      }),
      !exists,
    );
    return mock as unknown as Excel.Setting;
  }

  const worksheets = {
    getFirst: () => sheetMock(live()[0] ?? null),
    getCount: () => ({ value: live().length }),
    getItem: (name: string) => {
      const model = byName(name);
      if (!model) pendingError ??= officeError("ItemNotFound");
      return sheetMock(model);
    },
    getItemOrNullObject: (name: string) => sheetMock(byName(name)),
    add: (name: string) => {
      if (byName(name)) {
        pendingError ??= officeError("ItemAlreadyExists");
        return sheetMock(null);
      }
      const model = newSheet(name);
      sheets.push(model);
      record({ sheet: name, range: null, path: "worksheets.add", args: [name] });
      return sheetMock(model);
    },
    load: (properties: string) => {
      const wanted = String(properties)
        .split(",")
        .map((p) => p.trim().replace(/^items\//, ""));
      const items = live().map((model) => {
        const sheet = sheetMock(model);
        sheet.load(wanted.join(","));
        return sheet;
      });
      (root.context.workbook.worksheets as { items?: unknown }).items = items;
    },
  };

  const root = new OfficeMockObject({
    context: {
      workbook: {
        worksheets,
        settings: {
          add: (key: string, value: unknown) => {
            settings.set(key, value);
            record({ sheet: null, range: null, path: "settings.add", args: [key, value] });
            return settingMock(key);
          },
          getItemOrNullObject: (key: string) => settingMock(key),
        },
      },
      sync: async () => {
        syncs++;
        requests.push(pending);
        pending = { ops: 0, bytes: 0 };
        for (const mock of dynamic) await OfficeMockObject.prototype.sync.call(mock);
        if (pendingError) {
          const error = pendingError;
          pendingError = null;
          throw error;
        }
      },
    },
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
      batch(root.context as unknown as Excel.RequestContext),
  }) as OfficeMockObject & { context: { workbook: { worksheets: unknown } } };

  function view(model: SheetModel): MockSheetView {
    const rect = usedRect(model);
    const rows = rect ? rect.row + rect.rows : 0;
    const columns = rect ? rect.column + rect.columns : 0;
    const dense = <T>(m: Map<string, T>, blank: T) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => m.get(k(r, c)) ?? blank));
    return {
      name: model.name,
      visibility: model.visibility,
      values: dense(model.values, "" as unknown),
      formats: dense(model.formats, "General"),
      fills: model.fills,
      merges: model.merges,
      links: model.links,
      props: model.props,
    };
  }

  return {
    Excel: root as unknown as ExcelMock["Excel"],
    get syncs() {
      return syncs;
    },
    requests,
    ops,
    sheetNames: () => live().map((s) => s.name),
    sheet: (name) => {
      const model = byName(name);
      if (!model) throw new Error(`no sheet ${name}`);
      return view(model);
    },
    fill: (sheet, cell) => {
      const { row, column } = parseA1(cell);
      return byName(sheet)?.fills.get(k(row, column));
    },
    settings,
    active: () => sheets.find((s) => s.id === activeId && !s.deleted)?.name ?? null,
    selection: () => {
      const model = selection && sheets.find((s) => s.id === selection!.sheetId);
      return model && selection ? { sheet: model.name, range: selection.range } : null;
    },
    install() {
      const g = globalThis as { Excel?: unknown };
      const before = g.Excel;
      g.Excel = root;
      return () => {
        g.Excel = before;
      };
    },
  };
}

/** A workbook's cell as the mock gives it back: the value, or "" for blank. */
export function cellValue(view: MockSheetView, address: string): unknown {
  const { row, column } = parseA1(address);
  return view.values[row]?.[column] ?? "";
}

export type { Cell };
