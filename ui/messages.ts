import { h, replaceContent } from "./dom";

/** The kinds of result box: each has its own colour, border and, in forced colours, its own border style. */
export type MessageKind = "info" | "success" | "warning" | "error" | "strong";

export interface MessageLine {
  kind: MessageKind;
  text: string;
}

/** Replaces a container's content with message paragraphs, all of one kind. */
export function showMessages(container: HTMLElement, kind: MessageKind, ...lines: string[]): void {
  showLines(
    container,
    lines.map((text) => ({ kind, text })),
  );
}

/** Replaces a container's content with message paragraphs of their own kinds. */
export function showLines(container: HTMLElement, lines: readonly MessageLine[]): void {
  replaceContent(container, ...lines.map((line) => h("p", { class: `message-line ${line.kind}` }, line.text)));
}
