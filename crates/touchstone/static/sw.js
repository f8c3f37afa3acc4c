// Touchstone's service worker: what an officer needs when the network is gone.
//
// - the static files (cache first, refreshed in the background);
// - the Identify page, the detention form and the cases list (network first, the kept copy
//   when the network fails);
// - the product cards the officer opened recently (network first; the last MAX_CARDS kept),
//   with an index of the GTINs each card shows, so that a code typed on Identify without
//   network leads to the kept card;
// - every card of the brands the officer pinned (a button on the brand page): fetched at once,
//   kept outside the 50 recent ones, fetched again when a page opens and they are older than
//   PIN_REFRESH_MS;
// - a detention posted while the network fails is queued (IndexedDB, see offline.js, which
//   this worker imports) and sent later: on the `sync` event where the browser has Background
//   Sync, otherwise when a page opens or the network returns. The server's idempotency key
//   makes a repeat land on the same case.
//
// Every kept page is served with `X-Touchstone-Kept-At` and a `<meta name="touchstone-kept-at">`
// put in its head, which offline.js turns into a banner in the reader's language.
"use strict";
importScripts("/static/offline.js");

var VERSION = "touchstone-v3";
var STATIC = VERSION + "-static";
var PAGES = VERSION + "-pages";
var INDEX_URL = "/__touchstone/cards.json";
var MAX_CARDS = 50;
var PIN_REFRESH_MS = 6 * 3600 * 1000;
var STATIC_FILES = ["/static/app.css", "/static/identify.js", "/static/card.js", "/static/offline.js", "/static/shrink.js", "/static/case_photos.js",
  "/static/favicon.svg", "/manifest.webmanifest"];
var KEPT_PAGES = ["/identify", "/cases/new", "/cases"];
var CARD = /^\/catalog\/products\/\d+$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (c) { return c.addAll(STATIC_FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(VERSION) !== 0; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("sync", function (event) {
  if (event.tag === "touchstone-queue") event.waitUntil(self.TouchstoneQueue.flush(null));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = function (answer) { if (event.ports && event.ports[0]) event.ports[0].postMessage(answer); };
  if (data === "flush") event.waitUntil(self.TouchstoneQueue.flush(null));
  if (data.type === "pin") event.waitUntil(pin(data.brand, data.title).then(reply, function () { reply({ failed: true }); }));
  if (data.type === "unpin") event.waitUntil(unpin(data.brand).then(reply, function () { reply({ failed: true }); }));
  if (data.type === "refresh-pins") event.waitUntil(refreshPins());
});

// ---- the index of kept cards -----------------------------------------------------------------

function readIndex() {
  return caches.open(PAGES).then(function (c) { return c.match(INDEX_URL); })
    .then(function (r) { return r ? r.json() : { cards: {} }; })
    .catch(function () { return { cards: {} }; });
}

function writeIndex(index) {
  return caches.open(PAGES).then(function (c) {
    return c.put(INDEX_URL, new Response(JSON.stringify(index), { headers: { "Content-Type": "application/json" } }));
  });
}

// A code as the index keys it: digits only, a GS1 "(01)" or "01" element string reduced to its
// GTIN, padded to 14 digits (GTIN-8, -12 and -13 are GTIN-14 with leading zeros).
function codeKey(raw) {
  var s = String(raw || "").trim().replace(/^\][A-Za-z]\d/, "");
  var gs1 = s.match(/^\(01\)\s*(\d{14})/) || s.replace(/[\s-]/g, "").match(/^01(\d{14})\d/);
  var digits = gs1 ? gs1[1] : s.replace(/[\s\-.]/g, "");
  if (!/^\d{8,14}$/.test(digits)) return null;
  while (digits.length < 14) digits = "0" + digits;
  return digits;
}

var indexing = Promise.resolve();
// One change of the index at a time: `change` gets the index and may alter it.
function changeIndex(change) {
  indexing = indexing.then(function () {
    return readIndex().then(function (index) {
      index.pins = index.pins || {};
      var result = change(index);
      return writeIndex(index).then(function () { return result; });
    });
  });
  var mine = indexing;
  indexing = indexing.catch(function () {});
  return mine;
}

function keepCard(path, html, keptAt, pinnedBy) {
  var codes = [];
  var re = /<code class="gtin">\s*([^<]+?)\s*<\/code>/g;
  var m;
  while ((m = re.exec(html))) { var k = codeKey(m[1]); if (k && codes.indexOf(k) < 0) codes.push(k); }
  var title = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [, ""])[1].replace(/<[^>]+>/g, "").trim();
  // One change of the index at a time: cards opened together must not overwrite each other.
  indexing = indexing.then(function () {
    return readIndex().then(function (index) {
      index.pins = index.pins || {};
      var was = index.cards[path] || {};
      var pinned = pinnedBy || (was.pinnedBy && index.pins[was.pinnedBy] ? was.pinnedBy : undefined);
      index.cards[path] = { codes: codes, title: title, keptAt: keptAt, pinnedBy: pinned };
      index.lastSync = keptAt;
      // The recent cards are the last MAX_CARDS opened; a pinned brand's cards stay.
      var paths = Object.keys(index.cards).filter(function (p) {
        var c = index.cards[p];
        return !(c.pinnedBy && index.pins[c.pinnedBy]);
      }).sort(function (a, b) {
        return index.cards[b].keptAt.localeCompare(index.cards[a].keptAt);
      });
      var gone = paths.slice(MAX_CARDS);
      gone.forEach(function (p) { delete index.cards[p]; });
      return caches.open(PAGES).then(function (c) {
        return Promise.all(gone.map(function (p) { return c.delete(p); }));
      }).then(function () { return writeIndex(index); });
    });
  }).catch(function () { /* a full disk: the card is simply not kept */ });
  return indexing;
}

