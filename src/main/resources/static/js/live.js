// Live updates for the feed and post pages: listens to the server-sent events of the stream named by
// #live[data-live-src] and inserts the server-rendered (sanitized) fragments. No inline script: CSP.
(function () {
    "use strict";
    var status = document.getElementById("live");
    if (!status || !window.EventSource) {
        return;
    }
    var source = new EventSource(status.getAttribute("data-live-src"));

    function data(event) {
        try {
            return JSON.parse(event.data);
        } catch (e) {
            return null;
        }
    }

    function fragment(html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        var node = template.content.firstElementChild;
        if (node) {
            node.classList.add("live-new");
        }
        return node;
    }

    // a new post card at the top of the feed (not twice: a reconnect may repeat one)
    source.addEventListener("post", function (event) {
        var d = data(event);
        var list = document.getElementById("feed-items");
        if (!d || !d.html || !list || document.getElementById("post-" + d.id)) {
            return;
        }
        var card = fragment(d.html);
        if (card) {
            list.insertBefore(card, list.firstElementChild);
            var empty = document.getElementById("feed-empty");
            if (empty) {
                empty.remove();
            }
        }
    });

    // a new comment at the end of the thread, or a reply under its comment
    source.addEventListener("comment", function (event) {
        var d = data(event);
        var comments = document.getElementById("comments");
        if (!d || !d.html || !comments || document.getElementById("comment-" + d.id)) {
            return;
        }
        var node = fragment(d.html);
        if (!node) {
            return;
        }
        var parent = d.parentId ? document.getElementById("comment-" + d.parentId) : null;
        if (parent) {
            parent.appendChild(node);
            return;
        }
        var form = comments.querySelector(":scope > .comment-form");
        comments.insertBefore(node, form);
    });

    source.addEventListener("post-removed", function (event) {
        var d = data(event);
        var card = d && document.getElementById("post-" + d.id);
        if (card && card.classList.contains("post-card")) {
            card.remove();
        }
    });

    // a removed comment keeps its place (and its replies) with a note instead of its text
    source.addEventListener("comment-removed", function (event) {
        var d = data(event);
        var comment = d && document.getElementById("comment-" + d.id);
        if (!comment) {
            return;
        }
        Array.prototype.slice.call(comment.children).forEach(function (child) {
            if (!child.classList.contains("comment")) {
                child.remove();
            }
        });
        var note = document.createElement("p");
        note.className = "muted small";
        note.textContent = d.text || "";
        comment.insertBefore(note, comment.firstElementChild);
    });

    // counts (reactions on the post and its comments, the comment heading): small viewer-neutral fragments
    // marked hx-swap-oob, swapped by htmx into the elements with their ids; nothing else on the page changes
    function counts(event) {
        var d = data(event);
        if (d && d.html && window.htmx) {
            var template = document.createElement("template");
            template.innerHTML = d.html;
            template.content.querySelectorAll("[data-sticker-url]").forEach(addSticker);
            window.htmx.swap(status, d.html, {swapStyle: "none"});
        }
    }

    // a sticker new on this post or comment: a button like the bar's own (the like form, cloned, carries this
    // viewer's CSRF token), or a plain badge for a viewer who may not react; its count is swapped in next
    function addSticker(count) {
        var bar = document.getElementById(count.getAttribute("data-bar"));
        if (!bar || document.getElementById(count.id) || !count.textContent.trim()) {
            return;
        }
        var image = document.createElement("img");
        image.src = count.getAttribute("data-sticker-url");
        image.alt = count.getAttribute("data-sticker-name");
        image.width = 22;
        image.height = 22;
        var number = document.createElement("span");
        number.className = "count";
        number.id = count.id;
        var likeForm = bar.querySelector("form");
        var added;
        if (likeForm && likeForm.querySelector("input[name=reaction]")) {
            added = likeForm.cloneNode(true);
            added.querySelector("input[name=reaction]").value = count.getAttribute("data-reaction");
            var button = added.querySelector("button");
            button.className = "reaction sticker";
            button.setAttribute("aria-pressed", "false");
            button.title = image.alt;
            button.replaceChildren(image, document.createTextNode(" "), number);
            var picker = bar.querySelector(".reaction-picker");
            bar.insertBefore(added, picker);
        } else {
            added = document.createElement("span");
            added.className = "reaction sticker";
            added.title = image.alt;
            added.replaceChildren(image, document.createTextNode(" "), number);
            bar.appendChild(added);
        }
        added.classList.add("live-new");
        if (window.htmx) {
            window.htmx.process(added);
        }
    }
    source.addEventListener("reaction", counts);
    source.addEventListener("comment-count", counts);

    // this node missed messages (its database listener reconnected): offer a reload
    source.addEventListener("resync", function () {
        status.textContent = status.getAttribute("data-resync") || "";
        status.hidden = false;
    });

    source.addEventListener("ready", function () {
        status.setAttribute("data-connected", "true");
    });
    source.addEventListener("error", function () {
        status.setAttribute("data-connected", "false");
    });
})();
