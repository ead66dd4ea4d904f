// 长辈版 (elder mode): larger type, one column, fewer words. Chosen on any page, kept on this phone for every page
// (localStorage), so the server's pages stay the same for everyone and can be cached. Loaded in the head so the class
// is set before the page is drawn; without scripts the switch stays hidden and the page follows the phone's text size.
// It also marks WeChat's own browser, for the same reason: pages stay the same for everyone.
(function () {
  var KEY = 'onething.elder';
  var root = document.documentElement;

  function chosen() {
    try {
      return localStorage.getItem(KEY) === '1';
    } catch (blocked) {
      return false;
    }
  }

  function show(on) {
    root.classList.toggle('elder', on);
    document.querySelectorAll('.elder-switch').forEach(function (button) {
      button.textContent = on ? '标准版' : '长辈版';
      button.hidden = false;
    });
  }

  root.classList.toggle('elder', chosen());
  // Kept pages (a guide page) are the same bytes for every browser, so the words that differ inside WeChat's own
  // browser (长按识别二维码, not 扫描) are both on the page and the browser shows its own (.in-wechat in app.css).
  root.classList.toggle('in-wechat', /MicroMessenger/.test(navigator.userAgent));
  document.addEventListener('DOMContentLoaded', function () {
    show(chosen());
    document.querySelectorAll('.elder-switch').forEach(function (button) {
      button.addEventListener('click', function () {
        var on = !root.classList.contains('elder');
        try {
          localStorage.setItem(KEY, on ? '1' : '0');
        } catch (blocked) {
          // private mode: the choice lasts for this page only
        }
        show(on);
      });
    });
  });
})();
