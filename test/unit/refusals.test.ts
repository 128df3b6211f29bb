import { describe, expect, it } from "vitest";
import { describeRefusal, text } from "../../ui";

/** Office.js rejects with { code, message }: the code picks our sentence, Excel's message is kept when it says more. */
const officeError = (code: string, message = code) => Object.assign(new Error(message), { name: "RichApi.Error", code });

describe("Excel's and the browser's refusals in plain Vietnamese", () => {
  it("should tell a protected sheet what to do, keeping Excel's own sentence", () => {
    expect(describeRefusal(officeError("AccessDenied", "The sheet is protected."))).toEqual([
      "Excel không cho ghi: trang tính hoặc sổ tính đang được bảo vệ, hoặc anh/chị chỉ có quyền xem. Hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính) hoặc xin quyền sửa, rồi thử lại.",
      "Thông báo gốc: “The sheet is protected.”",
    ]);
  });

  it.each(["GeneralException", "InvalidOperation", "Conflict"])("should read %s as a workbook busy or edited elsewhere", (code) => {
    expect(describeRefusal(officeError(code))).toEqual([text("refusalElsewhere")]);
  });

  it.each([
    new TypeError("Failed to fetch"),
    new TypeError("NetworkError when attempting to fetch resource."),
    new TypeError("Load failed"),
  ])("should read the browser's %s as a lost connection, without its English", (error) => {
    expect(describeRefusal(error)).toEqual([text("refusalOffline")]);
  });

  it("should say cell-edit mode, a missing sheet and a too-large request in their own words", () => {
    expect(
      ["InvalidOperationInCellEditMode", "ItemNotFound", "RequestPayloadSizeLimitExceeded"].map((c) => describeRefusal(officeError(c))),
    ).toEqual([[text("refusalEditMode")], [text("refusalMissing")], [text("refusalTooLarge")]]);
  });

  it("should name an unknown code and keep whatever was said", () => {
    expect(describeRefusal(officeError("WeirdNewCode", "Something odd."))).toEqual([
      "Không thực hiện được (mã lỗi WeirdNewCode). Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại sổ tính.",
      "Thông báo gốc: “Something odd.”",
    ]);
    expect(describeRefusal(new Error("x is undefined"))).toEqual([
      "Không thực hiện được (mã lỗi ?). Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại sổ tính.",
      "Thông báo gốc: “x is undefined”",
    ]);
  });
});

describe("the shared words", () => {
  it("should group every count the Vietnamese way", () => {
    expect(text("truncated", { shown: 200, total: 4545 })).toBe("Đang hiện 200/4.545 vấn đề của nhóm này.");
    expect(text("checkCounts", { errors: 4545, warnings: 455, sheets: 1, indicators: 5000 })).toBe(
      "4.545 lỗi và 455 cảnh báo — 1 trang chỉ tiêu, 5.000 dòng chỉ tiêu.",
    );
    expect(text("fixAll", { count: 1234 })).toBe("Sửa tất cả 1.234 số ghi dạng chữ");
  });

  it("should preview a fix as text becoming a number, not the same text twice", () => {
    expect(text("fixPreview", { cell: "I10", text: "12,5", value: 12.5 })).toBe("I10: “12,5” (chữ) → 12,5 (số)");
    expect(text("fixPreview", { cell: "H6", text: "6.250", value: 6250 })).toBe("H6: “6.250” (chữ) → 6.250 (số)");
  });
});
