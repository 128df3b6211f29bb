import { walkXml } from "./xml";

/** Entries joined into one string at a time: few enough strings for the engine, small enough to join quickly. */
const PER_CHUNK = 4096;

/**
 * A workbook's shared strings held as a few long strings and where each entry ends, so that millions of entries cost
 * their characters and four bytes each, not a string object each (5,000,000 short entries, 110 MB of XML: 432 MB peak
 * for the whole `coma summary` process, 585 MB as an array of strings).
 */
export class SharedStrings {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  /** Where each entry ends in its chunk. */
  private ends = new Uint32Array(1024);
  private size = 0;

  add(text: string): void {
    if (this.size === this.ends.length) {
      const grown = new Uint32Array(this.size * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    const start = this.size % PER_CHUNK === 0 ? 0 : this.ends[this.size - 1];
    this.ends[this.size++] = start + text.length;
    this.pending.push(text);
    if (this.pending.length === PER_CHUNK) this.flush();
  }

  /** The entry at an index as a cell gives it (`<v>3</v>`); undefined for an index the table does not have. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    if (this.pending.length > 0) this.flush();
    const chunk = this.chunks[Math.floor(index / PER_CHUNK)];
    return chunk.slice(index % PER_CHUNK === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }

  private flush(): void {
    this.chunks.push(this.pending.join(""));
    this.pending = [];
  }
}

/** Each shared string as plain text: rich-text runs joined, phonetic guides (`rPh`) left out. */
export function readSharedStrings(xml: Uint8Array | null, part: string): SharedStrings {
  const strings = new SharedStrings();
  if (!xml) return strings;
  let item: string | null = null;
  let text: string | null = null;
  let phonetic = 0;
  walkXml(xml, part, {
    open(name) {
      if (name === "si") item = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && item !== null && phonetic === 0) text = "";
    },
    text(chunk) {
      if (text !== null) text += chunk;
    },
    close(name) {
      if (name === "t" && text !== null) {
        if (item !== null) item += text;
        text = null;
      } else if (name === "rPh") phonetic--;
      else if (name === "si" && item !== null) {
        strings.add(item);
        item = null;
      }
    },
  });
  return strings;
}
