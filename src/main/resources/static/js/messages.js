// Private messages arriving live, on the conversation list and on a conversation: listens to the person's own
// stream (#conversation or #conversation-list [data-live-src]). A message's text goes in as text, never as HTML.
(function () {
    "use strict";
    var conversation = document.getElementById("conversation");
    var list = document.getElementById("conversation-list");
    var root = conversation || list;
    var messages = document.getElementById("messages");
    if (messages && messages.lastElementChild) {
        // newest at the bottom: start there
        messages.lastElementChild.scrollIntoView({block: "end"});
    }
    if (!root || !window.EventSource) {
        return;
    }
    var source = new EventSource(root.getAttribute("data-live-src"));
    var clock = window.Intl ? new Intl.DateTimeFormat("sv-SE", {timeZone: "Asia/Shanghai", year: "numeric",
        month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit"}) : null;

    function badge(count) {
        var element = document.getElementById("messages-badge");
        if (element) {
            element.textContent = count > 99 ? "99+" : String(count);
            element.hidden = count === 0;
        }
    }

    function refreshBadge() {
        fetch("/messages/count", {credentials: "same-origin"}).then(function (response) {
            return response.ok ? response.text() : null;
        }).then(function (html) {
            var element = document.getElementById("messages-badge");
            if (html && element) {
                var template = document.createElement("template");
                template.innerHTML = html;
                var fresh = template.content.firstElementChild;
                if (fresh) {
                    element.replaceWith(fresh);
                }
            }
        }).catch(function () {});
    }

    function markRead() {
        var headers = {};
        headers[conversation.getAttribute("data-csrf-header")] = conversation.getAttribute("data-csrf-token");
        fetch(conversation.getAttribute("data-read-url"), {method: "POST", headers: headers, credentials: "same-origin"})
            .then(refreshBadge).catch(function () {});
    }

    function append(d) {
        var item = document.createElement("li");
        item.className = "message live-new " + (d.mine ? "mine" : "theirs");
        item.id = "message-" + d.id;
        var bubble = document.createElement("div");
        bubble.className = "bubble";
        var body = document.createElement("p");
        body.className = "message-body";
        body.textContent = d.body;
        bubble.appendChild(body);
        var meta = document.createElement("div");
        meta.className = "message-meta small muted";
        var time = document.createElement("time");
        time.setAttribute("datetime", d.sentAt);
        var sent = new Date(d.sentAt);
        time.textContent = clock && !isNaN(sent) ? clock.format(sent) : "";
        meta.appendChild(time);
        item.appendChild(bubble);
        item.appendChild(meta);
        messages.appendChild(item);
        var empty = document.getElementById("messages-empty");
        if (empty) {
            empty.remove();
        }
        item.scrollIntoView({block: "nearest"});
    }

    source.addEventListener("private-message", function (event) {
        var d;
        try {
            d = JSON.parse(event.data);
        } catch (e) {
            return;
        }
        if (conversation && messages && String(d.otherId) === conversation.getAttribute("data-other")) {
            if (!document.getElementById("message-" + d.id)) {
                append(d);
            }
            if (!d.mine) {
                // read as it arrives on the open conversation: it does not count as unread
                markRead();
                return;
            }
        }
        badge(d.unread);
        if (list && window.htmx) {
            window.htmx.ajax("GET", list.getAttribute("data-list-src"), {target: list, swap: "innerHTML"});
        }
    });

    // for the browser tests: the stream is open (ready is the server's first event)
    source.addEventListener("ready", function () {
        root.setAttribute("data-connected", "true");
    });
    source.addEventListener("error", function () {
        root.setAttribute("data-connected", "false");
    });

    // this node missed messages (its database listener reconnected): the list catches up
    source.addEventListener("resync", function () {
        refreshBadge();
        if (list && window.htmx) {
            window.htmx.ajax("GET", list.getAttribute("data-list-src"), {target: list, swap: "innerHTML"});
        }
    });
})();
