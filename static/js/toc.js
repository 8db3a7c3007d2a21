// A long page's contents: open in its side column on a wide screen, folded at the top of a narrow one
// (without JavaScript it stays folded and opens on a click). "Back to contents" opens it.
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 64rem)");
  document.querySelectorAll("details[data-toc]").forEach(function (details) {
    function fit() {
      details.open = wide.matches;
    }
    fit();
    wide.addEventListener("change", fit);
    document.querySelectorAll('a[href="#' + details.id + '"]').forEach(function (link) {
      link.addEventListener("click", function () {
        details.open = true;
      });
    });
  });
})();
