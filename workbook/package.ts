import type { ZipArchive } from "./zip";
import { attribute, walkXml } from "./xml";

/** The Open Packaging Conventions a workbook is built on: relationships between parts, and their targets. */

export interface Relationship {
  id: string;
  /** The last segment of the type URI (`worksheet`, `styles`), the same in transitional and strict OOXML. */
  kind: string;
  type: string;
  /** The target part's name without leading slash; the raw target for external relationships. */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own relationships for "". */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readRelationships(zip: ZipArchive, part: string): Relationship[] {
  const name = relationshipsPart(part);
  const entry = zip.entry(name);
  if (!entry) return [];
  const found: Relationship[] = [];
  walkXml(zip.inflate(entry), name, {
    open(element, attributes) {
      if (element !== "Relationship") return;
      const type = attribute(attributes, "Type") ?? "";
      const target = attribute(attributes, "Target") ?? "";
      const external = (attribute(attributes, "TargetMode") ?? "").toLowerCase() === "external";
      found.push({
        id: attribute(attributes, "Id") ?? "",
        type,
        kind: type.slice(type.lastIndexOf("/") + 1),
        target: external ? target : resolveTarget(part, target),
        external,
      });
    },
  });
  return found;
}

/**
 * A relationship target as a part name: absolute (`/xl/worksheets/sheet1.xml`) or relative to the source part's
 * folder (`worksheets/sheet1.xml`, `../drawings/drawing1.xml`), percent-encoded or not.
 */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a lone % is a character of the name
  }
  const base = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of decoded.split(/[/\\]/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** `target` written relative to the folder of `source`, as Excel writes its relationships. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
