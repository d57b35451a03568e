// Live reload for "sipcodes serve". The server adds this script to every
// page it serves, and only there: the published site never has it. The
// page was built as version data-version; the server sends the current
// version when the script connects and after every build, and the page
// reloads when they differ. A failed build is a new version too: the page
// reloads into the error overlay, and out of it when the file is fixed.
(() => {
  "use strict";
  const me = document.currentScript;
  const built = me ? me.dataset.version : "";
  const events = new EventSource("/_live/events");
  events.addEventListener("version", (e) => {
    if (e.data === built) {
      return;
    }
    events.close();
    // Tests read this to measure from a save to the reload.
    try {
      sessionStorage.setItem("sipcodes-live-reload", String(Date.now()));
    } catch (_) {
      // Storage may be disabled; reloading matters more.
    }
    location.reload();
  });
})();
