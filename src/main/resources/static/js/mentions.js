// Member autocomplete. Typing in a field asks the server for matching members (an HTML fragment of buttons
// carrying data-id and the mention token); clicking one, or Enter/Tab on the highlighted one, picks it.
// Two uses: @mentions in textareas with data-mentions="<suggest URL>" (the pick replaces "@letters" with the token
// @[name](member:id)), and the question form's addressee search, input[data-member-suggest] (the pick becomes the
// "other member" radio). No inline script (CSP).
(function () {
  'use strict';
  // "@" starts a mention after a space, at the start, or straight after Chinese text ("谢谢@陈"); not inside an
  // email address or a Latin word (a@b.com), where it is part of the text.
  var MENTION = /(^|[^A-Za-z0-9_.@])@([^\s@\[\]()]{1,40})$/;

  // A suggestion box under field: typed() is what to ask for (null: nothing), choose(button) acts on a pick.
  function suggestions(field, url, typed, choose) {
    var box = document.createElement('div');
    box.className = 'mention-box';
    box.hidden = true;
    field.insertAdjacentElement('afterend', box);
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

    function pick(button) {
      close();
      choose(button);
    }

    function ask(q) {
      asked = q;
      fetch(url + '?q=' + encodeURIComponent(q), {
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

    field.addEventListener('input', function () {
      var q = typed();
      clearTimeout(timer);
      if (q === null) {
        close();
        return;
      }
      timer = setTimeout(function () { ask(q); }, 150);
    });

    field.addEventListener('keydown', function (e) {
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

    // mousedown, not click: picking must not blur the field first
    box.addEventListener('mousedown', function (e) {
      var button = e.target.closest('.mention-option');
      if (button) {
        e.preventDefault();
        pick(button);
      }
    });

    field.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }

  function mentions(area) {
    function typed() {
      var m = MENTION.exec(area.value.slice(0, area.selectionStart));
      return m ? m[2] : null;
    }
    suggestions(area, area.getAttribute('data-mentions'), typed, function (button) {
      var token = button.getAttribute('data-token');
      var end = area.selectionStart;
      var m = MENTION.exec(area.value.slice(0, end));
      if (!m || !token) {
        return;
      }
      var start = end - m[2].length - 1;
      area.value = area.value.slice(0, start) + token + ' ' + area.value.slice(end);
      var caret = start + token.length + 1;
      area.setSelectionRange(caret, caret);
      area.focus();
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  function addressee(input) {
    var fieldset = input.closest('.addressee-field');
    var other = fieldset.querySelector('.addressee-other');
    var radio = other.querySelector('input[type=radio]');
    var name = other.querySelector('.addressee-name');
    input.closest('.addressee-search').hidden = false;
    // Enter in the search box picks a member; it must never submit the half-written post
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
      }
    });
    suggestions(input, input.getAttribute('data-member-suggest'), function () {
      var q = input.value.trim();
      return q === '' || q.length > 40 ? null : q;
    }, function (button) {
      radio.value = button.getAttribute('data-id');
      name.textContent = button.textContent;
      other.hidden = false;
      radio.checked = true;
      input.value = '';
    });
  }

  function init() {
    document.querySelectorAll('textarea[data-mentions]').forEach(mentions);
    document.querySelectorAll('input[data-member-suggest]').forEach(addressee);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
