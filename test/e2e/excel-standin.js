/*
 * An in-memory stand-in for office.js in the browser test: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It keeps Office.js's batch model: proxies queue
 * loads, writes and calls; context.sync() runs them in order against the workbook; a property can be read
 * only once it was loaded and synced (PropertyNotLoaded otherwise); *OrNullObject objects know isNullObject
 * after a sync; ItemNotFound and ItemAlreadyExists fail the sync. Strings written to a cell that is not
 * formatted as text are parsed as Excel parses typing (numbers, dates, formulas), so a missing "@" shows.
 *
 * The workbook comes from window.__COMA_WORKBOOK__ = { sheets: [{ name, visibility?, top?, left?, rows,
 * formats?: { A1: fmt }, fills?: { A1: { color, pattern, ... } } }] }; the test reads it back through
 * window.__standin.
 */
(function () {
  "use strict";

  const MAX_ROWS = 1048576;
  const MAX_COLUMNS = 16384;

  // ───────────── A1 helpers ─────────────
  function letters(column) {
    let s = "";
    for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function columnIndex(text) {
    let n = 0;
    for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
    return n - 1;
  }
  function parseA1(reference) {
    const parts = String(reference).replace(/\$/g, "").toUpperCase().split(":");
    const ends = parts.map((part) => {
      const m = /^([A-Z]*)(\d*)$/.exec(part);
      if (!m || (m[1] === "" && m[2] === "")) throw officeError("InvalidArgument", "Bad address " + reference);
      return { column: m[1] === "" ? null : columnIndex(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
    });
    const first = ends[0];
    const last = ends[1] || first;
    const row = first.row === null ? 0 : first.row;
    const column = first.column === null ? 0 : first.column;
    const lastRow = last.row === null ? (first.row === null ? MAX_ROWS - 1 : row) : last.row;
    const lastColumn = last.column === null ? (first.column === null ? MAX_COLUMNS - 1 : column) : last.column;
    return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
  }
  function a1(rect) {
    const first = letters(rect.column) + (rect.row + 1);
    if (rect.rows === 1 && rect.columns === 1) return first;
    return first + ":" + letters(rect.column + rect.columns - 1) + (rect.row + rect.rows);
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  const key = (r, c) => r + "," + c;

  function officeError(code, message) {
    const error = new Error(message || code);
    error.name = "RichApi.Error";
    error.code = code;
    return error;
  }

  // ───────────── the workbook ─────────────
  let nextId = 1;
  const book = {
    sheets: [],
    activeId: null,
    selection: null,
    settings: new Map(),
    runs: [],
    warnings: [],
    dialogs: [],
    actions: {},
  };

  function newSheet(name) {
    return { id: nextId++, name, visibility: "Visible", deleted: false, cells: new Map(), merges: [], props: {} };
  }
  function cell(sheet, r, c) {
    let found = sheet.cells.get(key(r, c));
    if (!found) sheet.cells.set(key(r, c), (found = {}));
    return found;
  }
  const live = () => book.sheets.filter((s) => !s.deleted);
  const byName = (name) => live().find((s) => s.name.toLowerCase() === String(name).toLowerCase()) || null;

  const seed = window.__COMA_WORKBOOK__ || { sheets: [{ name: "Sheet1", rows: [] }] };
  for (const spec of seed.sheets) {
    const sheet = newSheet(spec.name);
    sheet.visibility = spec.visibility || "Visible";
    const top = spec.top || 0;
    const left = spec.left || 0;
    (spec.rows || []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === "") return;
        cell(sheet, top + r, left + c).v = value;
      }),
    );
    for (const [address, format] of Object.entries(spec.formats || {})) {
      const { row, column } = parseA1(address);
      cell(sheet, row, column).f = format;
    }
    for (const [address, fill] of Object.entries(spec.fills || {})) {
      const { row, column } = parseA1(address);
      cell(sheet, row, column).fill = Object.assign({}, fill);
    }
    book.sheets.push(sheet);
  }
  book.activeId = (live().find((s) => s.visibility === "Visible") || {}).id || null;

  function usedRect(sheet) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheet.cells) {
      if (c.v === undefined || c.v === "") continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  function forCells(rect, fn) {
    const rows = Math.min(rect.rows, 100000);
    const columns = Math.min(rect.columns, 1000);
    for (let r = rect.row; r < rect.row + rows; r++) for (let c = rect.column; c < rect.column + columns; c++) fn(r, c);
  }
  function matrix(rect, fn) {
    if (rect.rows * rect.columns > 2000000) throw officeError("ResponsePayloadSizeLimitExceeded");
    const out = [];
    for (let r = 0; r < rect.rows; r++) {
      const row = [];
      for (let c = 0; c < rect.columns; c++) row.push(fn(rect.row + r, rect.column + c));
      out.push(row);
    }
    return out;
  }

  /** What Excel makes of a value written into a cell that is not text-formatted. */
  function parseTyped(target, value) {
    delete target.formula;
    if (typeof value !== "string") {
      target.v = value;
      return;
    }
    if (value === "") {
      delete target.v;
      return;
    }
    if (target.f === "@") {
      target.v = value;
      return;
    }
    if (value.startsWith("=")) {
      target.formula = value;
      const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(value);
      target.v = link ? link[2].replace(/""/g, '"') : "#NAME?";
      if (link) target.link = link[1].replace(/""/g, '"');
      return;
    }
    if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(value)) {
      target.v = Number(value.replace(/,/g, ""));
      return;
    }
    if (/^\d{1,2}-\d{1,2}$/.test(value)) {
      target.v = 45000; // Excel turns "7-8" into a date
      target.f = "d-mmm";
      return;
    }
    target.v = value;
  }

  const NO_FILL = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

  // A gate the test can close to keep a sync in flight (then open it again): no timing needed.
  const gate = { promise: null, open: null, waiting: 0 };
  // Refusals the test queues: the next syncs reject with them, as Excel (or a lost connection) would.
  const refusals = [];

  // ───────────── the batch model ─────────────
  class RequestContext {
    constructor() {
      this._queue = [];
      this._nullables = [];
      this._syncs = 0;
      this.workbook = new Workbook(this);
    }
    async sync() {
      const queue = this._queue;
      this._queue = [];
      this._syncs++;
      await Promise.resolve();
      if (gate.promise) {
        gate.waiting++;
        await gate.promise;
        gate.waiting--;
      }
      const refusal = refusals.shift();
      if (refusal) {
        if (refusal.fetch) throw new TypeError("Failed to fetch");
        throw officeError(refusal.code, refusal.message);
      }
      for (const action of queue) action();
      for (const proxy of this._nullables) {
        let model = null;
        try {
          model = proxy._resolve();
        } catch {
          model = null;
        }
        proxy._null = model === null;
      }
    }
  }

  class ClientObject {
    constructor(ctx, resolve, nullable) {
      this._ctx = ctx;
      this._resolveFn = resolve;
      this._loaded = null;
      this._null = undefined;
      if (nullable) ctx._nullables.push(this);
    }
    _resolve() {
      return this._resolveFn();
    }
    get isNullObject() {
      if (this._null === undefined) throw officeError("PropertyNotLoaded", "isNullObject is not available before context.sync()");
      return this._null;
    }
    _queue(action) {
      this._ctx._queue.push(action);
    }
    _get(name) {
      if (!this._loaded || !(name in this._loaded)) {
        throw officeError(
          "PropertyNotLoaded",
          "The property '" +
            name +
            "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        );
      }
      return this._loaded[name];
    }
    _set(name, value, apply) {
      this._queue(
        Object.assign(
          () => {
            const model = this._resolve();
            if (model !== null) apply(model, value);
          },
          { label: "set " + name },
        ),
      );
    }
    load(properties) {
      const names = String(Array.isArray(properties) ? properties.join(",") : properties || "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      this._queue(
        Object.assign(
          () => {
            const model = this._resolve();
            this._null = model === null;
            this._loaded = Object.assign(this._loaded || {}, model === null ? {} : this._read(model, names));
          },
          { label: "load " + names.join("+") },
        ),
      );
      return this;
    }
  }

  /** Property accessors reading loaded values and queueing writes. */
  function props(Class, readable, writable) {
    for (const name of new Set(readable.concat(Object.keys(writable)))) {
      Object.defineProperty(Class.prototype, name, {
        get() {
          return this._get(name);
        },
        set(value) {
          if (!writable[name]) throw officeError("InvalidArgument", name + " is read-only");
          this._set(name, value, writable[name]);
        },
      });
    }
  }

  /** A write-only object (pageLayout, headers and footers): every property set is recorded on the sheet. */
  function recorder(ctx, sheetProxy, path) {
    return new Proxy(
      {},
      {
        get(_, name) {
          if (name === "setPrintTitleRows") {
            return (rows) =>
              ctx._queue.push(() => {
                const sheet = sheetProxy._resolve();
                if (sheet) sheet.props[path + ".printTitleRows"] = rows;
              });
          }
          if (typeof name === "symbol") return undefined;
          return recorder(ctx, sheetProxy, path + "." + String(name));
        },
        set(_, name, value) {
          ctx._queue.push(() => {
            const sheet = sheetProxy._resolve();
            if (sheet) sheet.props[path + "." + String(name)] = value;
          });
          return true;
        },
      },
    );
  }

  /**
   * A chart: every call and property set is accepted and recorded on the sheet, in order, as `props.chart`; a range
   * handed to a call is recorded as its address (the series' values, the categories).
   */
  function chartRecorder(ctx, sheetProxy, path) {
    const note = (entry) =>
      ctx._queue.push(() => {
        const sheet = sheetProxy._resolve();
        const recorded = entry.map((a) =>
          a instanceof Range ? a1((a._resolve() || {}).rect || { row: 0, column: 0, rows: 0, columns: 0 }) : a,
        );
        if (sheet)
          (sheet.props.chart = sheet.props.chart || []).push(recorded.filter((a) => typeof a !== "object" && typeof a !== "function"));
      });
    return new Proxy(function () {}, {
      get(_, name) {
        return typeof name === "symbol" ? undefined : chartRecorder(ctx, sheetProxy, path + "." + String(name));
      },
      apply(_, __, args) {
        note([path].concat(args));
        return chartRecorder(ctx, sheetProxy, path + "()");
      },
      set(_, name, value) {
        note([path + "." + String(name), value]);
        return true;
      },
    });
  }

  class Workbook {
    constructor(ctx) {
      this.worksheets = new WorksheetCollection(ctx);
      this.settings = new SettingCollection(ctx);
    }
  }

  class WorksheetCollection extends ClientObject {
    constructor(ctx) {
      super(ctx, () => book, false);
      this._items = null;
    }
    get items() {
      if (!this._items) throw officeError("PropertyNotLoaded", "items");
      return this._items;
    }
    load(properties) {
      const names = String(properties || "")
        .split(",")
        .map((p) => p.trim().replace(/^items\//, ""))
        .filter(Boolean);
      this._queue(() => {
        this._items = live().map((model) => {
          const sheet = new Worksheet(this._ctx, () => model, false);
          sheet._loaded = sheet._read(model, names);
          sheet._null = false;
          return sheet;
        });
      });
      return this;
    }
    getCount() {
      const result = { _value: undefined };
      Object.defineProperty(result, "value", {
        get() {
          if (result._value === undefined) throw officeError("PropertyNotLoaded", "value");
          return result._value;
        },
      });
      this._queue(() => (result._value = live().length));
      return result;
    }
    getFirst() {
      return new Worksheet(this._ctx, () => {
        const first = live()[0];
        if (!first) throw officeError("ItemNotFound");
        return first;
      });
    }
    getItem(name) {
      let bound = null;
      return new Worksheet(this._ctx, () => {
        if (bound && !bound.deleted) return bound;
        bound = byName(name);
        if (!bound) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        return bound;
      });
    }
    getItemOrNullObject(name) {
      let bound;
      return new Worksheet(this._ctx, () => (bound === undefined || (bound && bound.deleted) ? (bound = byName(name)) : bound), true);
    }
    add(name) {
      let bound = null;
      const sheet = new Worksheet(this._ctx, () => bound);
      this._queue(() => {
        if (byName(name)) throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
        bound = newSheet(name);
        book.sheets.push(bound);
      });
      return sheet;
    }
  }

  class Worksheet extends ClientObject {
    constructor(ctx, resolve, nullable) {
      super(ctx, resolve, nullable);
      this.freezePanes = {
        freezeRows: (count) =>
          this._queue(() => {
            const sheet = this._resolve();
            if (sheet) sheet.props.freezeRows = count;
          }),
      };
      this.pageLayout = recorder(ctx, this, "pageLayout");
      this.charts = chartRecorder(ctx, this, "charts");
      this.horizontalPageBreaks = {
        add: (address) =>
          this._queue(() => {
            const sheet = this._resolve();
            if (sheet) (sheet.props.pageBreaks = sheet.props.pageBreaks || []).push(String(address));
          }),
      };
    }
    _read(sheet, names) {
      const out = {};
      for (const name of names) {
        if (name === "name") out.name = sheet.name;
        else if (name === "visibility") out.visibility = sheet.visibility;
        else if (name === "position") out.position = live().indexOf(sheet);
        else throw officeError("InvalidArgument", "Worksheet." + name + " is not in the stand-in");
      }
      return out;
    }
    getNextOrNullObject() {
      return new Worksheet(
        this._ctx,
        () => {
          const sheet = this._resolve();
          if (!sheet) return null;
          const all = live();
          return all[all.indexOf(sheet) + 1] || null;
        },
        true,
      );
    }
    getUsedRangeOrNullObject() {
      return new Range(
        this._ctx,
        () => {
          const sheet = this._resolve();
          const rect = sheet && usedRect(sheet);
          return rect ? { sheet, rect } : null;
        },
        true,
      );
    }
    getRange(address) {
      return new Range(this._ctx, () => {
        const sheet = this._resolve();
        return (
          sheet && { sheet, rect: address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseA1(address) }
        );
      });
    }
    /** A RangeAreas (ExcelApi 1.9): every format property set through it (`format.rowHeight`, `format.fill.color`) set on each area. */
    getRanges(address) {
      const areas = String(address)
        .split(",")
        .map((area) => this.getRange(area.trim()));
      return { format: onEach(areas.map((area) => area.format)) };
    }
    getRangeByIndexes(row, column, rows, columns) {
      return new Range(this._ctx, () => {
        const sheet = this._resolve();
        return sheet && { sheet, rect: { row, column, rows, columns } };
      });
    }
    delete() {
      this._queue(() => {
        const sheet = this._resolve();
        if (!sheet) return;
        if (live().filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
          throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        sheet.deleted = true;
        if (book.activeId === sheet.id) book.activeId = (live().find((s) => s.visibility === "Visible") || {}).id || null;
      });
    }
    activate() {
      this._queue(() => {
        const sheet = this._resolve();
        if (!sheet) return;
        if (sheet.visibility !== "Visible") throw officeError("InvalidOperation", "Cannot activate a hidden sheet.");
        book.activeId = sheet.id;
      });
    }
  }
  props(Worksheet, ["name", "visibility", "position"], {
    name: (sheet, value) => {
      const other = byName(value);
      if (other && other !== sheet) throw officeError("ItemAlreadyExists");
      sheet.name = String(value);
    },
    visibility: (sheet, value) => (sheet.visibility = value),
    position: (sheet, value) => {
      const others = live().filter((s) => s !== sheet);
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      const at = Math.min(Number(value), others.length);
      book.sheets.splice(at < others.length ? book.sheets.indexOf(others[at]) : book.sheets.length, 0, sheet);
    },
  });

  class Range extends ClientObject {
    constructor(ctx, resolve, nullable) {
      super(ctx, resolve, nullable);
      this.format = new RangeFormat(ctx, this);
    }
    _read({ sheet, rect }, names) {
      const out = {};
      for (const name of names) {
        if (name === "address") out.address = quoteSheet(sheet.name) + "!" + a1(rect);
        else if (name === "values")
          out.values = matrix(rect, (r, c) => {
            const found = sheet.cells.get(key(r, c));
            return found && found.v !== undefined ? found.v : "";
          });
        else if (name === "numberFormat") out.numberFormat = matrix(rect, (r, c) => (sheet.cells.get(key(r, c)) || {}).f || "General");
        else if (name === "formulas")
          out.formulas = matrix(rect, (r, c) => {
            const found = sheet.cells.get(key(r, c)) || {};
            return found.formula || (found.v === undefined ? "" : found.v);
          });
        else throw officeError("InvalidArgument", "Range." + name + " is not in the stand-in");
      }
      return out;
    }
    merge() {
      this._queue(() => {
        const model = this._resolve();
        if (model) model.sheet.merges.push(a1(model.rect));
      });
    }
    select() {
      this._queue(() => {
        const model = this._resolve();
        if (!model) return;
        if (model.sheet.visibility !== "Visible") throw officeError("InvalidOperation", "Cannot select on a hidden sheet.");
        book.activeId = model.sheet.id;
        book.selection = { sheet: model.sheet.name, address: a1(model.rect) };
      });
    }
  }
  function writeMatrix(model, value, apply) {
    const { sheet, rect } = model;
    if (!Array.isArray(value) || value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.columns)) {
      throw officeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    forCells(rect, (r, c) => apply(cell(sheet, r, c), value[r - rect.row][c - rect.column]));
  }
  props(Range, ["address", "values", "numberFormat", "formulas"], {
    values: (model, value) => writeMatrix(model, value, (target, v) => parseTyped(target, v)),
    numberFormat: (model, value) =>
      writeMatrix(model, value, (target, f) => {
        if (f === "General" || f === "")
          delete target.f; // "" resets to General
        else if (f === null)
          return; // null leaves the cell's format as it is
        else target.f = f;
      }),
    hyperlink: (model, value) => (model.sheet.props[a1(model.rect) + ".hyperlink"] = value),
    columnHidden: (model, value) => (model.sheet.props[a1(model.rect) + ".columnHidden"] = value),
  });

  class RangeFormat {
    constructor(ctx, range) {
      this._ctx = ctx;
      this._range = range;
      this.fill = new RangeFill(ctx, range);
      this.font = recorderOnCells(ctx, range, "font");
      this.borders = { getItem: (edge) => recorderOnCells(ctx, range, "border." + edge) };
    }
    autofitRows() {
      this._ctx._queue.push(() => {
        const model = this._range._resolve();
        if (model) model.sheet.props.autofitRows = a1(model.rect);
      });
    }
  }
  for (const name of ["horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel", "columnWidth", "rowHeight"]) {
    Object.defineProperty(RangeFormat.prototype, name, {
      set(value) {
        this._ctx._queue.push(() => {
          const model = this._range._resolve();
          if (model) model.sheet.props[a1(model.rect) + "." + name] = value;
        });
      },
      get() {
        throw officeError("PropertyNotLoaded", name);
      },
    });
  }

  /** One object standing for several (the formats of a RangeAreas' areas): a property set reaches each of them. */
  function onEach(targets) {
    return new Proxy(
      {},
      {
        set(_, name, value) {
          for (const target of targets) target[name] = value;
          return true;
        },
        get: (_, name) => onEach(targets.map((target) => target[name])),
      },
    );
  }

  /** Font and border properties: recorded per range on the sheet (the test looks at the font name). */
  function recorderOnCells(ctx, range, path) {
    return new Proxy(
      {},
      {
        set(_, name, value) {
          ctx._queue.push(() => {
            const model = range._resolve();
            if (model) model.sheet.props[a1(model.rect) + "." + path + "." + String(name)] = value;
          });
          return true;
        },
        get(_, name) {
          throw officeError("PropertyNotLoaded", path + "." + String(name));
        },
      },
    );
  }

  class RangeFill extends ClientObject {
    constructor(ctx, range) {
      super(ctx, () => range._resolve(), false);
    }
    _read({ sheet, rect }, names) {
      const fill = Object.assign({}, NO_FILL, (sheet.cells.get(key(rect.row, rect.column)) || {}).fill || {});
      const out = {};
      for (const name of names) out[name] = fill[name];
      return out;
    }
    clear() {
      this._queue(() => {
        const model = this._resolve();
        if (model) forCells(model.rect, (r, c) => delete cell(model.sheet, r, c).fill);
      });
    }
  }
  const fillWriter = (name) => (model, value) =>
    forCells(model.rect, (r, c) => {
      const target = cell(model.sheet, r, c);
      const fill = Object.assign({}, target.fill || {});
      if (name === "color") {
        fill.color = String(value).toUpperCase();
        if (!fill.pattern || fill.pattern === "None") fill.pattern = "Solid";
      } else fill[name] = value;
      target.fill = fill;
    });
  props(RangeFill, ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"], {
    color: fillWriter("color"),
    pattern: fillWriter("pattern"),
    patternColor: fillWriter("patternColor"),
    tintAndShade: fillWriter("tintAndShade"),
    patternTintAndShade: fillWriter("patternTintAndShade"),
  });

  class SettingCollection {
    constructor(ctx) {
      this._ctx = ctx;
    }
    add(name, value) {
      this._ctx._queue.push(() => book.settings.set(name, JSON.parse(JSON.stringify(value))));
      return new Setting(this._ctx, name, false);
    }
    getItemOrNullObject(name) {
      return new Setting(this._ctx, name, true);
    }
  }
  class Setting extends ClientObject {
    constructor(ctx, name, nullable) {
      super(ctx, () => (book.settings.has(name) ? { name } : null), nullable);
      this._name = name;
    }
    _read(_, names) {
      const out = {};
      for (const name of names) out[name] = name === "value" ? book.settings.get(this._name) : this._name;
      return out;
    }
    delete() {
      this._queue(() => book.settings.delete(this._name));
    }
  }

  // ───────────── Excel and Office ─────────────
  window.Excel = {
    run: async function (batch) {
      const context = new RequestContext();
      const record = { syncs: 0 };
      book.runs.push(record);
      try {
        return await batch(context);
      } finally {
        record.syncs = context._syncs;
        if (context._queue.length > 0)
          book.warnings.push(
            context._queue.length + " queued operations were never synced: " + context._queue.map((a) => a.label || "?").join(", "),
          );
      }
    },
  };

  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady(callback) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
    context: {
      requirements: { isSetSupported: () => true },
      ui: {
        displayDialogAsync(url, options, callback) {
          book.dialogs.push(url);
          if (typeof callback === "function") callback({ status: "failed", error: { code: 12007 } });
        },
        messageParent() {},
      },
    },
    actions: {
      associate(id, handler) {
        book.actions[id] = handler;
      },
    },
  };

  // ───────────── what the test reads ─────────────
  function view(sheet) {
    const rect = usedRect(sheet) || { row: 0, column: 0, rows: 0, columns: 0 };
    const rows = rect.row + rect.rows;
    const columns = rect.column + rect.columns;
    const grid = (fn) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => fn(sheet.cells.get(key(r, c)) || {})));
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      values: grid((c) => (c.v === undefined ? "" : c.v)),
      formats: grid((c) => c.f || "General"),
      fills: grid((c) => (c.fill && c.fill.color) || null),
      formulas: Array.from(sheet.cells.entries())
        .filter(([, c]) => c.formula)
        .map(([k, c]) => {
          const [r, col] = k.split(",").map(Number);
          return { cell: letters(col) + (r + 1), formula: c.formula };
        }),
      merges: sheet.merges.slice(),
      props: Object.assign({}, sheet.props),
    };
  }

  window.__standin = {
    names: () => live().map((s) => s.name),
    sheet: (name) => {
      const sheet = byName(name);
      return sheet ? view(sheet) : null;
    },
    fill: (name, address) => {
      const sheet = byName(name);
      const { row, column } = parseA1(address);
      const found = sheet && sheet.cells.get(key(row, column));
      return found && found.fill ? Object.assign({}, found.fill) : null;
    },
    /** Changes a cell as a user would, between two actions of the pane. */
    setFill: (name, address, fill) => {
      const { row, column } = parseA1(address);
      cell(byName(name), row, column).fill = Object.assign({}, fill);
    },
    active: () => (book.sheets.find((s) => s.id === book.activeId && !s.deleted) || {}).name || null,
    selection: () => book.selection,
    runs: () => book.runs.map((r) => r.syncs),
    warnings: () => book.warnings.slice(),
    settings: () => Object.fromEntries(book.settings),
    dialogs: () => book.dialogs.slice(),
    /** Holds every sync until release(): an action stays in flight. */
    hold: () => {
      gate.promise = new Promise((resolve) => (gate.open = resolve));
    },
    release: () => {
      const open = gate.open;
      gate.promise = null;
      gate.open = null;
      if (open) open();
    },
    waiting: () => gate.waiting,
    /** The next sync fails with Excel's error `code` (and `message`), or as a lost connection when `fetch`. */
    refuse: (refusal) => {
      refusals.push(refusal);
    },
  };
})();
