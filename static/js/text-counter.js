// The counter of a free text near its limit. The page renders it hidden, beside its field
// (core/templatetags/text_limits.py): it shows from data-count-from characters on, in the page's language,
// and past the limit marks the field invalid; the server refuses such a text with the same limit.
(function () {
  "use strict";

  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var surrogatePairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

  // Characters as the server counts them: one per character, a line break being one.
  function length(text) {
    return text.length - (text.match(surrogatePairs) || []).length;
  }

  function fill(message, values) {
    Object.keys(values).forEach(function (name) {
      message = message.split("%(" + name + ")s").join(numbers.format(values[name]));
    });
    return message;
  }

  function update(counter, field) {
    var limit = Number(counter.dataset.limit);
    var count = length(field.value);
    var over = count > limit;
    counter.hidden = count < Number(counter.dataset.countFrom);
    counter.classList.toggle("over", over);
    if (over) {
      field.setAttribute("aria-invalid", "true");
    } else {
      field.removeAttribute("aria-invalid");
    }
    if (!counter.hidden) {
      var message = over ? counter.dataset.over : counter.dataset.near;
      counter.textContent = fill(message, { count: count, limit: limit, over: count - limit });
    }
  }

  function start() {
    document.querySelectorAll("[data-count-for]").forEach(function (counter) {
      var field = document.getElementById(counter.dataset.countFor);
      if (!field) {
        return;
      }
      var pending = false;
      field.addEventListener("input", function () {
        if (!pending) {  // once per frame, however fast the typing or large the text
          pending = true;
          window.requestAnimationFrame(function () {
            pending = false;
            update(counter, field);
          });
        }
      });
      update(counter, field);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
