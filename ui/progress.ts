import { h } from "./dom";
import { text } from "./text";

/** A running action: an indeterminate progressbar whose label says what is being done. */
export interface Progress {
  readonly element: HTMLElement;
  /** Shows the bar (aria-busy) with what is being done. */
  start(label: string): void;
  /** Says what is being done now (reading, then writing …). */
  update(label: string): void;
  /** Hides the bar. */
  done(): void;
}

/**
 * Builds the progress once, inside `container`, at start-up: the bar and its text are in the page before they
 * change, so a screen reader's live region (the container's) announces each label.
 */
export function mountProgress(container: HTMLElement): Progress {
  const label = h("span", { class: "progress-text" });
  const element = h(
    "div",
    { class: "progress", role: "progressbar", "aria-label": text("progressLabel"), "aria-busy": "false", hidden: true },
    h("div", { class: "progress-track" }, h("div", { class: "progress-bar" })),
    label,
  );
  container.append(element);
  const update = (value: string) => {
    label.textContent = value;
    if (value) element.setAttribute("aria-valuetext", value);
    else element.removeAttribute("aria-valuetext");
  };
  return {
    element,
    start(value) {
      element.hidden = false;
      element.setAttribute("aria-busy", "true");
      update(value);
    },
    update,
    done() {
      element.hidden = true;
      element.setAttribute("aria-busy", "false");
      update("");
    },
  };
}
