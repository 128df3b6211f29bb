import { SaxesParser } from "saxes";
import { damaged } from "./errors";

/**
 * A streaming walk over an XML part with namespace prefixes dropped: `x:c`, `c` and a strict-OOXML `c` are one
 * element. Parts are decoded and parsed a megabyte at a time, so a large sheet is never one string in memory.
 */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const CHUNK = 1024 * 1024;

export function walkXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  const { open, close, text } = handlers;
  if (open) parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new TextDecoder(encodingOf(bytes));
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof Error && error.name === "WorkbookFileError") throw error;
    throw damaged(part);
  }
}

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`r:id`, `id`). */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const key in attributes) if (localName(key) === name && !key.startsWith("xmlns")) return attributes[key];
  return undefined;
}

/** XML allows UTF-8 and UTF-16; a byte-order mark says which. */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

export const decodeText = (bytes: Uint8Array): string => new TextDecoder(encodingOf(bytes)).decode(bytes);

// Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE/U+FFFF) and lone surrogates are dropped. A
// surrogate pair is matched whole and kept: no lookbehind, which is ES2018 and the page's bundle is ES2017.
const INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
const keepPairs = (match: string) => (match.length === 2 ? match : "");
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\r": "&#13;",
  "\t": "&#9;",
  "\n": "&#10;",
};

/** Text content: `&`, `<`, `>` escaped, CR kept as a reference (XML would turn it into LF). */
export function escapeText(text: string): string {
  return text.replace(INVALID, keepPairs).replace(/[&<>\r]/g, (c) => ESCAPES[c]);
}

/** An attribute value: quotes and whitespace escaped too, so that they survive attribute normalisation. */
export function escapeAttribute(text: string): string {
  return text.replace(INVALID, keepPairs).replace(/[&<>"\r\t\n]/g, (c) => ESCAPES[c]);
}
