// Touchstone's service worker: what an officer needs when the network is gone.
//
// - the static files (cache first, refreshed in the background);
// - the Identify page, the detention form and the cases list (network first, the kept copy
//   when the network fails);
// - the product cards the officer opened recently (network first; the last MAX_CARDS kept),
//   with an index of the GTINs each card shows, so that a code typed on Identify without
//   network leads to the kept card;
// - pinned pages: a brand page or a sector page (`/catalog/sectors/<sector>`) the officer asked
//   to keep, and every card it lists, fetched at once, kept outside the recent ones, fetched
//   again when a page opens and they are older than PIN_REFRESH_MS. One mechanism for brands
//   and sectors, under one budget: at most MAX_PINNED_CARDS distinct cards (a pin that would
//   pass it is refused before anything is fetched) and MAX_PINNED_BYTES of their pages (past
//   it, the pin stops and says how many it kept). A card two pins list counts once;
// - a detention posted while the network fails is queued (IndexedDB, see offline.js, which
//   this worker imports) and sent later: on the `sync` event where the browser has Background
//   Sync, otherwise when a page opens or the network returns. The server's idempotency key
//   makes a repeat land on the same case.
//
// Every kept page is served with `X-Touchstone-Kept-At` and a `<meta name="touchstone-kept-at">`
// put in its head, which offline.js turns into a banner in the reader's language.
"use strict";
importScripts("/static/offline.js");

