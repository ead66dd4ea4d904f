// Uploads from a phone (docs/uploads.md, "On the phone"): each chosen file is checked against the limits the server
// publishes in the form (.upload-rules, never a copy of its numbers) before anything is sent; photos are shrunk to a
// readable size; the form goes out with a progress bar; and the bundle form's answers (and the files the server kept
// as drafts of it) stay on this phone until the form is filed, so a dropped connection, a reload or the back button
// loses nothing. Without this script the forms post as plain HTML forms and the server checks everything.
(function () {
  'use strict';
  var LONGEST_SIDE = 2000;
  var JPEG_QUALITY = 0.85;
  // a photo smaller than this in bytes and pixels is sent as it is
  var SMALL_ENOUGH = 1024 * 1024;
  var DRAFT_LIFETIME = 24 * 60 * 60 * 1000;
  var SIGNATURES = [[0x25, 0x50, 0x44, 0x46, 0x2D], [0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]];

  function rulesOf(form) {
    var element = form.querySelector('.upload-rules');
    if (!element) {
      return null;
    }
    return {
      maxFile: Number(element.getAttribute('data-max-file-size')),
      maxRequest: Number(element.getAttribute('data-max-request-size')),
      accept: element.getAttribute('data-accept'),
      tooLarge: element.getAttribute('data-too-large'),
      notAccepted: element.getAttribute('data-not-accepted'),
      tooMuch: element.getAttribute('data-too-much')
    };
  }

  // ---- what a file is, by its first bytes (as MaterialFiles on the server) ----

  function accepted(blob) {
    return blob.slice(0, 8).arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      return SIGNATURES.some(function (signature) {
        return bytes.length >= signature.length && signature.every(function (b, i) { return bytes[i] === b; });
      });
    });
  }

  /** A photo redrawn as a JPEG whose longest side is at most LONGEST_SIDE, or the file itself when it is small. */
  function shrunk(file) {
    if (!/^image\//.test(file.type) || !window.createImageBitmap) {
      return Promise.resolve(file);
    }
    return createImageBitmap(file).then(function (bitmap) {
      var longest = Math.max(bitmap.width, bitmap.height);
      if (longest <= LONGEST_SIDE && file.size <= SMALL_ENOUGH && /^image\/(jpeg|png)$/.test(file.type)) {
        return file;
      }
      var scale = Math.min(1, LONGEST_SIDE / longest);
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      var context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size ? new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg',
              { type: 'image/jpeg' }) : file);
        }, 'image/jpeg', JPEG_QUALITY);
      });
    }, function () {
      return file; // not a picture this browser can draw: the type check below says so if it is none we take
    });
  }

  // ---- messages next to a file input ----

  function say(input, text) {
    var box = input.closest('.upload');
    var shown = box.querySelector('.upload-check');
    if (!shown) {
      shown = document.createElement('p');
      shown.className = 'field-problem upload-check';
      shown.setAttribute('role', 'alert');
      shown.id = 'check-' + input.name;
      input.insertAdjacentElement('afterend', shown);
    }
    shown.textContent = text || '';
    shown.hidden = !text;
    if (text) {
      input.setAttribute('aria-describedby', shown.id);
    } else {
      input.removeAttribute('aria-describedby');
    }
  }

  /** Every chosen file, checked and shrunk: {input, file} for each, or the first input with a problem. */
  function prepare(form, rules) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input[type=file]'))
      .filter(function (input) { return !input.disabled && input.files.length > 0; });
    return Promise.all(inputs.map(function (input) {
      var original = input.files[0];
      return shrunk(original).then(function (file) {
        return accepted(file).then(function (ok) {
          var problem = !ok ? rules.notAccepted.replace('{name}', original.name)
            : file.size > rules.maxFile ? '“' + original.name + '”：' + rules.tooLarge : null;
          say(input, problem);
          return { input: input, file: file, problem: problem };
        });
      });
    })).then(function (chosen) {
      var wrong = chosen.filter(function (c) { return c.problem; });
      var total = chosen.reduce(function (sum, c) { return sum + c.file.size; }, 0);
      if (wrong.length === 0 && total > rules.maxRequest) {
        say(chosen[0].input, rules.tooMuch);
        wrong = [chosen[0]];
      }
      return { chosen: chosen, wrong: wrong };
    });
  }

  // ---- sending with progress ----

  function progressBox(form) {
    var box = form.querySelector('.upload-progress');
    if (!box) {
      box = document.createElement('div');
      box.className = 'upload-progress';
      box.setAttribute('role', 'status');
      box.innerHTML = '<p class="upload-progress__text"></p><progress max="100" value="0"></progress>';
      box.querySelector('progress').setAttribute('aria-label', '上传进度');
      form.querySelector('button[type=submit]').insertAdjacentElement('beforebegin', box);
    }
    box.hidden = false;
    return box;
  }

  function megabytes(bytes) {
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function send(form, chosen) {
    var data = new FormData(form);
    chosen.forEach(function (c) {
      data.set(c.input.name, c.file, c.file.name);
    });
    var button = form.querySelector('button[type=submit]');
    var box = progressBox(form);
    var text = box.querySelector('.upload-progress__text');
    var bar = box.querySelector('progress');
    text.textContent = '正在提交，请不要关闭页面……';
    button.disabled = true;
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) {
        var percent = Math.round(event.loaded * 100 / event.total);
        bar.value = percent;
        text.textContent = '正在上传 ' + percent + '%（' + megabytes(event.loaded) + ' / ' + megabytes(event.total) + '）';
      }
    });
    request.addEventListener('load', function () {
      var landed = new URL(request.responseURL || form.action, location.href);
      if (landed.pathname !== new URL(form.action, location.href).pathname) {
        // the server sent us on (filed, or corrections received); the filed page drops the draft
        location.assign(landed.href);
        return;
      }
      // the form (or a page saying why not) came back: show it as the browser would have
      document.open();
      document.write(request.responseText);
      document.close();
    });
    function dropped() {
      button.disabled = false;
      bar.value = 0;
      text.textContent = '网络中断，申请尚未提交。已填内容和已选文件都还在，请检查网络后再按一次“'
        + button.textContent.trim() + '”。';
    }
    request.addEventListener('error', dropped);
    request.addEventListener('timeout', dropped);
    request.send(data);
  }

  // ---- the bundle form's draft on this phone ----

  function draftsOf(form) {
    var id = form.getAttribute('data-draft');
    var storage = null;
    try {
      storage = id ? window.localStorage : null;
    } catch (e) {
      storage = null; // storage switched off: the server's own drafts still keep files after a refusal
    }
    var key = 'onething.draft.' + id;
    var none = { save: function () {}, restore: function () {}, shown: function () {} };
    if (!storage) {
      return none;
    }

    function read() {
      try {
        var draft = JSON.parse(storage.getItem(key));
        return draft && Date.now() - draft.savedAt < DRAFT_LIFETIME ? draft : null;
      } catch (e) {
        return null;
      }
    }

    function answers() {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (input) {
        if (!input.name || input.type === 'file' || input.disabled || input.name.indexOf('kept.') === 0) {
          return;
        }
        if (input.type === 'radio') {
          if (input.checked) {
            values[input.name] = input.value;
          }
        } else if (input.value !== '') {
          values[input.name] = input.value;
        }
      });
      return values;
    }

    function keptNote(input, fileName) {
      var note = document.createElement('p');
      note.className = 'kept';
      note.setAttribute('data-file', fileName);
      note.textContent = '已选择：' + fileName + '（已保存，不用重新选择；选择新文件则替换它）';
      input.insertAdjacentElement('afterend', note);
    }

    function save() {
      var kept = {};
      form.querySelectorAll('input[type=hidden][name^="kept."]').forEach(function (hidden) {
        var note = hidden.parentElement.querySelector('.kept');
        kept[hidden.name] = { token: hidden.value, note: note ? note.getAttribute('data-file') : '' };
      });
      try {
        storage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: answers(), kept: kept }));
      } catch (e) {
        // storage full: the form itself still holds everything
      }
    }

    function restore() {
      var draft = read();
      var sentBack = form.querySelector('input[type=hidden][name^="kept."]') || document.getElementById('form-problems');
      if (!draft || sentBack) {
        return; // the server's copy (a form sent back) is newer than ours
      }
      Object.keys(draft.values).forEach(function (name) {
        var list = form.querySelectorAll('[name="' + name + '"]');
        Array.prototype.forEach.call(list, function (input) {
          if (input.type === 'radio') {
            input.checked = input.value === draft.values[name];
          } else if (input.type !== 'file') {
            input.value = draft.values[name];
          }
        });
      });
      Object.keys(draft.kept).forEach(function (name) {
        var input = form.querySelector('input[type=file][name="' + name.substring('kept.'.length) + '"]');
        if (input) {
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = name;
          hidden.value = draft.kept[name].token;
          input.insertAdjacentElement('afterend', hidden);
          keptNote(input, draft.kept[name].note);
        }
      });
      form.setAttribute('data-draft-restored', 'true');
    }

    return {
      save: save,
      restore: restore,
      shown: function () {
        var note = form.querySelector('.draft-note');
        if (note) {
          note.hidden = false;
        }
      }
    };
  }

  // ---- camera ----

  /**
   * A 拍照 button beside each file input: the camera, straight into that input (which still takes a PDF as well). The
   * camera's own input lives only while the camera is open, so the form holds one file input per material.
   */
  function cameraButton(input) {
    if (!window.DataTransfer) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'camera';
    button.textContent = '拍照上传';
    var label = input.labels && input.labels[0] ? input.labels[0].textContent.replace(/\s+/g, ' ').trim() : '';
    button.setAttribute('aria-label', '拍照上传：' + label);
    button.addEventListener('click', function () {
      var camera = document.createElement('input');
      camera.type = 'file';
      camera.accept = 'image/*';
      camera.setAttribute('capture', 'environment');
      camera.hidden = true;
      camera.addEventListener('change', function () {
        if (camera.files.length > 0) {
          var transfer = new DataTransfer();
          transfer.items.add(camera.files[0]);
          input.files = transfer.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        camera.remove();
      });
      button.insertAdjacentElement('afterend', camera);
      camera.click();
    });
    input.insertAdjacentElement('afterend', button);
  }

  // the page that says a form was filed: whichever way it was sent, its draft has done its work
  var filed = document.querySelector('[data-filed-draft]');
  if (filed) {
    try {
      window.localStorage.removeItem('onething.draft.' + filed.getAttribute('data-filed-draft'));
    } catch (e) {
      // no storage, no draft
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[enctype="multipart/form-data"]'), function (form) {
    var rules = rulesOf(form);
    if (!rules || !window.FormData || !window.XMLHttpRequest || !Blob.prototype.arrayBuffer) {
      return;
    }
    var drafts = draftsOf(form);
    drafts.restore();
    drafts.save();
    drafts.shown();
    form.addEventListener('input', drafts.save);
    form.addEventListener('change', function (event) {
      drafts.save();
      if (event.target.type === 'file') {
        say(event.target, null);
      }
    });
    form.querySelectorAll('input[type=file]').forEach(cameraButton);
    // on the document, so it runs after the form's own checks (static/js/form.js) and only if they let it go
    document.addEventListener('submit', function (event) {
      if (event.target !== form || event.defaultPrevented) {
        return;
      }
      event.preventDefault();
      prepare(form, rules).then(function (checked) {
        if (checked.wrong.length > 0) {
          var first = checked.wrong[0].input;
          first.closest('.upload').scrollIntoView({ block: 'center' });
          first.focus({ preventScroll: true });
          return;
        }
        send(form, checked.chosen);
      });
    });
    form.setAttribute('data-uploads', 'ready');
  });
})();
