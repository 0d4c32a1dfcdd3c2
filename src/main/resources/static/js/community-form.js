// The create form shows the entry questions only while "approval" is chosen; without this script they simply show.
document.addEventListener("DOMContentLoaded", () => {
  const questions = document.querySelector("[data-shown-for-policy]");
  const form = questions && questions.closest("form");
  if (!form) {
    return;
  }
  const sync = () => {
    const chosen = form.querySelector("input[name=entryPolicy]:checked");
    questions.hidden = !chosen || chosen.value !== questions.dataset.shownForPolicy;
  };
  form.querySelectorAll("input[name=entryPolicy]").forEach((radio) => radio.addEventListener("change", sync));
  sync();
});
