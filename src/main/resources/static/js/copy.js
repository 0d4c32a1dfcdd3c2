// A button with data-copy="…" copies that text (an invitation link, a code) and says so on itself for a moment.
// Where the clipboard API is missing (an old WebView) it selects the text of the field beside it instead.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var text = button.dataset.copy;
    var done = function () {
      var label = button.textContent;
      button.textContent = button.dataset.copied || "✓";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
    } else {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      try { document.execCommand("copy"); done(); } catch (e) { /* nothing to do: the link is shown beside */ }
      document.body.removeChild(field);
    }
  });
})();
