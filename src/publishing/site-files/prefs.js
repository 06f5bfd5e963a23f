// Before first paint: applies the reader's 大字模式 (from ?large=1 / ?large=0, else as remembered), then wires the
// switch (its pressed state and its label say whether it is on), the phone menu, and the 打印 button.
(function () {
  var key = 'yigongti-large';
  var root = document.documentElement;
  // Controls that need this script show from the first paint (CSS hides them without .js), so nothing shifts later.
  root.classList.add('js');
  var fromLink = null;
  try { fromLink = new URLSearchParams(location.search).get('large'); } catch (e) {}
  try {
    // A relative's link (?large=1) opens the page in large type and is remembered, like pressing the switch.
    if (fromLink === '1' || fromLink === '0') localStorage.setItem(key, fromLink);
  } catch (e) {}
  var stored = null;
  try { stored = localStorage.getItem(key); } catch (e) {}
  if (fromLink === '1' || (fromLink !== '0' && stored === '1')) root.classList.add('large');
  function sync() {
    var on = root.classList.contains('large');
    document.querySelectorAll('[data-large-toggle]').forEach(function (b) {
      b.hidden = false;
      b.setAttribute('aria-pressed', String(on));
      var label = b.getAttribute(on ? 'data-label-on' : 'data-label-off');
      if (label) b.textContent = label;
    });
    document.querySelectorAll('[data-print]').forEach(function (b) { b.hidden = false; });
    // The print date is the day the sheet is printed; without this script it stays a blank to fill in by hand.
    var d = new Date();
    document.querySelectorAll('[data-print-date]').forEach(function (s) { s.textContent = d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日'; });
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target.closest) return;
    if (target.closest('[data-large-toggle]')) {
      var on = !root.classList.contains('large');
      root.classList.toggle('large', on);
      try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) {}
      sync();
    } else if (target.closest('[data-menu-toggle]')) {
      var button = target.closest('[data-menu-toggle]');
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      root.classList.toggle('menu-open', open);
    } else if (target.closest('[data-print]')) {
      window.print();
    }
  });
  document.addEventListener('DOMContentLoaded', sync);
})();
