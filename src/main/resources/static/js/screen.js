// The electronic screen (电子屏): shows one slide at a time and moves on by itself every data-seconds seconds.
// The page reloads itself (meta refresh) after each round, so the server decides what is current.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var position = document.getElementById("position");
  var seconds = Number(document.body.getAttribute("data-seconds")) || 15;
  var current = 0;

  function show(index) {
    slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    position.textContent = slides.length > 1 ? (index + 1) + " / " + slides.length : "";
  }

  show(current);
  if (slides.length > 1) {
    window.setInterval(function () {
      current = (current + 1) % slides.length;
      show(current);
    }, seconds * 1000);
  }
}());
