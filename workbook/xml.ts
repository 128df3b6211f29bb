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

/**
 * The encoding of a part, as XML 1.0 (appendix F) finds it: a byte-order mark; else the first characters of UTF-16
 * without one; else the encoding its declaration names (ASCII-compatible ones: `windows-1252`, `ISO-8859-1`);
 * else UTF-8.
 */
function encodingOf(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  if (a === 0x3c && b === 0x00) return "utf-16le";
  if (a === 0x00 && b === 0x3c) return "utf-16be";
  const declared = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(LATIN1.decode(bytes.subarray(0, 200)))?.[1];
  if (declared === undefined) return "utf-8";
  try {
    const encoding = new TextDecoder(declared).encoding;
    // Bytes that read as ASCII are no UTF-16, whatever the declaration says.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return "utf-8"; // a label no decoder knows: read as UTF-8, which a well-formed part of ASCII names is
  }
}

const LATIN1 = new TextDecoder("latin1");

/** A part's text, from whichever encoding it is in (the byte-order mark dropped). */
export const decodeText = (bytes: Uint8Array): string => new TextDecoder(encodingOf(bytes)).decode(bytes);

/**
 * A part's text for writing back as UTF-8: its declaration then says UTF-8, whatever it said before, so that the
 * bytes and the declaration agree (a UTF-16 part amended is a UTF-8 part).
 */
export function declareUtf8(text: string): string {
  return text.replace(/^(<\?xml\s[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
}

/** A part's bytes as UTF-8 with a declaration that says so: what the amending works on. */
export const asUtf8 = (bytes: Uint8Array): Uint8Array => new TextEncoder().encode(declareUtf8(decodeText(bytes)));

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
