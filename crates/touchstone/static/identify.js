// Live camera scanning on the Identify page, where the browser has a barcode detector (Chrome on
// Android, Safari 17+ on iOS…). Everywhere else, and without JavaScript, the photo form is the
// way in, so this script only adds a button: nothing on the page depends on it. Its words come
// from the page (data attributes), in the reader's language.
(function () {
  "use strict";
  var box = document.getElementById("live-scan");
  if (!box || !("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var start = document.getElementById("live-start");
  var video = document.getElementById("live-video");
  var status = document.getElementById("live-status");
  var wanted = ["ean_13", "ean_8", "upc_a", "upc_e", "itf", "code_128", "data_matrix", "qr_code"];
  var stream = null;
  var timer = null;

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
    video.hidden = true;
    start.textContent = box.dataset.start;
  }

  window.BarcodeDetector.getSupportedFormats().then(function (supported) {
    var formats = wanted.filter(function (f) { return supported.indexOf(f) >= 0; });
    if (!formats.length) return;
    var detector = new window.BarcodeDetector({ formats: formats });
    box.hidden = false;
    start.addEventListener("click", function () {
      if (stream) {
        stop();
        return;
      }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          start.textContent = box.dataset.stop;
          status.textContent = box.dataset.aim;
          return video.play();
        })
        .then(function () {
          // A few looks a second is enough for a hand-held label and spares the phone's battery.
          timer = setInterval(function () {
            if (video.readyState < 2) return;
            detector.detect(video).then(function (codes) {
              if (!codes.length) return;
              var code = codes[0].rawValue;
              stop();
              // The same lookup as a typed code, so the card shows what was read to be checked.
              window.location.assign("/identify?code=" + encodeURIComponent(code));
            }).catch(function () {});
          }, 300);
        })
        .catch(function () {
          stop();
          status.textContent = box.dataset.denied;
        });
    });
  }).catch(function () {});
})();
