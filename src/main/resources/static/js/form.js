// The one form's instant checks. Everything this script knows comes from the form's JSON Schema, which the server
// builds from the same rules it enforces (x- keywords carry what standard keywords cannot say, and the server's own
// words for each refusal). Without this script the form still works: the server checks, and sends the form back
// with each problem next to its field.
(function () {
  'use strict';
  var form = document.querySelector('form[data-schema]');
  if (!form || !window.fetch) {
    return;
  }
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK_CHARACTERS = '10X98765432';
  var today = form.getAttribute('data-today');
  var properties = {};

  function section(key) {
    return form.querySelector('section[data-field="' + key + '"]');
  }

  function inputs(key) {
    return form.querySelectorAll('[name="' + key + '"]');
  }

  function value(key) {
    var list = inputs(key);
    for (var i = 0; i < list.length; i++) {
      var input = list[i];
      if (input.type === 'radio') {
        if (input.checked) {
          return input.value;
        }
      } else {
        return input.value.trim();
      }
    }
    return '';
  }

  function holds(when) {
    return !when || (asks(when.field) && value(when.field) === when.equals);
  }

  function answeredBy(key) {
    var property = properties[key];
    if (!property || !holds(property['x-when'])) {
      return null;
    }
    var same = property['x-sameAs'] || [];
    for (var i = 0; i < same.length; i++) {
      if (holds(same[i].when) && asks(same[i].field)) {
        return same[i].field;
      }
    }
    return null;
  }

  function asks(key) {
    var property = properties[key];
    return !!property && holds(property['x-when']) && answeredBy(key) === null;
  }

  function idProblem(property, id) {
    id = id.toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) {
      return 'shape';
    }
    if (property['x-provinces'].indexOf(id.substring(0, 2)) < 0) {
      return 'province';
    }
    var birth = birthDate(id);
    if (!birth || birth < '1900-01-01') {
      return 'birthDate';
    }
    if (birth > today) {
      return 'birthFuture';
    }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += Number(id.charAt(i)) * WEIGHTS[i];
    }
    return id.charAt(17) === CHECK_CHARACTERS.charAt(sum % 11) ? null : 'checkDigit';
  }

  function birthDate(id) {
    var text = id.substring(6, 10) + '-' + id.substring(10, 12) + '-' + id.substring(12, 14);
    return validDate(text) ? text : null;
  }

  function validDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      return false;
    }
    var parts = text.split('-').map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return date.getUTCFullYear() === parts[0] && date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
  }

  /** The reason (a key of x-messages) the answer is refused, or null. Mirrors FieldRule and ResidentIdNumber. */
  function reason(key, answer) {
    var property = properties[key];
    if (answer === '') {
      return property['x-required'] ? 'required' : null;
    }
    if (property['x-check'] === 'residentIdNumber') {
      return idProblem(property, answer);
    }
    if (property.format === 'date') {
      if (!validDate(answer)) {
        return 'format';
      }
      return property['x-notAfterToday'] && answer > today ? 'notFuture' : null;
    }
    if (property.type === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(answer)) {
        return 'number';
      }
      if (property.minimum !== undefined && Number(answer) < Number(property.minimum)) {
        return 'minimum';
      }
      return property.maximum !== undefined && Number(answer) > Number(property.maximum) ? 'maximum' : null;
    }
    if (property['enum'] && property.type !== 'boolean') {
      return property['enum'].indexOf(answer) < 0 ? 'enum' : null;
    }
    if (property.maxLength !== undefined && Array.from(answer).length > property.maxLength) {
      return 'maxLength';
    }
    if (property.pattern && !new RegExp(property.pattern).test(answer)) {
      return 'pattern';
    }
    return null;
  }

  /** Birth date and sex read from a valid ID number, so the applicant sees at once whose number it is. */
  function idFacts(answer) {
    var id = answer.toUpperCase();
    var birth = birthDate(id);
    return '身份证显示：' + birth.substring(0, 4) + '年' + Number(birth.substring(5, 7)) + '月' + Number(birth.substring(8, 10))
        + '日出生，' + (Number(id.charAt(16)) % 2 === 1 ? '男' : '女');
  }

  /** Shows what is wrong with one field (or what its ID number says), and whether it is wrong. */
  function check(key) {
    var box = section(key);
    var shown = box.querySelector('.field-check');
    if (!asks(key)) {
      shown.hidden = true;
      return true;
    }
    var answer = value(key);
    var why = reason(key, answer);
    shown.classList.toggle('field-problem', why !== null);
    shown.setAttribute('role', why === null ? 'status' : 'alert');
    shown.id = 'check-' + key;
    if (why !== null) {
      shown.textContent = properties[key]['x-messages'][why];
    } else if (properties[key]['x-check'] === 'residentIdNumber' && answer !== '') {
      shown.textContent = idFacts(answer);
    } else {
      shown.textContent = '';
    }
    shown.hidden = shown.textContent === '';
    return why === null;
  }

  /** Shows the questions the answers so far ask, and fills those another answer serves. */
  function follow() {
    Object.keys(properties).forEach(function (key) {
      var box = section(key);
      if (!box) {
        return;
      }
      var source = answeredBy(key);
      box.hidden = !holds(properties[key]['x-when']) || source !== null;
      var list = inputs(key);
      for (var i = 0; i < list.length; i++) {
        list[i].disabled = source !== null;
      }
    });
  }

  function changed(event) {
    var key = event.target.name;
    if (!properties[key]) {
      return;
    }
    var box = section(key);
    var old = box.querySelector('p.field-problem:not(.field-check)');
    if (old) {
      old.remove();
    }
    follow();
    if (event.type === 'change' || event.target.type === 'radio') {
      check(key);
    }
  }

  fetch(form.getAttribute('data-schema'), { headers: { Accept: 'application/schema+json' } })
    .then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    })
    .then(function (schema) {
      properties = schema.properties;
      form.noValidate = true;
      form.addEventListener('input', changed);
      form.addEventListener('change', changed);
      form.addEventListener('submit', function (event) {
        var first = null;
        Object.keys(properties).forEach(function (key) {
          if (section(key) && !check(key) && first === null) {
            first = key;
          }
        });
        if (first !== null) {
          event.preventDefault();
          var input = inputs(first)[0];
          section(first).scrollIntoView({ block: 'center' });
          input.focus({ preventScroll: true });
        }
      });
      follow();
      form.setAttribute('data-checks', 'ready');
    })
    .catch(function () {
      // the server checks everything anyway
    });
})();
