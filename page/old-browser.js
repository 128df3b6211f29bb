/*
 * ES5 on purpose, inlined before the page's script (ES2017): a browser older than the page needs (Chrome, Edge or
 * Cốc Cốc before 80, Internet Explorer, an old Firefox) either cannot parse that script or lacks what it uses. This
 * shows #old-browser, one sentence saying which browser to use, and hides the rest; the page's script then does not start.
 * Promise.allSettled (Chrome 76, Firefox 71) stands for the age; the others are what the page cannot work without.
 */
(function () {
  var fit =
    typeof Promise !== "undefined" &&
    typeof Promise.allSettled === "function" &&
    typeof Worker !== "undefined" &&
    typeof Blob !== "undefined" &&
    typeof TextDecoder !== "undefined" &&
    typeof Intl !== "undefined" &&
    typeof URL !== "undefined" &&
    typeof URL.createObjectURL === "function";
  if (fit) return;
  document.getElementById("old-browser").removeAttribute("hidden");
  document.getElementById("app").setAttribute("hidden", "");
})();
