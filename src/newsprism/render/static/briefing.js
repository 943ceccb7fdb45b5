/* NewsPrism briefing: citation badges open the cited sentences right under their line.
 *
 * A badge (button.cite) names its sentences in data-targets (ids of span.sent in the
 * sources) and its panel in aria-controls. Clicking it fills the panel with those
 * sentences (as text, never markup), marks them in the sources (class "hl") and, where
 * the sources sit beside the briefing, scrolls that box only. The URL hash follows the
 * line (history.replaceState), so Back from the article text returns to the line.
 * Served as /static/briefing.js; inlined into standalone pages from this same file.
 */
(function () {
  "use strict";

  function targets(badge) {
    return (badge.getAttribute("data-targets") || badge.getAttribute("data-target") || "")
      .split(" ").filter(Boolean);
  }

  function sourceLabel(sent) {
    var box = sent.closest(".source");
    return box ? box.getAttribute("data-label") : "";
  }

  function quotes(ids) {
    // one quote per distinct wording, followed by a link to each article that has it
    var byText = {}, order = [];
    ids.forEach(function (id) {
      var sent = document.getElementById(id);
      if (!sent) return;
      var text = sent.textContent.trim();
      if (!byText[text]) { byText[text] = []; order.push(text); }
      byText[text].push(sent);
    });
    return order.map(function (text) {
      var fig = document.createElement("blockquote");
      var body = document.createElement("p");
      body.textContent = text;
      var foot = document.createElement("p");
      foot.className = "cite-from";
      foot.appendChild(document.createTextNode("— in "));
      byText[text].forEach(function (sent, i) {
        if (i) foot.appendChild(document.createTextNode(" · "));
        var link = document.createElement("a");
        link.href = "#" + sent.id;
        link.textContent = sourceLabel(sent);
        foot.appendChild(link);
      });
      fig.appendChild(body);
      fig.appendChild(foot);
      return fig;
    });
  }

  function close(panel) {
    panel.hidden = true;
    var body = panel.querySelector(".cite-body") || panel;
    body.textContent = "";
    document.querySelectorAll('.np-briefing .cite[aria-controls="' + panel.id + '"]')
      .forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
  }

  function highlight(ids) {
    document.querySelectorAll(".np-briefing .sent.hl").forEach(function (x) { x.classList.remove("hl"); });
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.classList.add("hl");
    });
    var first = document.getElementById(ids[0]);
    var aside = first && first.closest(".sources");
    if (!aside || getComputedStyle(aside).position !== "sticky") return;
    reveal(first);
    // scroll the sources box only: the reader keeps their place in the briefing
    aside.scrollTop += first.getBoundingClientRect().top - aside.getBoundingClientRect().top
      - aside.clientHeight / 3;
  }

  function toggle(badge) {
    var panel = document.getElementById(badge.getAttribute("aria-controls"));
    if (!panel) return;
    var open = badge.getAttribute("aria-expanded") === "true";
    close(panel);
    if (open) return;
    var ids = targets(badge);
    var body = panel.querySelector(".cite-body") || panel;
    quotes(ids).forEach(function (q) { body.appendChild(q); });
    panel.hidden = false;
    badge.setAttribute("aria-expanded", "true");
    highlight(ids);
    var line = badge.closest("[id]");
    if (line && window.history && history.replaceState) history.replaceState(null, "", "#" + line.id);
  }

  function openTarget() {
    // arriving at "#s-…" (a sentence): show it in its article
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el || !el.classList.contains("sent")) return;
    if (reveal(el)) el.scrollIntoView({block: "center"});
  }

  function reveal(el) {
    // open every folded box around el (an outlet's articles, then the article); true if any was shut
    var opened = false;
    for (var box = el.closest("details"); box; box = box.parentElement.closest("details")) {
      if (!box.open) { box.open = true; opened = true; }
    }
    return opened;
  }

  document.addEventListener("click", function (ev) {
    var badge = ev.target.closest && ev.target.closest(".np-briefing .cite");
    if (badge) toggle(badge);
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
