// A button with data-copy="…" copies that text (an invitation link, a code) and says so on itself for a moment.
// It copies through a hidden field (allowed inside the click everywhere) and, where that is refused, through the
// clipboard API; if both fail, the link stays visible beside the button to copy by hand.
(function () {
  "use strict";
  function done(button) {
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    button.textContent = button.dataset.copied || "✓";
    setTimeout(function () { button.textContent = label; }, 1500);
  }
  /** True when the text went to the clipboard (inside the click, which browsers allow without a permission). */
  function throughField(button, text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) { /* falls back to the clipboard API below */ }
    document.body.removeChild(field);
    if (copied) {
      done(button);
    }
    return copied;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var text = button.dataset.copy;
    // the hidden field first: it works inside the click everywhere, WeChat's WebView included, without a permission
    if (!throughField(button, text) && navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(button); }, function () { /* the link is beside */ });
    }
  });
})();
