// @mention autocomplete for textareas with data-mentions="<suggest URL>". Typing @ and a few letters asks the
// server for matching members (an HTML fragment of buttons carrying the token); clicking one, or Enter/Tab
// on the highlighted one, replaces "@letters" with the token @[name](member:id). No inline script (CSP).
(function () {
  'use strict';
  var QUERY = /(^|\s)@([^\s@\[\]()]{1,40})$/;

  function attach(area) {
    var box = document.createElement('div');
    box.className = 'mention-box';
    box.hidden = true;
    area.insertAdjacentElement('afterend', box);
    var timer = null;
    var asked = '';
    var active = -1;

    function options() {
      return box.querySelectorAll('.mention-option');
    }

    function close() {
      box.hidden = true;
      box.innerHTML = '';
      active = -1;
    }

    function highlight(i) {
      var all = options();
      if (all.length === 0) {
        return;
      }
      active = (i + all.length) % all.length;
      all.forEach(function (b, n) {
        b.classList.toggle('active', n === active);
        b.setAttribute('aria-selected', n === active ? 'true' : 'false');
      });
    }

    function typed() {
      var before = area.value.slice(0, area.selectionStart);
      var m = QUERY.exec(before);
      return m ? m[2] : null;
    }

    function pick(button) {
      var token = button.getAttribute('data-token');
      var end = area.selectionStart;
      var before = area.value.slice(0, end);
      var m = QUERY.exec(before);
      if (!m || !token) {
        close();
        return;
      }
      var start = end - m[2].length - 1;
      area.value = area.value.slice(0, start) + token + ' ' + area.value.slice(end);
      var caret = start + token.length + 1;
      area.setSelectionRange(caret, caret);
      close();
      area.focus();
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }

    function ask(q) {
      asked = q;
      fetch(area.getAttribute('data-mentions') + '?q=' + encodeURIComponent(q), {
        headers: { 'Accept': 'text/html' }, credentials: 'same-origin'
      }).then(function (r) {
        return r.ok ? r.text() : '';
      }).then(function (html) {
        if (asked !== q || typed() !== q) {
          return;
        }
        box.innerHTML = html;
        box.hidden = options().length === 0;
        active = -1;
        if (!box.hidden) {
          highlight(0);
        }
      }).catch(close);
    }

    area.addEventListener('input', function () {
      var q = typed();
      clearTimeout(timer);
      if (q === null) {
        close();
        return;
      }
      timer = setTimeout(function () { ask(q); }, 150);
    });

    area.addEventListener('keydown', function (e) {
      if (box.hidden) {
        return;
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
        e.preventDefault();
        pick(options()[active]);
      } else if (e.key === 'Escape') {
        close();
      }
    });

    // mousedown, not click: picking must not blur the textarea first
    box.addEventListener('mousedown', function (e) {
      var button = e.target.closest('.mention-option');
      if (button) {
        e.preventDefault();
        pick(button);
      }
    });

    area.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }

  function init() {
    document.querySelectorAll('textarea[data-mentions]').forEach(attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
