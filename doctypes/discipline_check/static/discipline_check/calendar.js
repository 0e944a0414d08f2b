// Month and week views of discipline checks; events come from the permission-scoped JSON feed.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("discipline-calendar");
  if (!element || !window.FullCalendar) { return; }
  new FullCalendar.Calendar(element, {
    initialView: "dayGridMonth",
    firstDay: 1,
    // The page's language (English on request); the buttons' words come translated from the template.
    locale: (document.documentElement.lang || "vi").slice(0, 2),
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,dayGridWeek" },
    buttonText: { today: element.dataset.today, month: element.dataset.month, week: element.dataset.week },
    events: element.dataset.events,
  }).render();
});
