// The Identify page on a phone, as a progressive enhancement: without JavaScript the photo form
// is a plain multipart form and every way in works. With it:
//
// - a photo chosen in the form is first read on the phone where the browser has a barcode
//   detector (Chrome on Android, Safari 17+ on iOS…): then only the code is sent, as if typed;
// - otherwise (or when the phone reads nothing) a copy about 1,600 px on its long side is made
//   with a canvas (JPEG, quality 0.85) and sent instead of the 4–6 MB original, with its
//   progress shown and the button disabled until the answer comes (no second send);
// - if the server finds no code in that smaller copy, it says so and offers a button that
//   sends the original;
// - where the browser has a barcode detector, a button scans live with the camera.
//
// Its words come from the page (data attributes), in the reader's language. What ran is kept
// in sessionStorage ("touchstone.identify") for the browser walk-throughs to report, and a
// small copy of the officer's photo ("touchstone.officer-photo", never uploaded) for the card,
// which shows it beside the genuine reference (card.js).
(function () {
  "use strict";
  var WANTED = ["ean_13", "ean_8", "upc_a", "upc_e", "itf", "code_128", "data_matrix", "qr_code"];
  // The browser's names for symbologies, as the server (zxing) names them on the card.
  var NAMES = {
    ean_13: "EAN-13", ean_8: "EAN-8", upc_a: "UPC-A", upc_e: "UPC-E", itf: "ITF",
    code_128: "Code128", data_matrix: "DataMatrix", qr_code: "QRCode"
  };

  function detector() {
    if (!("BarcodeDetector" in window)) return Promise.resolve(null);
    return window.BarcodeDetector.getSupportedFormats().then(function (supported) {
      var formats = WANTED.filter(function (f) { return supported.indexOf(f) >= 0; });
      return formats.length ? new window.BarcodeDetector({ formats: formats }) : null;
    }).catch(function () { return null; });
  }

  var PHOTO_KEY = "touchstone.officer-photo";
  var PHOTO_SIDE = 720;

  // A small JPEG of the officer's photo, kept in this tab for the card to show.
  function keepForCard(image) {
    try {
      window.sessionStorage.removeItem(PHOTO_KEY);
      if (!image) return;
      var scale = Math.min(1, PHOTO_SIDE / Math.max(image.width, image.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(image.width * scale);
      canvas.height = Math.round(image.height * scale);
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      window.sessionStorage.setItem(PHOTO_KEY, JSON.stringify({ src: canvas.toDataURL("image/jpeg", 0.7), at: Date.now() }));
    } catch (e) { /* private mode or full: the card simply shows no photo */ }
  }

  function remember(what) {
    try { window.sessionStorage.setItem("touchstone.identify", JSON.stringify(what)); } catch (e) { /* private mode */ }
  }

  function fill(text, values) {
    return text.replace(/\{\s*\$?(\w+)\s*\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  // ---- live scanning with the camera ----------------------------------------------------

  function liveScan() {
    var box = document.getElementById("live-scan");
    if (!box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    var start = document.getElementById("live-start");
    var video = document.getElementById("live-video");
    var status = document.getElementById("live-status");
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

    detector().then(function (found) {
      if (!found) return;
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
            // A few looks a second is enough for a hand-held label and spares the battery.
            timer = setInterval(function () {
              if (video.readyState < 2) return;
              found.detect(video).then(function (codes) {
                if (!codes.length) return;
                stop();
                remember({ path: "live" });
                lookUp(codes[0]);
              }).catch(function () {});
            }, 300);
          })
          .catch(function () {
            stop();
            status.textContent = box.dataset.denied;
          });
      });
    });
  }

  // The same lookup as a typed code, so the card shows what was read, to be checked.
  function lookUp(code) {
    var url = "/identify?code=" + encodeURIComponent(code.rawValue);
    if (NAMES[code.format]) url += "&format=" + encodeURIComponent(NAMES[code.format]);
    window.location.assign(url);
  }

  // ---- the photo form -------------------------------------------------------------------

  // The one code the phone reads in the photo, or null (none, several, or no detector).
  function readHere(file, image) {
    return detector().then(function (found) {
      if (!found || !image) return null;
      return found.detect(image).then(function (codes) { return codes.length === 1 ? codes[0] : null; });
    }).catch(function () { return null; });
  }

  function photoForm() {
    var form = document.getElementById("photo-form");
    if (!form || !window.FormData || !window.XMLHttpRequest || !window.Promise) return;
    var input = document.getElementById("photo");
    var submit = document.getElementById("photo-submit");
    var box = document.getElementById("photo-progress");
    var bar = box.querySelector("progress");
    var status = document.getElementById("photo-status");
    var words = form.dataset;
    var busy = false;

    function size(bytes) {
      var lang = document.documentElement.lang || undefined;
      if (bytes < 1024 * 1024) {
        return fill(words.kb, { n: Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang) });
      }
      return fill(words.mb, { n: (bytes / 1048576).toLocaleString(lang, { maximumFractionDigits: 1 }) });
    }

    function say(text, percent) {
      box.hidden = false;
      status.textContent = text;
      if (percent === undefined) bar.removeAttribute("value");
      else bar.value = percent;
    }

    function done() {
      busy = false;
      submit.disabled = false;
      var again = document.getElementById("send-original");
      if (again) again.disabled = false;
    }

    // Sends `blob` and follows the answer: the card (JSON), or the page with what went wrong.
    function send(blob, name, how) {
      var data = new FormData();
      data.append("csrf", form.elements.csrf.value);
      data.append("photo", blob, name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("x-identify-client", how);
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((e.loaded / e.total) * 100);
        say(fill(words.sending, { percent: percent, size: size(e.total) }), percent);
      });
      xhr.upload.addEventListener("load", function () { say(words.sent); });
      xhr.addEventListener("load", function () {
        var type = xhr.getResponseHeader("content-type") || "";
        if (type.indexOf("application/json") === 0) {
          var answer = JSON.parse(xhr.responseText);
          window.location.assign(answer.location);
          return;
        }
        // Signed out meanwhile, or anything that is not this page's answer: go there.
        var path = new URL(xhr.responseURL || form.action, window.location.href).pathname;
        if (path !== "/identify/photo") {
          window.location.assign(xhr.responseURL);
          return;
        }
        show(xhr.responseText);
      });
      xhr.addEventListener("error", function () {
        say(words.failed, 0);
        done();
      });
      xhr.send(data);
    }

    // The server's page (a refusal, several codes, no code…) replaces this one's content.
    function show(html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var main = doc.querySelector("main");
      if (!main) {
        say(words.failed, 0);
        done();
        return;
      }
      Array.prototype.forEach.call(main.querySelectorAll("script"), function (s) { s.remove(); });
      document.querySelector("main").replaceWith(document.adoptNode(main));
      document.title = doc.title;
      init();
      var error = document.getElementById("photo-error") || document.getElementById("result");
      if (error) {
        error.setAttribute("tabindex", "-1");
        error.scrollIntoView({ block: "center" });
        error.focus({ preventScroll: true });
      }
    }

    // After a smaller copy in which the server found no code: one tap sends the original.
    var again = document.getElementById("send-original");
    if (again) {
      if (!original) {
        again.hidden = true;
      } else {
        again.addEventListener("click", function () {
          if (busy) return;
          busy = true;
          again.disabled = true;
          submit.disabled = true;
          remember({ path: "original", sent: original.size });
          send(original, original.name || "photo.jpg", "original");
        });
      }
    }

    form.addEventListener("submit", function (e) {
      var file = input.files && input.files[0];
      if (!file) return; // the browser says the field is required
      e.preventDefault();
      if (busy) return;
      busy = true;
      submit.disabled = true;
      original = file;
      say(words.reading);
      var image = null;
      TouchstonePhotos.decode(file)
        .then(function (img) { image = img; }, function () { image = null; })
        .then(function () { keepForCard(image); return readHere(file, image); })
        .then(function (code) {
          if (code) {
            remember({ path: "detector", original: file.size });
            lookUp(code);
            return;
          }
          say(words.shrinking);
          return TouchstonePhotos.shrink(file, image).then(function (small) {
            if (image && image.close) image.close();
            if (small) {
              remember({
                path: "shrunk", original: file.size, sent: small.blob.size,
                width: small.width, height: small.height
              });
              send(small.blob, "photo.jpg", "shrunk");
            } else {
              remember({ path: "original", sent: file.size });
              send(file, file.name || "photo.jpg", "original");
            }
          });
        })
        .catch(function () {
          remember({ path: "original", sent: file.size });
          send(file, file.name || "photo.jpg", "original");
        });
    });
  }

  // The photo as chosen, kept for the "send the original" button of the page that follows.
  var original = null;

  function init() {
    liveScan();
    photoForm();
  }

  // A new identification starts here: an earlier photo is not this product's.
  try { window.sessionStorage.removeItem(PHOTO_KEY); } catch (e) { /* private mode */ }
  init();
})();
