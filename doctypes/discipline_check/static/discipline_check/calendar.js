// Month and week views of discipline checks; events come from the permission-scoped JSON feed.
// A click on a day, or a dragged range (its first day: a check is one unit on one day), opens the add form
// with that day filled in; the service refuses a day already gone.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("discipline-calendar");
  if (!element || !window.FullCalendar) { return; }
  var addUrl = element.dataset.addUrl;
  function openAddForm(day) {
    if (addUrl) { window.location.href = addUrl + "?scheduled_on=" + encodeURIComponent(day); }
  }
  new FullCalendar.Calendar(element, {
    initialView: "dayGridMonth",
    firstDay: 1,
    // The page's language (English on request); the buttons' words come translated from the template.
    locale: (document.documentElement.lang || "vi").slice(0, 2),
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,dayGridWeek" },
    buttonText: { today: element.dataset.today, month: element.dataset.month, week: element.dataset.week },
    events: element.dataset.events,
    selectable: Boolean(addUrl),
    select: function (info) { openAddForm(info.startStr.slice(0, 10)); },
  }).render();
});
