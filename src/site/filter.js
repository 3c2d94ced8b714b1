// Narrows the rows of a table to those whose text holds what is typed in its filter box.
// Both sides are folded as the units registry folds names: case, Vietnamese diacritics
// and đ are ignored, so "bao cao" finds "Báo cáo".
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }
  var inputs = document.querySelectorAll("input[data-filter]");
  Array.prototype.forEach.call(inputs, function (input) {
    var id = input.getAttribute("data-filter");
    var table = document.getElementById(id);
    if (!table || !table.tBodies.length) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var count = document.getElementById(id + "-count");
    function apply() {
      var wanted = fold(input.value);
      var shown = 0;
      rows.forEach(function (row, i) {
        var keep = texts[i].indexOf(wanted) !== -1;
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      if (count) { count.textContent = wanted ? shown + " / " + rows.length : ""; }
    }
    input.addEventListener("input", apply);
    apply();
  });
})();
