/*
 * ES5 on purpose, and outside the webpack bundle: this runs in Internet Explorer 11 (Trident) and in the first
 * Edge (EdgeHTML), which Office 2016 and 2019 use for add-ins and which cannot run the pane's bundle. There the
 * pane would stay blank; instead it shows #unsupported-host (its Vietnamese text is in taskpane.html) and hides
 * the rest. taskpane.ts does not start when this element is shown.
 */
(function () {
  var agent = window.navigator.userAgent;
  if (agent.indexOf("Trident/") === -1 && agent.indexOf("Edge/") === -1) return;
  var notice = document.getElementById("unsupported-host");
  if (!notice) return;
  notice.removeAttribute("hidden");
  var others = document.querySelectorAll("header, main, footer");
  for (var i = 0; i < others.length; i++) others[i].setAttribute("hidden", "");
})();
