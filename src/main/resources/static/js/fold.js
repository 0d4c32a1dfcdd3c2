// A <details data-open-wide> folds something long on a phone; on a wide screen there is room, so it starts open.
document.addEventListener("DOMContentLoaded", () => {
    if (window.matchMedia("(min-width: 700px)").matches) {
        document.querySelectorAll("details[data-open-wide]").forEach(d => { d.open = true; });
    }
});
