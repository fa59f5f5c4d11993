// attrlint report: tooltips on hover and focus, the cue toggle, jumping from the panel.
// Without this script the page still works: titles show on hover, links jump.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var toggle = document.getElementById("show-cues");
  var current = null;

  // The styled tooltip replaces the browser's own: move each title into data-tip.
  document.querySelectorAll(".text [title]").forEach(function (el) {
    el.setAttribute("data-tip", el.getAttribute("title"));
    el.removeAttribute("title");
  });

  function cuesShown() { return toggle.checked; }

  function tipTarget(node) {
    var el = node && node.closest ? node.closest("[data-tip]") : null;
    if (el && el.classList.contains("cue") && !cuesShown()) {
      el = el.parentElement ? el.parentElement.closest("mark[data-tip]") : null;
    }
    return el;
  }

  function show(el) {
    if (!el) { hide(); return; }
    current = el;
    var first = document.getElementById(el.getAttribute("data-finding")) || el;
    tip.textContent = first.getAttribute("data-tip") || el.getAttribute("data-tip");
    tip.hidden = false;
    var box = el.getClientRects()[0] || el.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX,
                                    window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    var top = box.bottom + window.scrollY + 6;
    if (box.bottom + tip.offsetHeight + 12 > window.innerHeight && box.top > tip.offsetHeight + 12) {
      top = box.top + window.scrollY - tip.offsetHeight - 6;
    }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hide() { current = null; tip.hidden = true; }

  document.addEventListener("mouseover", function (e) {
    var el = tipTarget(e.target);
    if (el !== current) { show(el); }
  });
  document.addEventListener("focusin", function (e) { show(tipTarget(e.target)); });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });

  function applyToggle() {
    document.body.classList.toggle("show-cues", cuesShown());
    document.querySelectorAll(".cue").forEach(function (el) {
      if (cuesShown()) { el.setAttribute("tabindex", "0"); } else { el.removeAttribute("tabindex"); }
    });
    hide();
  }
  toggle.addEventListener("change", applyToggle);
  applyToggle();

  // A click in the panel scrolls the highlight to the middle of the view and focuses it.
  document.querySelectorAll(".findings a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (e) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) { return; }
      e.preventDefault();
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
      history.replaceState(null, "", link.getAttribute("href"));
    });
  });
})();
