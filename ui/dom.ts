/**
 * DOM building for the pane and the page. Every piece of text, above all what comes from the workbook (sheet names,
 * cell text, messages quoting cells), goes in through text nodes: never innerHTML.
 */

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

let lastId = 0;
/** An id unique in the document, for aria-controls and skip links. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++lastId}`;
}

/** An element's content replaced: Element.replaceChildren would do, but it came in Chrome 86 and the page runs from 80. */
export function replaceContent(element: Element, ...children: (Node | string)[]): void {
  element.textContent = "";
  element.append(...children);
}
