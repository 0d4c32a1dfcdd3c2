// The post editor: the "ask a member" choice matters only for questions, so it shows only while the kind is
// QUESTION (without script it simply stays visible; the server refuses an addressee on other kinds).
document.addEventListener("DOMContentLoaded", () => {
    const kind = document.querySelector("form.post-editor select[name=kind]");
    const field = document.querySelector("form.post-editor .addressee-field");
    if (!kind || !field) {
        return;
    }
    const sync = () => {
        field.hidden = kind.value !== "QUESTION";
    };
    kind.addEventListener("change", sync);
    sync();
});
