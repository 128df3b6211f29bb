import { METHODS, type Method } from "./model";
import { fold } from "./text";

/** Methods by folded name, with other words officials use. ("Hàng năm" folds like "Hằng năm".) */
const METHOD_WORDS = new Map<string, Method>([
  ...METHODS.map((m): [string, Method] => [m, m]),
  ...METHODS.map((m): [string, Method] => [fold(m), m]),
  ["luy ke", "Cộng dồn"],
  ["cong don ca nhiem ky", "Cộng dồn"],
  ["tang binh quan hang nam", "Tăng bình quân"],
  ["ca nam", "Năm"],
]);

/** The `Cách tính` a text names, as the sheets and the custom functions read it; null when it names none. */
export function methodNamed(text: string): Method | null {
  return METHOD_WORDS.get(text) ?? METHOD_WORDS.get(fold(text)) ?? null;
}
