// Theme: applies the reader's saved choice before the page is painted, so a
// dark-theme reader never sees a flash of light, then wires the toggle
// button. Without a saved choice the system preference rules, through CSS.
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "theme";
  var saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch (e) {
    // Storage can be disabled; the system preference still applies.
  }
  if (saved === "light" || saved === "dark") {
    root.setAttribute("data-theme", saved);
  }

  function current() {
    var t = root.getAttribute("data-theme");
    if (t) {
      return t;
    }
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) {
      return;
    }
    function update() {
      var dark = current() === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
      button.title = dark ? "Use the light theme" : "Use the dark theme";
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try {
        localStorage.setItem(KEY, next);
      } catch (e) {
        // The choice then lasts for this page only.
      }
      update();
    });
    update();
  });
})();
