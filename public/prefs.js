// Applies the reader's 大字模式 (larger text, higher contrast) before first paint, remembers it, and wires the switch.
(function () {
  var key = 'yigongti-large';
  var root = document.documentElement;
  // The switch needs this script: show it from the first paint (CSS hides it without .js), so nothing shifts later.
  root.classList.add('js');
  try { if (localStorage.getItem(key) === '1') root.classList.add('large'); } catch (e) {}
  function sync() {
    var on = root.classList.contains('large');
    document.querySelectorAll('[data-large-toggle]').forEach(function (b) { b.hidden = false; b.setAttribute('aria-pressed', String(on)); });
  }
  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('[data-large-toggle]')) return;
    var on = !root.classList.contains('large');
    root.classList.toggle('large', on);
    try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) {}
    sync();
  });
  document.addEventListener('DOMContentLoaded', sync);
})();
