/* Support for ipywidgets rendered from their saved state (loaded only on pages
 * with widgets, before MathJax and the widget manager).
 *
 * The widget controls typeset their labels with the MathJax 2 API
 * (MathJax.Hub.Queue) whenever window.MathJax exists. The book uses MathJax 3,
 * which has no Hub, so every label threw "Cannot read properties of undefined
 * (reading 'Queue')". Every object assigned to window.MathJax gets a small Hub
 * whose Queue typesets the element with MathJax 3 once it is ready. */
(function () {
  "use strict";
  var current = window.MathJax;

  function queue(job) {
    var element = Array.isArray(job) ? job[2] : null;
    var mathjax = current;
    if (element && mathjax && typeof mathjax.typesetPromise === "function") {
      mathjax.typesetPromise([element]).catch(function () { /* leave the label as text */ });
    }
  }

  function withHub(value) {
    if (value && typeof value === "object" && !value.Hub) {
      Object.defineProperty(value, "Hub", { value: { Queue: queue }, enumerable: false, configurable: true });
    }
    return value;
  }

  current = withHub(current);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    enumerable: true,
    get: function () { return current; },
    set: function (value) { current = withHub(value); }
  });

  /* Slider handles drawn by the widgets have role="slider" but no name, so a
   * screen reader announces "slider" only (axe: aria-input-field-name). Name
   * each handle after the slider's visible label. */
  function nameSliders(root) {
    root.querySelectorAll(".widget-slider").forEach(function (slider) {
      var label = slider.querySelector(".widget-label");
      var name = label ? label.textContent.trim() : "";
      slider.querySelectorAll('[role="slider"]').forEach(function (handle) {
        if (name && !handle.getAttribute("aria-label") && !handle.getAttribute("aria-labelledby")) {
          handle.setAttribute("aria-label", name);
        }
      });
    });
  }

  function watch() {
    nameSliders(document);
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
