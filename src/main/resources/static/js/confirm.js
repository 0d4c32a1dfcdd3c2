// A confirmation before anything destructive: a form (or its submit button) with data-confirm="…" asks first,
// in a dialog of the page's own look, and goes ahead only on the dialog's danger button. data-confirm-yes names
// that button ("归档", "删除"); without it the page's default word is used. No script, no dialog: the form
// still works, and the server still checks everything.
(function () {
  "use strict";
  var dialog;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "confirm";
    dialog.innerHTML = '<form method="dialog"><p class="confirm-text"></p><div class="confirm-actions">'
      + '<button value="no" class="button"></button> <button value="yes" class="button danger solid"></button></div></form>';
    document.body.appendChild(dialog);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (!question || form.dataset.confirmed === "yes" || typeof HTMLDialogElement !== "function") {
      return;
    }
    event.preventDefault();
    if (!dialog) {
      build();
    }
    var html = document.documentElement;
    dialog.querySelector(".confirm-text").textContent = question;
    dialog.querySelector('[value="no"]').textContent = html.dataset.confirmNo || "取消";
    dialog.querySelector('[value="yes"]').textContent = (submitter && submitter.dataset.confirmYes)
      || form.dataset.confirmYes || html.dataset.confirmYes || "确定";
    dialog.returnValue = "";
    dialog.onclose = function () {
      if (dialog.returnValue === "yes") {
        form.dataset.confirmed = "yes";
        if (form.requestSubmit) {
          form.requestSubmit(submitter || undefined);
        } else {
          form.submit();
        }
        delete form.dataset.confirmed;
      }
    };
    dialog.showModal();
    dialog.querySelector('[value="no"]').focus();
  });
})();
