// The officer's own photo, beside the genuine reference: Identify keeps a small copy in this tab
// (sessionStorage, never uploaded); the card shows it when the officer arrived from Identify,
// with a button that hides it and forgets it.
(function () {
  "use strict";
  var box = document.getElementById("your-photo");
  if (!box || !document.getElementById("identified")) return;
  var kept = null;
  try { kept = JSON.parse(window.sessionStorage.getItem("touchstone.officer-photo") || "null"); } catch (e) { kept = null; }
  if (!kept || typeof kept.src !== "string" || kept.src.indexOf("data:image/") !== 0) return;
  var img = document.createElement("img");
  img.src = kept.src;
  img.alt = box.dataset.alt || "";
  box.querySelector("figure").append(img);
  box.hidden = false;
  box.parentNode.classList.add("with-yours");
  document.getElementById("your-photo-dismiss").addEventListener("click", function () {
    try { window.sessionStorage.removeItem("touchstone.officer-photo"); } catch (e) { /* private mode */ }
    box.remove();
    document.querySelector(".compare").classList.remove("with-yours");
  });
})();

// The product card's checklist, as a progressive enhancement: each ticked indicator adds its
// weight (1 to 5) to its side, genuine or counterfeit, and the box under the checklists says
// how far what was ticked leans, and how many points of each side were ticked. It is a tally
// to help the officer, never a verdict: the box says so, and nothing is sent anywhere.
// Without JavaScript the box stays hidden and the checklist is a list to tick by eye. Its words
// come from the page (data attributes), in the reader's language.
(function () {
  "use strict";
  var box = document.getElementById("tally");
  if (!box) return;
  var boxes = Array.prototype.slice.call(document.querySelectorAll("fieldset.checklist input[type=checkbox][data-weight]"));
  if (!boxes.length) return;
  var words = box.dataset;
  var lean = box.querySelector(".lean");
  var counts = box.querySelector(".counts");
  var bar = box.querySelector(".lean-bar");
  var genuineBar = box.querySelector(".lean-genuine");
  var counterfeitBar = box.querySelector(".lean-counterfeit");

  function fill(text, values) {
    return text.replace(/\{\s*\$?(\w+)\s*\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function points(side, ticked) {
    return boxes.reduce(function (sum, b) {
      if (b.dataset.side !== side || (ticked && !b.checked)) return sum;
      return sum + (parseInt(b.dataset.weight, 10) || 0);
    }, 0);
  }

  function update() {
    var g = points("genuine", true), c = points("counterfeit", true);
    box.classList.remove("leans-genuine", "leans-counterfeit");
    if (g + c === 0) {
      lean.textContent = words.empty;
      counts.textContent = "";
      bar.hidden = true;
      return;
    }
    // The share of the ticked points that are counterfeit signs: 0 all genuine, 1 all fake.
    var share = c / (g + c);
    var key = share >= 0.75 ? "counterfeitStrong" : share > 0.5 ? "counterfeit" : share === 0.5 ? "even"
      : share > 0.25 ? "genuine" : "genuineStrong";
    lean.textContent = words[key];
    if (share > 0.5) box.classList.add("leans-counterfeit");
    if (share < 0.5) box.classList.add("leans-genuine");
    counts.textContent = fill(words.counts, {
      genuine: g, genuine_total: points("genuine", false),
      counterfeit: c, counterfeit_total: points("counterfeit", false)
    });
    bar.hidden = false;
    genuineBar.style.width = Math.round((1 - share) * 100) + "%";
    counterfeitBar.style.width = Math.round(share * 100) + "%";
  }

  boxes.forEach(function (b) { b.addEventListener("change", update); });
  box.hidden = false;
  update();
})();
