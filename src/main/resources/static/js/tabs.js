// The community tab bar scrolls sideways on a phone: start with the current tab in view, and fade the edge that has
// more tabs beyond it, so a member sees there is more than the first six.
document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".community-tabs").forEach(bar => {
        const current = bar.querySelector("a[aria-current=page]");
        if (current && current.offsetLeft + current.offsetWidth > bar.clientWidth) {
            bar.scrollLeft = current.offsetLeft - (bar.clientWidth - current.offsetWidth) / 2;
        }
        const edges = () => {
            bar.classList.toggle("more-before", bar.scrollLeft > 2);
            bar.classList.toggle("more-after", bar.scrollLeft + bar.clientWidth < bar.scrollWidth - 2);
        };
        edges();
        bar.addEventListener("scroll", edges, { passive: true });
        window.addEventListener("resize", edges);
    });
});
