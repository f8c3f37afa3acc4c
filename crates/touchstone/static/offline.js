// Touchstone without network, the page's side (the service worker /sw.js imports this file
// too, for the queue alone).
//
// - registers the service worker and asks the browser to keep what it stores (persistent
//   storage);
// - says plainly, at the top of a page the worker served from what it kept, that it is kept
//   data and how old it is;
// - on Identify, says how many product cards are kept and when they were last synced, and
//   that a typed code has no kept card;
// - on the detention form, when there is no network, keeps the detention (its fields, its
//   photos of the goods as blobs, and its idempotency key) in IndexedDB instead of losing it, and sends the queue when the network
//   returns, when any page opens, and by Background Sync where the browser has it. The server
//   treats a second send with the same idempotency key as the same case: it lands once.
// - shows the queue (waiting, sent with a link to the case, refused with the server's words) on
//   the detention form and the cases list;
// - on a brand page and a sector page, a button that keeps every card the page lists on the
//   phone (the service worker fetches them within its budget: sw.js, "pinned pages"), or stops
//   keeping them, and says how many cards, how many bytes and when they were synced; a pin past
//   the budget is refused (too many cards) or kept in part (the room is full), and says so;
//   Identify says what the pins take of the budget and names each with its last sync; opening a
//   page asks the worker to fetch pinned cards again once they are old.
//
// Its words come from the page: data attributes of its <script> element, in the reader's
// language (locales/*.ftl, section "offline").
(function (self) {
  "use strict";
  var DB = "touchstone-offline";
  var STORE = "detentions";

  function db() {
    return new Promise(function (resolve, reject) {
      var open = self.indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: "key" }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }

  function tx(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { d.close(); resolve(result && "result" in result ? result.result : result); };
        t.onerror = function () { d.close(); reject(t.error); };
      });
    });
  }

  function all() {
    return tx("readonly", function (s) { return s.getAll(); }).then(function (items) {
      return (items || []).sort(function (a, b) { return a.queuedAt.localeCompare(b.queuedAt); });
    });
  }

  function put(item) { return tx("readwrite", function (s) { s.put(item); }).then(function () { return item; }); }

  function freshKey() {
    var b = new Uint8Array(24);
    self.crypto.getRandomValues(b);
    return btoa(String.fromCharCode.apply(null, b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function field(fields, name) {
    var f = fields.filter(function (p) { return p[0] === name; })[0];
    return f ? f[1] : "";
  }

  // Queues a detention's fields. Its idempotency key is kept, so that a form whose send failed
  // half-way lands on the same case; a key already queued (a form served again from the kept
  // copy) gets a new one, or the second detention would be taken for the first.
  // `photos` are the Blobs (Files) of the form's photo field, sent with the fields.
  function add(fields, photos) {
    return all().then(function (items) {
      var key = field(fields, "idempotency_key");
      if (!key || items.some(function (i) { return i.key === key; })) {
        key = freshKey();
        fields = fields.filter(function (p) { return p[0] !== "idempotency_key"; }).concat([["idempotency_key", key]]);
      }
      var summary = field(fields, "consignor_name") || field(fields, "goods_0_description") || field(fields, "office_name");
      var kept = (photos || []).filter(function (p) { return p && p.size; }).map(function (p) {
        return { name: p.name || "photo.jpg", blob: p };
      });
      return put({ key: key, fields: fields, photos: kept, summary: summary, queuedAt: new Date().toISOString(), status: "waiting" });
    });
  }

  function text(html, selector) {
    var m = html.match(selector);
    return m ? m[1].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() : "";
  }

  var flushing = null;
  // Sends every waiting detention, one after the other. `csrf` is the current page's token
  // where there is a page (the session may have been renewed since the detention was queued).
  function flush(csrf) {
    if (flushing) return flushing;
    flushing = all().then(function (items) {
      return items.filter(function (i) { return i.status === "waiting"; }).reduce(function (done, item) {
        return done.then(function () { return send(item, csrf); });
      }, Promise.resolve());
    }).catch(function () { /* the network went again: the rest waits */ }).then(function () { flushing = null; });
    return flushing;
  }

  function send(item, csrf) {
    // With photos, the form as the page sends it (multipart); else its fields alone.
    var photos = item.photos || [];
    var body = photos.length ? new FormData() : new URLSearchParams();
    item.fields.forEach(function (p) { body.append(p[0], p[0] === "csrf" && csrf ? csrf : p[1]); });
    photos.forEach(function (p) { body.append("photos", p.blob, p.name); });
    return fetch("/cases", { method: "POST", body: body, credentials: "same-origin", redirect: "follow" }).then(function (r) {
      var path = new URL(r.url).pathname;
      if (r.ok && /^\/cases\/\d+$/.test(path)) {
        item.status = "sent";
        item.caseUrl = path;
        item.sentAt = new Date().toISOString();
        return put(item);
      }
      if (path.indexOf("/signin") === 0) { item.note = "signin"; return put(item); }
      if (r.status >= 400 && r.status < 500) {
        return r.text().then(function (html) {
          item.status = "refused";
          item.message = text(html, /<div class="error" role="alert">([\s\S]*?)<\/div>/) || text(html, /<main[^>]*>([\s\S]*?)<\/main>/).slice(0, 300);
          return put(item);
        });
      }
      return null; // a server error: tried again later
    });
  }

  self.TouchstoneQueue = { add: add, all: all, flush: flush, freshKey: freshKey };
  if (!self.document) return; // the service worker: the queue only

  // ---- the page --------------------------------------------------------------------------

  var document = self.document;
  var script = document.currentScript || document.querySelector("script[src='/static/offline.js']");
  var words = script ? script.dataset : {};

  function fill(template, values) {
    return String(template || "").replace(/\{\s*\$?(\w+)\s*\}/g, function (a, name) { return name in values ? values[name] : a; });
  }

  function when(iso) {
    var d = new Date(iso);
    if (isNaN(d)) return "?";
    try {
      return d.toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (e) {
      return d.toLocaleString();
    }
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  function currentCsrf() {
    var i = document.querySelector("input[name=csrf]");
    return i ? i.value : null;
  }

  function atTop(node) {
    var main = document.getElementById("main");
    if (!main) return;
    var h1 = main.querySelector("h1");
    if (h1) h1.after(node); else main.prepend(node);
  }

  // Kept data says so.
  function keptBanner() {
    var meta = document.querySelector("meta[name=touchstone-kept-at]");
    if (!meta) return;
    var main = document.getElementById("main");
    if (main) main.prepend(el("p", { "class": "notice kept", role: "status", id: "kept-banner" }, [fill(words.kept, { when: when(meta.content) })]));
    var missing = document.querySelector("meta[name=touchstone-no-kept-card]");
    if (missing) atTop(el("p", { "class": "error", role: "alert", id: "no-kept-card" }, [fill(words.noCard, { code: missing.content })]));
  }

  // Asks the service worker; its answer comes back through a MessageChannel.
  function askWorker(message) {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return Promise.reject(new Error("no worker"));
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (e) { (e.data && e.data.failed ? reject : resolve)(e.data); };
      navigator.serviceWorker.controller.postMessage(message, [channel.port2]);
    });
  }

  function keptIndex() {
    if (!self.caches) return Promise.resolve({ cards: {}, pins: {} });
    return caches.keys().then(function (names) {
      var pages = names.filter(function (n) { return /-pages$/.test(n); })[0];
      return pages ? caches.open(pages).then(function (c) { return c.match("/__touchstone/cards.json"); }) : null;
    }).then(function (r) { return r ? r.json() : {}; }).then(function (i) {
      i.cards = i.cards || {};
      i.pins = i.pins || {};
      return i;
    }).catch(function () { return { cards: {}, pins: {} }; });
  }

  function megabytes(bytes) {
    return ((bytes || 0) / 1048576).toFixed(1) + " MB";
  }

  // The pin button of a brand page (#pin-brand) or a sector page (#pin-sector).
  function pinPage() {
    var box = document.getElementById("pin-brand") || document.getElementById("pin-sector");
    if (!box || !navigator.serviceWorker || !navigator.serviceWorker.controller) return;
    var button = document.getElementById("pin-button");
    var status = document.getElementById("pin-status");
    var page = location.pathname;
    var h1 = document.querySelector("#main h1");
    var title = h1 ? h1.textContent.trim() : page;
    var pinned = false;
    function show(p) {
      pinned = !!p;
      button.textContent = pinned ? box.dataset.unpin : box.dataset.pin;
      button.setAttribute("aria-pressed", pinned ? "true" : "false");
      status.textContent = p ? fill(box.dataset.pinned, { count: p.count, size: megabytes(p.bytes), when: when(p.keptAt) }) : "";
      if (p && p.partial) {
        status.textContent += " " + fill(words.pinPartial, { count: p.count, total: p.total, max_size: megabytes(p.maxBytes) });
      }
    }
    function told(index) {
      var p = index.pins[page];
      if (!p) return null;
      var cards = (p.cards || []).filter(function (c) { return index.cards[c]; });
      var bytes = cards.reduce(function (n, c) { return n + (index.cards[c].bytes || 0); }, 0);
      return { count: cards.length, total: p.total, bytes: bytes, keptAt: p.keptAt, partial: p.partial, maxBytes: 0 };
    }
    Promise.all([keptIndex(), askWorker({ type: "budget" }).catch(function () { return {}; })]).then(function (both) {
      var p = told(both[0]);
      if (p) p.maxBytes = both[1].maxBytes;
      show(p);
      box.hidden = false;
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      if (pinned) {
        askWorker({ type: "unpin", page: page }).then(function () { show(null); })
          .catch(function () { status.textContent = box.dataset.failed; })
          .then(function () { button.disabled = false; });
        return;
      }
      status.textContent = box.dataset.pinning;
      askWorker({ type: "pin", page: page, title: title }).then(function (answer) {
        if (answer.refused) {
          show(null);
          status.textContent = fill(words.pinOver, { count: answer.count, max: answer.max });
          return;
        }
        show({ count: answer.count, total: answer.total, bytes: answer.bytes, keptAt: answer.keptAt, partial: answer.partial,
          maxBytes: answer.budget ? answer.budget.maxBytes : 0 });
      }).catch(function () { status.textContent = box.dataset.failed; })
        .then(function () { button.disabled = false; });
    });
  }

  function storeStatus() {
    var lead = document.querySelector("#main .lead");
    if (!lead || location.pathname !== "/identify" || !self.caches) return;
    var box = el("p", { "class": "hint", id: "offline-store", role: "status" });
    lead.after(box);
    keptIndex().then(function (index) {
      var count = Object.keys(index.cards || {}).length;
      var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve({});
      return estimate.then(function (e) {
        var size = e.usage ? megabytes(e.usage) : "?";
        box.textContent = count ? fill(words.store, { count: count, size: size, when: when(index.lastSync) }) : words.storeEmpty;
        var pages = Object.keys(index.pins || {});
        if (!pages.length) return null;
        var after = box;
        var budgetBox = el("p", { "class": "hint", id: "offline-budget" });
        after.after(budgetBox);
        after = budgetBox;
        var items = pages.map(function (p) {
          var pin = index.pins[p];
          var kept = (pin.cards || []).filter(function (c) { return index.cards[c]; }).length;
          return fill(words.pinnedItem, { title: pin.title, count: kept, when: when(pin.keptAt) });
        });
        after.after(el("p", { "class": "hint", id: "offline-pins" }, [fill(words.pinnedList, { pins: items.join(" · ") })]));
        var show = function (b) {
          budgetBox.textContent = fill(words.budget, { cards: b.cards, max: b.maxCards, size: megabytes(b.bytes), max_size: megabytes(b.maxBytes) });
        };
        return askWorker({ type: "budget" }).then(show).catch(function () {});
      });
    }).catch(function () { box.textContent = words.storeEmpty; });
  }

  function showQueue(items, justQueued) {
    var old = document.getElementById("offline-queue");
    if (old) old.remove();
    if (!items.length) return;
    var list = el("ul", { "class": "queue" });
    items.slice().reverse().forEach(function (i) {
      var status;
      if (i.status === "sent") {
        status = el("span", {}, [words.sent + " · ", el("a", { href: i.caseUrl, "class": "queue-case" }, [words.openCase])]);
      } else if (i.status === "refused") {
        status = el("span", { "class": "field-error" }, [words.refused + " · " + (i.message || "")]);
      } else {
        status = el("span", {}, [words.waiting + (i.note === "signin" ? " · " + words.signin : "")]);
      }
      var photos = (i.photos || []).length ? fill(words.photos, { count: i.photos.length }) + " · " : "";
      list.append(el("li", { "class": "queue-" + i.status, "data-key": i.key }, [when(i.queuedAt) + " · " + (i.summary || "—") + " · " + photos, status]));
    });
    var section = el("section", { id: "offline-queue", "aria-labelledby": "offline-queue-title", "class": "offline-queue" }, [
      el("h2", { id: "offline-queue-title" }, [words.queueTitle])
    ]);
    if (justQueued) section.append(el("p", { "class": "notice", role: "status", id: "queued-notice" }, [words.queued]));
    section.append(list);
    atTop(section);
  }

  // Once told on this page that a detention is queued, the officer keeps seeing it told.
  var queuedHere = false;
  function refreshQueue(justQueued) {
    if (!/^\/cases(\/new)?$/.test(location.pathname)) return Promise.resolve();
    queuedHere = queuedHere || justQueued;
    return all().then(function (items) {
      showQueue(items, queuedHere);
      // The form's key already queued (the form served again from the kept copy): a new one.
      var key = document.querySelector("form.case-form input[name=idempotency_key]");
      if (key && items.some(function (i) { return i.key === key.value; })) key.value = freshKey();
    }).catch(function () {});
  }

  function sendQueue() {
    if (navigator.onLine === false) return;
    all().then(function (items) {
      if (!items.some(function (i) { return i.status === "waiting"; })) return null;
      return flush(currentCsrf()).then(function () { return refreshQueue(false); });
    }).catch(function () {});
  }

  // The detention form without network: the detention is queued, not lost.
  function detentionForm() {
    var form = document.querySelector("form.case-form");
    if (!form || !self.indexedDB) return;
    form.addEventListener("submit", function (event) {
      var by = event.submitter;
      if (!by || by.name !== "save" || navigator.onLine !== false) return;
      if (by.value === "detain" && !form.querySelector("#confirm_detain:checked")) return;
      event.preventDefault();
      var fields = [];
      var photos = [];
      new FormData(form).forEach(function (v, k) {
        if (typeof v === "string") fields.push([k, v]);
        else if (k === "photos" && v.size) photos.push(v);
      });
      fields.push(["save", by.value]);
      add(fields, photos).then(function () {
        form.reset();
        form.querySelector("input[name=idempotency_key]").value = freshKey();
        return refreshQueue(true);
      }).then(function () {
        var notice = document.getElementById("queued-notice");
        if (notice) { notice.setAttribute("tabindex", "-1"); notice.focus(); }
        if (navigator.serviceWorker) {
          navigator.serviceWorker.ready.then(function (r) { return r.sync && r.sync.register("touchstone-queue"); }).catch(function () {});
        }
      });
    });
  }

  function start() {
    keptBanner();
    storeStatus();
    pinPage();
    if (navigator.onLine !== false && navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "refresh-pins" });
    }
    detentionForm();
    var queued = new URLSearchParams(location.search).get("queued");
    refreshQueue(!!queued).then(sendQueue);
    // Signing out forgets the kept pages: the next person on this phone must not read them.
    var out = document.querySelector("form[action='/signout']");
    if (out && self.caches) {
      out.addEventListener("submit", function () {
        caches.keys().then(function (names) { names.forEach(function (n) { if (/-pages$/.test(n)) caches.delete(n); }); });
      });
    }
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persisted().then(function (yes) { return yes || navigator.storage.persist(); }).catch(function () {});
  }
  self.addEventListener("online", sendQueue);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})(self);
