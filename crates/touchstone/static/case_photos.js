// Photos of the goods on the detention form, as a progressive enhancement: without JavaScript
// the photo field is a plain multipart file field and the server takes the originals. With it,
// each photo chosen (the rear camera on a phone) is replaced in the field by a JPEG copy about
// LONG_SIDE px on its long side, as Identify does, so that a 4–6 MB photo goes as a few hundred
// kB on a weak network (and waits as little in the offline queue, offline.js, which sends the
// field's files with the detention). The buttons wait while the copies are made; a preview of
// each photo is shown.
//
// Its words come from the page (data attributes), in the reader's language.
(function () {
  "use strict";
  var script = document.currentScript;
  var words = script ? script.dataset : {};

  function fill(text, values) {
    return String(text || "").replace(/\{\s*\$?(\w+)\s*\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  // The smaller copy of `file` as a File, or the file itself when it is as good already or the
  // browser cannot decode it (the server then checks it as it is).
  function shrink(file) {
    if (!/^image\//.test(file.type)) return Promise.resolve(file);
    return TouchstonePhotos.decode(file).then(function (image) {
      return TouchstonePhotos.shrink(file, image).then(function (small) {
        if (image.close) image.close();
        if (!small) return file;
        var name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
        return new File([small.blob], name, { type: "image/jpeg", lastModified: file.lastModified });
      });
    }).catch(function () { return file; });
  }

  function start() {
    var input = document.getElementById("photos");
    var form = input && input.form;
    if (!form || !window.DataTransfer || !window.Promise) return;
    var status = document.getElementById("photos-status");
    var chosen = document.getElementById("photos-chosen");
    var buttons = form.querySelectorAll("button[type=submit]");
    var urls = [];

    function busy(yes) {
      buttons.forEach(function (b) { b.disabled = yes; });
      form.setAttribute("aria-busy", yes ? "true" : "false");
    }

    function preview(files) {
      urls.forEach(function (u) { URL.revokeObjectURL(u); });
      urls = [];
      chosen.textContent = "";
      files.forEach(function (f) {
        var url = URL.createObjectURL(f);
        urls.push(url);
        var img = document.createElement("img");
        img.src = url;
        img.alt = words.photo || "";
        var li = document.createElement("li");
        li.append(img);
        chosen.append(li);
      });
      chosen.hidden = !files.length;
    }

    var round = 0;
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      var mine = ++round;
      if (!files.length) { preview([]); status.textContent = ""; return; }
      // Already our copies (the field set below fires no change, but be safe): nothing to do.
      if (files.every(function (f) { return f.shrunk; })) return;
      busy(true);
      status.textContent = words.preparing || "";
      Promise.all(files.map(shrink)).then(function (copies) {
        if (mine !== round) return;
        var dt = new DataTransfer();
        copies.forEach(function (f) { try { f.shrunk = true; } catch (e) { /* frozen */ } dt.items.add(f); });
        input.files = dt.files;
        preview(copies);
        status.textContent = fill(words.ready, { count: copies.length });
      }).catch(function () {
        status.textContent = "";
      }).then(function () {
        if (mine === round) busy(false);
      });
    });
    // The offline queue resets the form once the detention is kept: the previews go too.
    form.addEventListener("reset", function () { preview([]); status.textContent = ""; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
