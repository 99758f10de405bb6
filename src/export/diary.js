// Keeps the diary's ticks and pain scores in this browser's local storage, under a key made for this program.
// The page works without it: the boxes tick, they are just not remembered.
(function () {
  "use strict";
  var diary = document.getElementById("diary");
  var store;
  try {
    store = window.localStorage;
    store.setItem("stepwise-check", "1");
    store.removeItem("stepwise-check");
  } catch (e) {
    return;
  }
  if (!diary) return;
  var prefix = diary.getAttribute("data-store") + ":";
  var fields = diary.querySelectorAll("input[data-keep]");
  Array.prototype.forEach.call(fields, function (field) {
    var key = prefix + field.getAttribute("data-keep");
    var saved = store.getItem(key);
    if (field.type === "checkbox") {
      field.checked = saved === "1";
    } else if (saved !== null) {
      field.value = saved;
    }
    field.addEventListener("change", function () {
      var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
      try {
        if (value) store.setItem(key, value); else store.removeItem(key);
      } catch (e) {
        // Storage full or switched off: the tick still shows on the page.
      }
    });
  });
  var kept = document.getElementById("diary-kept");
  if (kept) kept.hidden = false;
})();
