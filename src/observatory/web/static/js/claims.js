/* Links a claim in a table or a disagreement to its highlight in the article text: clicking
   scrolls the highlight into view and flashes it; hovering a table row lights up its sentence. */
(function () {
  "use strict";
  function marksFor(id) {
    return document.querySelectorAll('mark[data-claims~="' + CSS.escape(id) + '"]');
  }
  function flash(id) {
    marksFor(id).forEach(function (m) {
      m.classList.remove("flash");
      void m.offsetWidth; // restart the animation
      m.classList.add("flash");
    });
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a.jump");
    if (!link) { return; }
    var id = link.dataset.claim;
    var marks = marksFor(id);
    if (!marks.length) { return; }
    ev.preventDefault();
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    flash(id);
    history.replaceState(null, "", "#claim-" + id);
  });
  document.querySelectorAll("tr[data-claim]").forEach(function (row) {
    var id = row.dataset.claim;
    row.addEventListener("mouseenter", function () { marksFor(id).forEach(function (m) { m.classList.add("lit"); }); });
    row.addEventListener("mouseleave", function () { marksFor(id).forEach(function (m) { m.classList.remove("lit"); }); });
  });
})();

/* Outlet picker of the side-by-side view: hide the columns a reader does not want to compare. */
(function () {
  "use strict";
  var picker = document.getElementById("column-picker");
  var grid = document.querySelector(".columns");
  if (!picker || !grid) { return; }
  picker.addEventListener("change", function () {
    var shown = 0;
    picker.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var column = grid.querySelector('.source-column[data-doc="' + CSS.escape(box.dataset.doc) + '"]');
      if (column) { column.hidden = !box.checked; shown += box.checked ? 1 : 0; }
    });
    grid.style.setProperty("--columns", String(Math.max(shown, 1)));
  });
})();
