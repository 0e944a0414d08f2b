// Every input marked data-datepicker gets flatpickr in Vietnamese, shown and typed as dd/mm/yyyy (the office's way).
(function () {
  "use strict";
  function attach(root) {
    if (!window.flatpickr || !root.querySelectorAll) return;
    root.querySelectorAll("input[data-datepicker]").forEach(function (input) {
      if (input._flatpickr) return;
      window.flatpickr(input, {
        locale: (window.flatpickr.l10ns && window.flatpickr.l10ns.vn) || "default",
        dateFormat: "d/m/Y",
        allowInput: true,
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { attach(document); });
  document.addEventListener("htmx:afterSwap", function (event) { attach(event.target); });
})();
