// Making a phone photo small enough for a weak network, shared by Identify (identify.js) and the
// detention form (case_photos.js): decode it upright, and draw a JPEG copy about LONG_SIDE px on
// its long side. A photo already this small (SMALL_ENOUGH) is kept as it is: shrinking it would
// gain nothing.
(function () {
  "use strict";
  var LONG_SIDE = 1600;
  var QUALITY = 0.85;
  var SMALL_ENOUGH = 1024 * 1024;

  function decode(file) {
    if (!window.createImageBitmap) return Promise.reject(new Error("no createImageBitmap"));
    // Phones store portrait photos turned, with an EXIF orientation: draw them upright.
    return window.createImageBitmap(file, { imageOrientation: "from-image" })
      .catch(function () { return window.createImageBitmap(file); });
  }

  // A JPEG copy of `image` (decoded from `file`) as { blob, width, height }, or null when the
  // original is as good.
  function shrink(file, image) {
    if (!image) return Promise.resolve(null);
    var long = Math.max(image.width, image.height);
    if (long <= LONG_SIDE && file.size <= SMALL_ENOUGH) return Promise.resolve(null);
    var scale = Math.min(1, LONG_SIDE / long);
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    var g = canvas.getContext("2d");
    g.imageSmoothingQuality = "high";
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) {
      if (!canvas.toBlob) return resolve(null);
      canvas.toBlob(function (blob) {
        resolve(blob && blob.size < file.size ? { blob: blob, width: canvas.width, height: canvas.height } : null);
      }, "image/jpeg", QUALITY);
    });
  }

  window.TouchstonePhotos = { decode: decode, shrink: shrink, LONG_SIDE: LONG_SIDE };
})();
