// "Quote in observation" on the question workspace (templates/evaluation/_quote.html): text selected in an
// answer or a contribution is copied into the passage of the quote form below it, which the writer can
// still correct. Without JavaScript the passage is pasted by hand; the server checks it either way.
(function () {
  "use strict";

  function fill(source) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !source.contains(selection.anchorNode)) {
      return;
    }
    var passage = selection.toString().replace(/\s+/g, " ").trim();
    var field = document.querySelector('[data-quote-from="' + source.id + '"]');
    if (!passage || !field) {
      return;
    }
    field.value = passage;
    var details = field.closest("details");
    if (details) {
      details.open = true;
    }
  }

  function start() {
    document.querySelectorAll("[data-quote-from]").forEach(function (field) {
      var source = document.getElementById(field.dataset.quoteFrom);
      if (!source) {
        return;
      }
      source.addEventListener("mouseup", function () { fill(source); });
      source.addEventListener("keyup", function () { fill(source); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
