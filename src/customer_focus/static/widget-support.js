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

  /* An input with no visible label of its own (a cell of a grid of inputs)
   * gets its name from the widget's tooltip, which the course's Python forms
   * set for exactly that purpose (customer_focus.widgets.named). */
  function nameFromTooltips(root) {
    root.querySelectorAll(".jupyter-widgets input, .jupyter-widgets textarea, .jupyter-widgets select").forEach(function (input) {
      var label = input.labels && input.labels.length ? input.labels[0] : null;
      if ((label && label.textContent.trim()) || input.getAttribute("aria-label") || input.getAttribute("aria-labelledby")) { return; }
      // ipywidgets puts the tooltip on the (empty) description label, or on the widget itself.
      var holder = label && label.getAttribute("title") ? label : input.closest("[title]");
      if (holder && holder.getAttribute("title")) { input.setAttribute("aria-label", holder.getAttribute("title")); }
    });
  }

  /* A widget's output that scrolls (a wide table on a narrow screen) must be
   * reachable with the keyboard, or its hidden part cannot be read
   * (axe: scrollable-region-focusable). The theme does this for cell outputs;
   * widget outputs are drawn later, so they are handled here. */
  function focusScrollables(root) {
    root.querySelectorAll(".jupyter-widgets .jp-OutputArea-output, .jupyter-widgets.widget-output, .jupyter-widgets .jp-RenderedHTMLCommon").forEach(function (area) {
      var scrolls = area.scrollWidth > area.clientWidth + 1 || area.scrollHeight > area.clientHeight + 1;
      if (scrolls && !area.hasAttribute("tabindex")) {
        area.setAttribute("tabindex", "0");
      }
    });
  }

  function nameAll(root) {
    nameSliders(root);
    nameFromTooltips(root);
    focusScrollables(root);
  }

  function watch() {
    window.addEventListener("resize", function () { focusScrollables(document); });
    window.addEventListener("load", function () { focusScrollables(document); });
    nameAll(document);
    new MutationObserver(function () { nameAll(document); })
      .observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
