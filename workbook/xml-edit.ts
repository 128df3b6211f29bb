import { SaxesParser } from "saxes";
import { damaged } from "./errors";
import { escapeAttribute, localName } from "./xml";

/**
 * Amending a part by its structure: where each element starts and ends comes from the parser, so a comment, a CDATA
 * section or an attribute holding `</sheets>` is never taken for the element. The parts amended this way are small
 * (the workbook part, its relationships, the content types), so they are outlined whole.
 */
export interface XmlElement {
  /** Local name: `sheet` for `x:sheet`. */
  name: string;
  /** The prefix as written, with its colon (`x:`), or "". */
  prefix: string;
  attributes: Record<string, string>;
  parent: XmlElement | null;
  /** Offsets in the text: `<` of the start tag, after its `>`, `<` of the end tag, after its `>`. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export function outlineXml(text: string, part: string): XmlElement[] {
  const parser = new SaxesParser({ position: true });
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  parser.on("opentag", (tag) => {
    const end = parser.position;
    // No `<` can stand inside a start tag (not even in an attribute value): the last one before its end begins it.
    const start = text.lastIndexOf("<", end - 1);
    const colon = tag.name.indexOf(":");
    const element: XmlElement = {
      name: localName(tag.name),
      prefix: colon < 0 ? "" : tag.name.slice(0, colon + 1),
      attributes: tag.attributes as Record<string, string>,
      parent: open[open.length - 1] ?? null,
      start,
      openEnd: end,
      closeStart: end,
      end,
      selfClosing: tag.isSelfClosing,
    };
    elements.push(element);
    open.push(element);
  });
  parser.on("closetag", () => {
    const element = open.pop()!;
    element.end = parser.position;
    element.closeStart = element.selfClosing ? element.end : text.lastIndexOf("<", element.end - 1);
  });
  try {
    parser.write(text).close();
  } catch {
    throw damaged(part);
  }
  return elements;
}

/** The root element, which must have the given local name: anything else is no such part. */
export function rootElement(elements: readonly XmlElement[], name: string, part: string): XmlElement {
  const root = elements[0];
  if (!root || root.name !== name) throw damaged(part);
  return root;
}

export const childrenOf = (elements: readonly XmlElement[], parent: XmlElement, name: string): XmlElement[] =>
  elements.filter((e) => e.parent === parent && e.name === name);

/** The prefix bound to `uri` where `element` stands (the nearest declaration wins), or undefined. */
export function prefixFor(element: XmlElement, uri: string): string | undefined {
  const rebound = new Set<string>();
  for (let e: XmlElement | null = element; e; e = e.parent) {
    for (const [key, value] of Object.entries(e.attributes)) {
      if (!key.startsWith("xmlns:")) continue;
      const prefix = key.slice(6);
      if (!rebound.has(prefix) && value === uri) return prefix;
      rebound.add(prefix);
    }
  }
  return undefined;
}

/** A replacement of the text between two offsets. */
export interface XmlEdit {
  at: number;
  end: number;
  text: string;
}

/** The edits applied from the end back, so that each one's offsets still hold. */
export function applyEdits(text: string, edits: readonly XmlEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at || b.end - a.end)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  return out;
}

/** `content` as the last children of `element`; a self-closed element is opened for it. */
export function appendInside(text: string, element: XmlElement, content: string): XmlEdit {
  if (!element.selfClosing) return { at: element.closeStart, end: element.closeStart, text: content };
  const startTag = text.slice(element.start, element.end).replace(/\s*\/>$/, ">");
  return { at: element.start, end: element.end, text: `${startTag}${content}</${element.prefix}${element.name}>` };
}

export const removal = (element: XmlElement): XmlEdit => ({ at: element.start, end: element.end, text: "" });

/**
 * The start tag of `element` with the attribute `name` set to `value`, read by the grammar of a start tag (name, then
 * `name = "value"` pairs): a value holding `>` or the attribute's name is never taken for it. The whitespace and the
 * other attributes are kept as written; a self-closing tag stays self-closing.
 */
export function startTagWith(text: string, element: XmlElement, name: string, value: string): string {
  const tag = text.slice(element.start, element.openEnd);
  const pair = /(\s+)([^\s=]+)(\s*=\s*)(?:"[^"]*"|'[^']*')/y;
  const written = `"${escapeAttribute(value)}"`;
  for (let at = 1 + element.prefix.length + element.name.length; ; at = pair.lastIndex) {
    pair.lastIndex = at;
    const match = pair.exec(tag);
    if (!match) return `${tag.slice(0, at)} ${name}=${written}${tag.slice(at)}`;
    if (match[2] === name) return `${tag.slice(0, at)}${match[1]}${name}${match[3]}${written}${tag.slice(pair.lastIndex)}`;
  }
}