var VERSION = "touchstone-v4";
var STATIC = VERSION + "-static";
var PAGES = VERSION + "-pages";
var INDEX_URL = "/__touchstone/cards.json";
var MAX_CARDS = 50;
var PIN_REFRESH_MS = 6 * 3600 * 1000;
// The budget of pinned cards: a demo sector holds about 135 cards; 250 keep one sector and a
// few dozen brands, not two sectors (a phone is no place for half the catalog, and every pinned
// card is fetched again every PIN_REFRESH_MS). Bytes: a demo card's page is about 13 kB (132
// cards, 1.7 MB: docs/BENCHMARKS.md), so 5 MB holds the 250 cards unless they are much longer
// than the demo's; past it the pin stops and says so.
var MAX_PINNED_CARDS = 250;
var MAX_PINNED_BYTES = 5 * 1024 * 1024;
// Cards fetched at once while pinning.
var PIN_FETCHES = 4;
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
    // The kept pages and the index of an earlier version move over (the index reads the same),
    // so that an update does not take the officer's pinned cards away.
    var older = names.filter(function (n) { return /-pages$/.test(n) && n !== PAGES; });
    return older.reduce(function (done, n) {
      return done.then(function () { return movePages(n); });
    }, Promise.resolve()).then(function () {
      return Promise.all(names.filter(function (n) { return n.indexOf(VERSION) !== 0; })
        .map(function (n) { return caches.delete(n); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function movePages(from) {
  return Promise.all([caches.open(from), caches.open(PAGES)]).then(function (both) {
    return both[0].keys().then(function (requests) {
      return Promise.all(requests.map(function (req) {
        return both[1].match(req).then(function (mine) {
          return mine ? null : both[0].match(req).then(function (r) { return r && both[1].put(req, r); });
        });
      }));
    });
  }).catch(function () { /* what cannot move is fetched again when opened */ });
}

self.addEventListener("sync", function (event) {
  if (event.tag === "touchstone-queue") event.waitUntil(self.TouchstoneQueue.flush(null));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = function (answer) { if (event.ports && event.ports[0]) event.ports[0].postMessage(answer); };
  if (data === "flush") event.waitUntil(self.TouchstoneQueue.flush(null));
  if (data.type === "pin") event.waitUntil(pin(data.page, data.title).then(reply, function () { reply({ failed: true }); }));
  if (data.type === "unpin") event.waitUntil(unpin(data.page).then(reply, function () { reply({ failed: true }); }));
  if (data.type === "budget") event.waitUntil(readIndex().then(function (index) { reply(budget(index)); }));
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
// One change of the index at a time (cards opened together must not overwrite each other):
// `change` gets the index and may alter it; the cards it leaves out of the index are deleted
// from the cache after the index is written.
function changeIndex(change) {
  indexing = indexing.then(function () {
    return readIndex().then(function (index) {
      index.pins = index.pins || {};
      var result = change(index);
      var gone = trim(index);
      return writeIndex(index).then(function () {
        return caches.open(PAGES).then(function (c) { return Promise.all(gone.map(function (p) { return c.delete(p); })); });
      }).then(function () { return result; });
    });
  });
  var mine = indexing;
  indexing = indexing.catch(function () {});
  return mine;
}

// The cards some pin lists (all of them but `except`'s), as a set.
function pinnedCards(index, except) {
  var set = {};
  Object.keys(index.pins || {}).forEach(function (k) {
    if (k !== except) (index.pins[k].cards || []).forEach(function (c) { set[c] = true; });
  });
  return set;
}

// What the pinned cards take: distinct cards kept, their bytes, and the budget.
function budget(index) {
  var cards = 0;
  var bytes = 0;
  Object.keys(pinnedCards(index)).forEach(function (p) {
    if (index.cards[p]) { cards += 1; bytes += index.cards[p].bytes || 0; }
  });
  return { cards: cards, bytes: bytes, maxCards: MAX_PINNED_CARDS, maxBytes: MAX_PINNED_BYTES };
}

// The recent cards are the last MAX_CARDS opened; the pinned ones stay. Returns those dropped.
function trim(index) {
  var pinned = pinnedCards(index);
  var recent = Object.keys(index.cards).filter(function (p) { return !pinned[p]; }).sort(function (a, b) {
    return index.cards[b].keptAt.localeCompare(index.cards[a].keptAt);
  });
  var gone = recent.slice(MAX_CARDS);
  gone.forEach(function (p) { delete index.cards[p]; });
  return gone;
}

function keepCard(path, html, keptAt) {
  var codes = [];
  var re = /<code class="gtin">\s*([^<]+?)\s*<\/code>/g;
  var m;
  while ((m = re.exec(html))) { var k = codeKey(m[1]); if (k && codes.indexOf(k) < 0) codes.push(k); }
  var title = (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/) || [, ""])[1].replace(/<[^>]+>/g, "").trim();
  return changeIndex(function (index) {
    index.cards[path] = { codes: codes, title: title, keptAt: keptAt, bytes: new Blob([html]).size };
    index.lastSync = keptAt;
  }).catch(function () { /* a full disk: the card is simply not kept */ });
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

function keep(path, response) {
  return response.clone().text().then(function (html) { return keepText(path, response, html); }).catch(function () { /* not kept */ });
}

// Keeps a page already read as `html`; a card goes into the index too.
function keepText(path, response, html) {
  var keptAt = new Date().toISOString();
  var headers = new Headers(response.headers);
  headers.set("X-Touchstone-Kept-At", keptAt);
  var copy = new Response(html, { status: 200, headers: headers });
  return caches.open(PAGES).then(function (c) { return c.put(path, copy); })
    .then(function () { return CARD.test(path) ? keepCard(path, html, keptAt) : null; })
    .catch(function () { /* not kept */ });
}

// ---- pinned pages: brands and sectors ------------------------------------------------------

var PINNABLE = /^\/catalog\/(brands\/\d+|sectors\/[a-z_]+)$/;

// The cards a pinnable page lists, as the brand and sector pages link them.
function listedCards(html) {
  var cards = [];
  var re = /<a href="(\/catalog\/products\/\d+)" class="product-name">/g;
  var m;
  while ((m = re.exec(html))) if (cards.indexOf(m[1]) < 0) cards.push(m[1]);
  return cards;
}

// Fetches the page and every card it lists, within the budget, and keeps them as pinned by it.
// Answers {count, total, bytes, keptAt, partial} or, past the budget of cards, {refused, count, max}.
function pin(page, title) {
  if (!PINNABLE.test(page)) return Promise.reject(new Error("not a page to pin"));
  return fetch(page, { credentials: "same-origin" }).then(function (r) {
    if (!r.ok || r.redirected) throw new Error("page " + r.status);
    return r.text();
  }).then(function (html) {
    var cards = listedCards(html);
    var keptAt = new Date().toISOString();
    return changeIndex(function (index) {
      var others = pinnedCards(index, page);
      var count = Object.keys(others).length + cards.filter(function (c) { return !others[c]; }).length;
      if (count > MAX_PINNED_CARDS) return { refused: true, count: count, max: MAX_PINNED_CARDS };
      var used = 0;
      Object.keys(others).forEach(function (p) { if (index.cards[p]) used += index.cards[p].bytes || 0; });
      // Listed in full while they are fetched, so that none is trimmed as a recent card meanwhile.
      var was = index.pins[page] || {};
      index.pins[page] = { title: title || was.title || page, keptAt: was.keptAt || keptAt, cards: cards, total: cards.length };
      return { used: used, others: others };
    }).then(function (plan) {
      if (plan.refused) return plan;
      var kept = [];
      var used = plan.used;
      var bytes = 0;
      var full = false;
      // A few at a time: on a phone the round trips, not the bytes, take the time. Their bytes
      // are counted in the list's order, so the same cards are kept whatever arrives first.
      var batches = [];
      for (var i = 0; i < cards.length; i += PIN_FETCHES) batches.push(cards.slice(i, i + PIN_FETCHES));
      return batches.reduce(function (done, batch) {
        return done.then(function () {
          if (full) return null;
          return Promise.all(batch.map(function (card) {
            return fetch(card, { credentials: "same-origin" }).then(function (r) {
              if (!r.ok || r.redirected) return null;
              return r.text().then(function (text) { return { card: card, response: r, text: text }; });
            }).catch(function () { return null; });
          })).then(function (got) {
            return got.reduce(function (saved, g) {
              return saved.then(function () {
                if (!g || full) return null;
                var size = new Blob([g.text]).size;
                if (!plan.others[g.card]) {
                  if (used + size > MAX_PINNED_BYTES) { full = true; return null; }
                  used += size;
                }
                bytes += size;
                kept.push(g.card);
                return keepText(g.card, g.response, g.text);
              });
            }, Promise.resolve());
          });
        });
      }, Promise.resolve()).then(function () {
        return changeIndex(function (index) {
          if (!index.pins[page]) return { unpinned: true };
          index.pins[page] = { title: index.pins[page].title, keptAt: keptAt, cards: kept, total: cards.length, partial: full, bytes: bytes };
          return { count: kept.length, total: cards.length, bytes: bytes, keptAt: keptAt, partial: full, budget: budget(index) };
        });
      });
    });
  });
}

function unpin(page) {
  return changeIndex(function (index) {
    delete index.pins[page];
    return { unpinned: true };
  });
}

function refreshPins() {
  return readIndex().then(function (index) {
    var now = Date.now();
    var stale = Object.keys(index.pins || {}).filter(function (p) {
      return now - Date.parse(index.pins[p].keptAt) > PIN_REFRESH_MS;
    });
    return stale.reduce(function (done, p) {
      return done.then(function () { return pin(p, index.pins[p].title).catch(function () {}); });
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
