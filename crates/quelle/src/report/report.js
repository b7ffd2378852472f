// The sourcing report's only script: inline, no network. Clicking a quotation
// (or its label), or opening the page at #q-N, shows its card; clicking a
// sentence reference flashes the sentence.
(function () {
  "use strict";
  var details = document.getElementById("details-body");
  function select(id, fromLink) {
    var cards = document.querySelectorAll(".card");
    for (var i = 0; i < cards.length; i++) {
      cards[i].hidden = cards[i].getAttribute("data-card") !== id;
    }
    var hint = document.getElementById("details-hint");
    if (hint) { hint.hidden = true; }
    var all = document.querySelectorAll(".q.sel");
    for (var j = 0; j < all.length; j++) { all[j].classList.remove("sel"); }
    var parts = document.querySelectorAll('.q[data-quote="' + id + '"]');
    for (var k = 0; k < parts.length; k++) { parts[k].classList.add("sel"); }
    // From a link, bring the quotation into view; from a click, its card.
    var target = fromLink ? parts[0] : details;
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: fromLink ? "center" : "nearest" }); }
  }
  function flash(sentence) {
    var segs = document.querySelectorAll('.seg[data-s="' + sentence + '"]');
    for (var i = 0; i < segs.length; i++) {
      segs[i].classList.remove("flash");
      void segs[i].offsetWidth;
      segs[i].classList.add("flash");
    }
  }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t || !t.closest) { return; }
    var open = t.closest("[data-open]");
    if (open) { e.preventDefault(); select(open.getAttribute("data-open")); return; }
    var sent = t.closest("[data-sent]");
    if (sent) { flash(sent.getAttribute("data-sent")); return; }
    var q = t.closest("[data-quote]");
    if (q) { select(q.getAttribute("data-quote")); }
  });
  // A link to one quotation (`report.html#q-4`) opens its card.
  function fromHash() {
    var m = /^#q-(\d+)$/.exec(window.location.hash);
    if (m) { select(m[1], true); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.documentElement.setAttribute("data-ready", "1");
})();