// ---- kept pages ----------------------------------------------------------------------------

function stamp(response, keptAt, extra) {
  return response.text().then(function (html) {
    var meta = '<meta name="touchstone-kept-at" content="' + keptAt + '">' + (extra || "");
    html = html.replace(/<head>/i, "<head>" + meta);
    var headers = new Headers(response.headers);
    headers.set("X-Touchstone-Kept-At", keptAt);
    headers.delete("Content-Length");
    return new Response(html, { status: 200, headers: headers });
  });
}

function kept(path, extra) {
  return caches.open(PAGES).then(function (c) { return c.match(path); }).then(function (r) {
    if (!r) return null;
    return stamp(r, r.headers.get("X-Touchstone-Kept-At") || "", extra);
  });
}

function keep(path, response, pinnedBy) {
  var keptAt = new Date().toISOString();
  return response.clone().text().then(function (html) {
    var headers = new Headers(response.headers);
    headers.set("X-Touchstone-Kept-At", keptAt);
    var copy = new Response(html, { status: 200, headers: headers });
    return caches.open(PAGES).then(function (c) { return c.put(path, copy); })
      .then(function () { return CARD.test(path) ? keepCard(path, html, keptAt, pinnedBy) : null; });
  }).catch(function () { /* not kept */ });
}

// ---- pinned brands ---------------------------------------------------------------------------

var BRAND = /^\/catalog\/brands\/\d+$/;

