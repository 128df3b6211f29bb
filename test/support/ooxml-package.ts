import { strToU8, unzipSync, zipSync, type Unzipped } from "fflate";

/**
 * Just enough of an OOXML package to amend real files the way a user would, independent of the CLI's own workbook
 * layer: find the workbook part, add a worksheet (or a macro module) to it, list the parts. Text parts keep their
 * byte-order mark and their namespace prefixes (`x:workbook`, strict-OOXML namespaces).
 */
export type Parts = Unzipped;

export const readParts = (bytes: Uint8Array): Parts => unzipSync(bytes);
export const writeParts = (parts: Parts): Uint8Array => zipSync(parts, { level: 6 });

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const text = (parts: Parts, name: string): string => {
  const bytes = parts[name];
  if (bytes === undefined) throw new Error(`the package has no ${name}`);
  return decoder.decode(bytes);
};

const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = {
  strict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** `<Relationship …>` elements of a rels part, whatever their prefix. */
const relationships = (xml: string): string[] => xml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? [];

/** Resolves a relationship target (relative to the source part's folder, or absolute from the package root). */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const folder = sourcePart.includes("/") ? sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1) : "";
  const resolved: string[] = [];
  for (const segment of (folder + target).split("/")) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

export const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** The workbook part the package's root relationships point at (`xl/workbook.xml` in most files). */
export function workbookPart(parts: Parts): string {
  const office = relationships(text(parts, "_rels/.rels")).find((r) => /\/officeDocument"/.test(r));
  const target = office === undefined ? undefined : attribute(office, "Target");
  if (target === undefined) throw new Error("the package names no workbook");
  return resolveTarget("", target);
}

/** The part a workbook relationship of the given kind (`styles`, `vbaProject`) points at, if any. */
export function workbookRelated(parts: Parts, kind: string): string | undefined {
  const workbook = workbookPart(parts);
  const rels = parts[relsOf(workbook)] === undefined ? "" : text(parts, relsOf(workbook));
  const found = relationships(rels).find((r) => new RegExp(`/${kind}"`).test(r));
  const target = found === undefined ? undefined : attribute(found, "Target");
  return target === undefined ? undefined : resolveTarget(workbook, target);
}

const escapeXml = (value: string): string => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const columnLetter = (index: number): string => String.fromCharCode(65 + index);

/** A worksheet of inline strings and numbers, in the namespace of the workbook it joins. */
function worksheetXml(rows: readonly (readonly (string | number)[])[], namespace: string): string {
  const cell = (value: string | number, ref: string) =>
    typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  const body = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, `${columnLetter(c)}${r + 1}`)).join("")}</row>`)
    .join("");
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return `${declaration}<worksheet xmlns="${namespace}"><sheetData>${body}</sheetData></worksheet>`;
}

/** Inserts `element` before the closing tag `</prefix:name>` of a text part. */
function insertBeforeClosing(parts: Parts, part: string, name: string, element: (prefix: string) => string): void {
  const xml = text(parts, part);
  const closing = new RegExp(`</(\\w+:)?${name}>`).exec(xml);
  if (closing === null) throw new Error(`${part} has no </${name}>`);
  parts[part] = strToU8(xml.slice(0, closing.index) + element(closing[1] ?? "") + xml.slice(closing.index));
}

function addRelationship(parts: Parts, source: string, type: string, target: string): string {
  const rels = relsOf(source);
  if (parts[rels] === undefined) {
    const namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    parts[rels] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${namespace}"></Relationships>`);
  }
  const taken = new Set(relationships(text(parts, rels)).map((r) => attribute(r, "Id")));
  let n = 1;
  while (taken.has(`rIdCorpus${n}`)) n++;
  const id = `rIdCorpus${n}`;
  insertBeforeClosing(parts, rels, "Relationships", (p) => `<${p}Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
  return id;
}

function addContentType(parts: Parts, element: string): void {
  insertBeforeClosing(parts, "[Content_Types].xml", "Types", (p) => `<${p}${element}/>`);
}

/**
 * Adds a worksheet named `name` holding `rows` as the last sheet of the workbook: its part, its relationship, its
 * content-type override and its `<sheet>` entry. Answers the new part's name.
 */
export function addWorksheet(parts: Parts, name: string, rows: readonly (readonly (string | number)[])[]): string {
  const workbook = workbookPart(parts);
  const workbookXml = text(parts, workbook);
  const root = /<(\w+:)?workbook[\s>][^>]*>/.exec(workbookXml);
  if (root === null) throw new Error(`${workbook} has no <workbook>`);
  const prefix = root[1] ?? "";
  const strict = root[0].includes(STRICT_MAIN);
  const relNamespace = strict ? RELATIONSHIPS.strict : RELATIONSHIPS.transitional;
  const relPrefix = new RegExp(`xmlns:(\\w+)="${relNamespace}"`).exec(root[0])?.[1];

  const folder = workbook.includes("/") ? workbook.slice(0, workbook.lastIndexOf("/") + 1) : "";
  let n = 1;
  while (parts[`${folder}worksheets/sheet${n}.xml`] !== undefined) n++;
  const part = `${folder}worksheets/sheet${n}.xml`;
  parts[part] = strToU8(worksheetXml(rows, strict ? STRICT_MAIN : TRANSITIONAL_MAIN));

  const id = addRelationship(parts, workbook, `${relNamespace}/worksheet`, `worksheets/sheet${n}.xml`);
  addContentType(parts, `Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"`);
  const sheetIds = [...workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  // Declared on the element when the root does not bind it, as openpyxl writes it.
  const free = /\sxmlns:r="/.test(root[0]) ? "cr" : "r";
  const relId = relPrefix === undefined ? `xmlns:${free}="${relNamespace}" ${free}:id="${id}"` : `${relPrefix}:id="${id}"`;
  insertBeforeClosing(parts, workbook, "sheets", () => `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${relId}/>`);
  return part;
}

const MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** Makes the workbook macro-enabled with the given VBA project (`xl/vbaProject.bin`), as Excel saves an .xlsm. */
export function addMacroModule(parts: Parts, vbaProject: Parts[string]): void {
  const workbook = workbookPart(parts);
  const types = text(parts, "[Content_Types].xml").replace(
    new RegExp(`(PartName="/${workbook.replace(/\./g, "\\.")}"\\s+ContentType=")[^"]*"`),
    `$1${MACRO_WORKBOOK_TYPE}"`,
  );
  parts["[Content_Types].xml"] = strToU8(types);
  const folder = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  parts[`${folder}vbaProject.bin`] = vbaProject;
  addRelationship(parts, workbook, "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin");
  addContentType(parts, `Override PartName="/${folder}vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"`);
}

/** The content type `[Content_Types].xml` declares for a part (its override, else the default of its extension). */
export function contentType(parts: Parts, part: string): string | undefined {
  const types = text(parts, "[Content_Types].xml");
  const override = (types.match(/<(?:\w+:)?Override\s[^>]*>/g) ?? []).find((o) => attribute(o, "PartName") === `/${part}`);
  if (override !== undefined) return attribute(override, "ContentType");
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const fallback = (types.match(/<(?:\w+:)?Default\s[^>]*>/g) ?? []).find((d) => attribute(d, "Extension")?.toLowerCase() === extension);
  return fallback === undefined ? undefined : attribute(fallback, "ContentType");
}
