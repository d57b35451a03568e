// Page enhancements, loaded with defer: a copy-link button beside every
// section anchor, on the 404 page a message about the code in the address
// when it looks like one, and keyboard access to boxes that scroll.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("no clipboard"));
  }

  function addCopyButtons() {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.querySelectorAll("a.anchor").forEach(function (anchor) {
      var heading = anchor.parentElement;
      if (!heading || !heading.id) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.setAttribute("aria-label", "Copy link to “" + heading.textContent.replace(/#$/, "").trim() + "”");
      button.textContent = "Copy link";
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname + "#" + heading.id;
        copyText(url).then(function () {
          button.textContent = "Copied";
          status.textContent = "Link copied";
          setTimeout(function () {
            button.textContent = "Copy link";
          }, 1500);
        }, function () {
          status.textContent = "Copy failed; the link is " + url;
        });
      });
      anchor.insertAdjacentElement("afterend", button);
    });
  }

  // On the 404 page, an address such as /499/ names a code: say that it is
  // not registered and offer its class and the registered codes around it.
  function explainMissingCode() {
    var box = document.getElementById("missing-code");
    if (!box) {
      return;
    }
    var m = /^\/(?:sip-)?([1-9][0-9][0-9])\/?$/.exec(location.pathname);
    if (!m) {
      return;
    }
    var code = parseInt(m[1], 10);
    // data-codes lists every registered code with its reason phrase:
    // "100 Trying|180 Ringing|…".
    var reasons = {};
    var codes = box.getAttribute("data-codes").split("|").map(function (entry) {
      var n = parseInt(entry, 10);
      reasons[n] = entry.slice(entry.indexOf(" ") + 1);
      return n;
    });
    var cls = Math.floor(code / 100);
    var p = document.createElement("p");
    p.className = "lead";
    p.textContent = code + " is not a registered SIP response code.";
    box.appendChild(p);
    if (cls >= 1 && cls <= 6) {
      var c = document.createElement("p");
      var link = document.createElement("a");
      link.href = "/" + cls + "xx/";
      link.textContent = cls + "xx";
      c.append("A client treats an unknown code like the x00 code of its class (RFC 3261 §8.1.3.2); see the ", link, " class.");
      box.appendChild(c);
    }
    var nearest = codes.slice().sort(function (a, b) {
      return Math.abs(a - code) - Math.abs(b - code) || a - b;
    }).slice(0, 6).sort(function (a, b) {
      return a - b;
    });
    var h = document.createElement("h2");
    h.textContent = "Nearest registered codes";
    var ul = document.createElement("ul");
    nearest.forEach(function (n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/" + n + "/";
      var num = document.createElement("span");
      num.className = "num";
      num.textContent = String(n);
      a.append(num, " " + reasons[n]);
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.append(h, ul);
    box.hidden = false;
  }

  // A box that scrolls sideways (a long line of a SIP message, a wide
  // table) must be reachable from the keyboard to be scrolled: such boxes
  // join the tab order, and only those that overflow at this width.
  function markScrollable() {
    document.querySelectorAll("pre, .table-wrap, .note table, .prose table").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  addCopyButtons();
  explainMissingCode();
  // Measuring the boxes forces a layout: it waits until the page is idle,
  // so that it does not lengthen the first render's work.
  (window.requestIdleCallback || setTimeout)(markScrollable);
  var resized = 0;
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(markScrollable, 200);
  });
})();