// Fetches the brand page and every card it lists, and keeps them as pinned by the brand.
function pin(brand, title) {
  if (!BRAND.test(brand)) return Promise.reject(new Error("not a brand page"));
  return fetch(brand, { credentials: "same-origin" }).then(function (r) {
    if (!r.ok || r.redirected) throw new Error("brand page " + r.status);
    return r.text();
  }).then(function (html) {
    var cards = [];
    var re = /<a href="(\/catalog\/products\/\d+)" class="product-name">/g;
    var m;
    while ((m = re.exec(html))) if (cards.indexOf(m[1]) < 0) cards.push(m[1]);
    var keptAt = new Date().toISOString();
    return changeIndex(function (index) {
      index.pins[brand] = { title: title || brand, keptAt: keptAt, cards: cards };
    }).then(function () {
      return cards.reduce(function (done, card) {
        return done.then(function (n) {
          return fetch(card, { credentials: "same-origin" }).then(function (r) {
            if (!r.ok || r.redirected) return n;
            return keep(card, r, brand).then(function () { return n + 1; });
          });
        });
      }, Promise.resolve(0));
    });
  }).then(function (count) { return { count: count }; });
}

function unpin(brand) {
  return changeIndex(function (index) {
    delete index.pins[brand];
    Object.keys(index.cards).forEach(function (p) {
      if (index.cards[p].pinnedBy === brand) delete index.cards[p].pinnedBy;
    });
    return { unpinned: true };
  });
}

function refreshPins() {
  return readIndex().then(function (index) {
    var now = Date.now();
    var stale = Object.keys(index.pins || {}).filter(function (b) {
      return now - Date.parse(index.pins[b].keptAt) > PIN_REFRESH_MS;
    });
    return stale.reduce(function (done, b) {
      return done.then(function () { return pin(b, index.pins[b].title).catch(function () {}); });
    }, Promise.resolve());
  });
}

function offlineAnswer(url) {
  var path = url.pathname;
  if (path === "/identify" && url.searchParams.get("code")) {
    var key = codeKey(url.searchParams.get("code"));
    return readIndex().then(function (index) {
      var found = key && Object.keys(index.cards).filter(function (p) { return index.cards[p].codes.indexOf(key) >= 0; })[0];
      if (found) return Response.redirect(found, 303);
      var code = url.searchParams.get("code").replace(/[^\w\s\-()\]]/g, "");
      return kept("/identify", '<meta name="touchstone-no-kept-card" content="' + code + '">');
    });
  }
  // A page never kept: the kept Identify page, under its own address.
  return kept(path).then(function (r) { return r || (path === "/identify" ? null : Response.redirect("/identify", 303)); });
}

function page(event, url) {
  var path = url.pathname;
  var wanted = CARD.test(path) || (KEPT_PAGES.indexOf(path) >= 0 && !url.search);
  event.respondWith(fetch(event.request).then(function (response) {
    // Only a page as the officer saw it is kept, not a redirect to sign-in or an error.
    if (wanted && response.ok && !response.redirected) event.waitUntil(keep(path, response));
    return response;
  }, function () {
    return offlineAnswer(url).then(function (r) { return r || Response.error(); });
  }));
}

// A detention posted while the network fails is queued and the form shown again, saying so.
function postedCase(event) {
  var copy = event.request.clone();
  event.respondWith(fetch(event.request).catch(function () {
    return copy.formData().then(function (form) {
      var fields = [];
      var photos = [];
      form.forEach(function (v, k) {
        if (typeof v === "string") fields.push([k, v]);
        else if (k === "photos" && v.size) photos.push(v);
      });
      var save = form.get("save");
      if (save !== "draft" && save !== "detain") return Response.redirect("/cases/new", 303);
      return self.TouchstoneQueue.add(fields, photos).then(function (item) {
        return Response.redirect("/cases/new?queued=" + encodeURIComponent(item.key), 303);
      });
    });
  }));
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "POST" && url.pathname === "/cases" && req.mode === "navigate") return postedCase(event);
  if (req.method !== "GET") return;
  if (STATIC_FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(STATIC).then(function (c) {
      return c.match(req).then(function (hit) {
        var fresh = fetch(req).then(function (r) { if (r.ok) c.put(req, r.clone()); return r; });
        if (hit) { event.waitUntil(fresh.catch(function () {})); return hit; }
        return fresh;
      });
    }));
    return;
  }
  if (req.mode === "navigate") page(event, url);
});
