// Month and week views of discipline checks; events come from the permission-scoped JSON feed.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("discipline-calendar");
  if (!element || !window.FullCalendar) { return; }
  new FullCalendar.Calendar(element, {
    initialView: "dayGridMonth",
    firstDay: 1,
    locale: "vi",
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,dayGridWeek" },
    buttonText: { today: "Hôm nay", month: "Tháng", week: "Tuần" },
    events: element.dataset.events,
  }).render();
});
