// search.js runs the search box in the header of every page. The index is
// built by the generator (internal/search) and fetched only when the box is
// first used; every keystroke is then answered from memory. The box follows
// the WAI-ARIA combobox pattern with list autocomplete and automatic
// selection: the first result is active, so Enter opens it. Without this
// script the form submits to the home page, which lists every code.
//
// Index keys (see internal/search): codes[] {c code, r reason, k class,
// s status (absent when active), u URL, m summary, a aliases, n stack
// constants, f causes mapped to the code, t causes it maps to, x start of
// the note, w distinctive words of the rest}; causes[] {q cause, r name,
// u URL}; stop: words not indexed from prose.
"use strict";
(() => {
  const form = document.querySelector("form.search[data-index]");
  const input = form && form.querySelector("input[type=search]");
  const list = form && form.querySelector("[role=listbox]");
  const status = form && form.querySelector("[role=status]");
  if (!input || !list || !status) return;

  const MAX_SHOWN = 20;
  // Field weights. They also name the field a word was found in, so each
  // must be distinct.
  const W = { reason: 10, alias: 9, constant: 8, klass: 3, cause: 5, summary: 4, excerpt: 2, terms: 1.9 };

  // Text: words are runs of letters and digits, as in internal/search.
  // Words joined by - / _ or . also count as one ("re-INVITE" is found as
  // "reinvite"), and CamelCase constants are split into their words.
  const wordRe = /[\p{L}\p{N}]+/gu;
  const words = (s) => s.toLowerCase().match(wordRe) || [];
  const compact = (s) => words(s).join("");
  function indexWords(s, camel) {
    if (camel) s = s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
    const out = words(s);
    for (const chunk of s.toLowerCase().split(/\s+/)) {
      const parts = chunk.match(wordRe);
      if (parts && parts.length > 1 && /^[\p{L}\p{N}]+(?:[-/_.][\p{L}\p{N}]+)+/u.test(chunk)) out.push(parts.join(""));
    }
    return out;
  }

  let ix = null; // the prepared index
  let loading = null;

  function load() {
    if (!loading) {
      loading = fetch(form.dataset.index)
        .then((r) => {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then((data) => {
          if (data.v !== 1) throw new Error("search index version " + data.v);
          ix = prepare(data);
        });
      loading.catch(() => {
        loading = null;
        say("Search is unavailable; the home page lists every code.");
        status.classList.replace("visually-hidden", "search-note");
      });
    }
    return loading;
  }

  // prepare turns the index into documents and an inverted list of words:
  // vocab[i] is a word, post[i] holds pairs (document, best field weight).
  function prepare(data) {
    const stop = new Set((data.stop || "").split(" "));
    const causeName = new Map(data.causes.map((c) => [c.q, c.r]));
    const docs = [];
    for (const c of data.codes) {
      docs.push({
        kind: "code", code: c.c, label: c.c, reason: c.r, klass: c.k, status: c.s || "", url: c.u,
        summary: c.m || "", aliases: c.a || [], constants: c.n || [], from: c.f || [], to: c.t || [],
        excerpt: c.x || "", terms: c.w || "",
      });
    }
    for (const c of data.causes) {
      docs.push({ kind: "cause", code: "", cause: c.q, label: "Q.850 " + c.q, reason: c.r, klass: "Q.850 cause", status: "", url: c.u,
        summary: "", aliases: [], constants: [], from: [], to: [], excerpt: "", terms: "" });
    }
    for (const d of docs) {
      if (d.kind !== "cause") continue;
      d.sentAs = docs.filter((c) => c.from.includes(d.cause));
      d.sentFor = docs.filter((c) => c.to.includes(d.cause));
    }
    const byCause = new Map();
    const postings = new Map();
    docs.forEach((d, i) => {
      d.reasonWords = words(d.reason).join(" ");
      d.reasonCompact = compact(d.reason);
      d.aliasWords = d.aliases.map((a) => words(a).join(" "));
      d.constCompact = d.constants.map(compact);
      d.causeNames = d.from.concat(d.to).map((q) => causeName.get(q) || "");
      d.causes = d.from.concat(d.to);
      if (d.kind === "cause") byCause.set(d.cause, i);
      const add = (text, w, camel, prose) => {
        for (const word of indexWords(text, camel)) {
          if (prose && stop.has(word)) continue;
          let p = postings.get(word);
          if (!p) postings.set(word, (p = new Map()));
          if ((p.get(i) || 0) < w) p.set(i, w);
        }
      };
      add(d.reason, W.reason);
      d.aliases.forEach((a) => add(a, W.alias));
      d.constants.forEach((k) => add(k, W.constant, true));
      add(d.klass + " " + d.status, W.klass);
      d.causeNames.forEach((n) => add(n, W.cause, false, true));
      add(d.summary, W.summary, false, true);
      add(d.excerpt, W.excerpt, false, true);
      add(d.terms, W.terms, false, true);
    });
    const vocab = [...postings.keys()].sort();
    const post = vocab.map((w) => [...postings.get(w)]);
    return { docs, vocab, post, byCause, codes: new Set(data.codes.map((c) => c.c)), cache: new Map() };
  }

  // distance is the optimal string alignment distance between a and b, or
  // with prefix set between a and the closest prefix of b; max+1 when it
  // exceeds max.
  const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function distance(a, b, max, prefix) {
    const n = a.length;
    const m = prefix ? Math.min(b.length, n + max) : b.length;
    if (m > 62 || n > 62 || (!prefix && Math.abs(n - m) > max) || m < n - max) return max + 1;
    let [p2, p1, cur] = rows;
    for (let j = 0; j <= m; j++) p1[j] = j;
    for (let i = 1; i <= n; i++) {
      cur[0] = i;
      let best = i;
      for (let j = 1; j <= m; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(p1[j] + 1, cur[j - 1] + 1, p1[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      [p2, p1, cur] = [p1, cur, p2];
    }
    if (!prefix) return p1[m];
    let best = max + 1;
    for (let j = Math.max(0, n - max); j <= m; j++) best = Math.min(best, p1[j]);
    return best;
  }

  // matchWord lists the indexed words a query word stands for, with how
  // well each matches: exactly, as a prefix (the word being typed), or
  // with a typo when nothing matches exactly.
  function matchWord(t, typing) {
    const key = t + (typing ? "…" : "");
    const cached = ix.cache.get(key);
    if (cached) return cached;
    const out = [];
    let exact = false;
    ix.vocab.forEach((v, i) => {
      if (v === t) {
        out.push([i, 1]);
        exact = true;
      } else if (typing && v.startsWith(t)) {
        out.push([i, 0.9 - 0.3 * (1 - t.length / v.length)]);
      }
    });
    if (!exact && out.length === 0 && t.length >= 3 && !/^\d+$/.test(t)) {
      const max = t.length >= 8 ? 2 : 1;
      ix.vocab.forEach((v, i) => {
        if (v.length < 4) return;
        let d = distance(t, v, max, false);
        if (d <= max) return out.push([i, d === 1 ? 0.6 : 0.45]);
        if (typing && t.length >= 4 && distance(t, v, 1, true) <= 1) out.push([i, 0.5]);
      });
    }
    if (ix.cache.size > 500) ix.cache.clear();
    ix.cache.set(key, out);
    return out;
  }

  const causeRe = /(?:\bq\.?\s*850|\bcause|\bisdn)\b[^\p{L}\p{N}]{0,3}(?:cause[^\p{L}\p{N}]{0,3})?(\d{1,3})\b/u;

  // search ranks the documents for query q. Evidence adds up: an exact
  // code, a Q.850 cause, a stack constant, the reason phrase or an alias
  // said in full, then each query word by the best field it is found in.
  function search(q) {
    const docs = ix.docs;
    const score = new Float64Array(docs.length);
    const why = docs.map(() => ({ field: 0, code: false, cause: 0, constant: -1, constScore: 0 }));
    let text = q.toLowerCase();
    let cause = 0;
    const cm = text.match(causeRe);
    if (cm) {
      cause = +cm[1];
      text = text.replace(cm[0], " ");
    } else if (/^\s*\d{1,3}\s*$/.test(text) && ![...ix.codes].some((c) => c.startsWith(text.trim()))) {
      cause = +text;
      text = "";
    }
    if (cause && ix.byCause.has(cause)) {
      docs.forEach((d, i) => {
        const s = d.kind === "cause" ? (d.cause === cause ? 700 : 0) : d.from.includes(cause) ? 800 : d.to.includes(cause) ? 600 : 0;
        if (s) {
          score[i] += s;
          why[i].cause = cause;
        }
      });
    }
    const toks = words(text);
    const typing = !/\s$/.test(text);
    const textToks = [];
    toks.forEach((t, k) => {
      if (/^\d{3}$/.test(t) && ix.codes.has(t)) {
        docs.forEach((d, i) => {
          if (d.code === t) (score[i] += 1000), (why[i].code = true);
        });
      } else if (/^\d{1,2}$/.test(t)) {
        if (toks.length === 1) {
          docs.forEach((d, i) => {
            if (d.code.startsWith(t)) (score[i] += 500), (why[i].code = true);
          });
        }
      } else textToks.push({ t, typing: typing && k === toks.length - 1 });
    });
    const stop = (t) => t.length < 2 || ["the", "a", "an", "of", "to", "is", "in", "on", "for", "and", "or", "sip"].includes(t);
    const required = textToks.filter((x) => !stop(x.t)).length || textToks.length;
    const textScore = new Float64Array(docs.length);
    const covered = new Uint8Array(docs.length);
    const marks = new Set();
    for (const { t, typing: tp } of textToks) {
      const best = new Float64Array(docs.length);
      const field = new Float64Array(docs.length);
      for (const [vi, quality] of matchWord(t, tp)) {
        marks.add(ix.vocab[vi]);
        for (const [di, w] of ix.post[vi]) {
          if (quality * w > best[di]) (best[di] = quality * w), (field[di] = w);
        }
      }
      for (let i = 0; i < docs.length; i++) {
        if (!best[i]) continue;
        textScore[i] += best[i];
        if (!stop(t) || required === textToks.length) covered[i]++;
        if (field[i] > why[i].field) why[i].field = field[i];
      }
    }
    const phrase = textToks.map((x) => x.t).join(" ");
    const cq = compact(text);
    // Only what looks like a constant is compared with constants, so that
    // "busy" is not a match for BUSY_HERE but for Busy Here.
    const raw = q.trim();
    const constLike = cq.length >= 4 && !/\s/.test(raw) && (/_/.test(raw) || /[a-z0-9][A-Z]/.test(raw) || /^[A-Z0-9]+$/.test(raw));
    docs.forEach((d, i) => {
      let s = textScore[i] * (required ? (covered[i] / required) ** 2 : 0);
      if (phrase) {
        if (phrase === d.reasonWords || (cq.length >= 4 && cq === d.reasonCompact)) s += 100;
        else if (d.aliasWords.includes(phrase)) (s += 90), (why[i].field = Math.max(why[i].field, W.alias));
        else if (textToks.length > 1 && (" " + d.reasonWords).includes(" " + phrase)) s += 50;
        else if (textToks.length > 1 && d.aliasWords.some((a) => (" " + a).includes(" " + phrase))) s += 40;
      }
      if (constLike) {
        let best = 0;
        d.constCompact.forEach((k, j) => {
          const c = k === cq ? 120 : k.endsWith(cq) || k.startsWith(cq) ? 60 : k.includes(cq) ? 30 : 0;
          if (c > best) (best = c), (why[i].constant = j);
        });
        s += best;
        why[i].constScore = best;
      }
      if (d.kind === "cause") s *= 0.6;
      score[i] += s;
    });
    // A query that names a constant wants the codes with that constant.
    const byConstant = constLike && why.some((w) => w.constScore >= 60);
    const ranked = [];
    docs.forEach((d, i) => {
      if (score[i] >= 1 && (!byConstant || why[i].constScore || why[i].code)) ranked.push({ d, s: score[i], why: why[i], i });
    });
    ranked.sort((a, b) => b.s - a.s || (a.d.kind === b.d.kind ? 0 : a.d.kind === "code" ? -1 : 1) || a.i - b.i);
    return { ranked, marks, codePrefix: toks.length === 1 && /^\d{1,3}$/.test(toks[0]) ? toks[0] : "" };
  }

  // snippet says why a result matched: the summary for codes and reason
  // phrases, else the alias, constant, cause or note text that matched.
  function snippet(r) {
    const { d, why } = r;
    if (why.code) return ["", d.summary];
    if (why.cause && d.kind === "code") {
      const into = d.from.includes(why.cause);
      const name = d.causeNames[d.causes.indexOf(why.cause)];
      return [into ? "Gateways send it for " : "Gateways release the call with ", "Q.850 cause " + why.cause + " (" + name + ")"];
    }
    if (d.kind === "cause") {
      const name = (list) => list.map((c) => c.code + " " + c.reason).join(", ");
      if (d.sentAs.length) return ["Gateways send ", name(d.sentAs)];
      if (d.sentFor.length) return ["Gateways send it for ", name(d.sentFor)];
      return ["", "No SIP response maps to or from this cause"];
    }
    if (why.constScore >= 60 || (why.constant >= 0 && why.field <= W.constant)) return ["Stack constant ", d.constants[why.constant]];
    if (why.field === W.reason || why.field === W.klass) return ["", d.summary];
    if (why.field === W.alias) return ["Also known as: ", d.aliases.join(", ")];
    if (why.field === W.cause) return ["Q.850: ", d.causeNames.join("; ")];
    if (why.field === W.excerpt) return ["", d.excerpt];
    if (why.field === W.terms) return ["Note mentions ", d.terms];
    return ["", d.summary];
  }

  // highlight appends text to el, with the words of marks (or the whole
  // text, when all is set) in <mark>. Long prose is cut to a window around
  // the first match. It scans by hand: it runs for every result on every
  // keystroke, and Unicode-aware regular expressions are slow for that.
  function highlight(el, text, marks, all, windowed) {
    if (all) return el.append(mark(text));
    const segs = segments(text);
    const hit = (w) => {
      const lw = w.toLowerCase();
      if (marks.has(lw)) return true;
      const parts = lw.split(/[-/_.]/);
      return parts.length > 1 && (marks.has(parts.join("")) || parts.some((p) => marks.has(p)));
    };
    let start = 0;
    if (windowed) {
      const first = segs.findIndex((s, k) => k % 2 === 1 && hit(s));
      if (first > 12) {
        start = first - 8;
        el.append("…");
      }
    }
    let plain = "";
    for (let k = start; k < segs.length; k++) {
      if (k % 2 === 1 && hit(segs[k])) {
        el.append(plain, mark(segs[k]));
        plain = "";
      } else plain += segs[k];
    }
    if (plain) el.append(plain);
  }

  // segments splits text into alternating gaps and words, gap first; a word
  // may join runs of letters and digits with - / _ or . ("Time-out").
  const letter = /[\p{L}\p{N}]/u;
  function isWord(text, i) {
    const c = text.charCodeAt(i);
    if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    return letter.test(text[i]);
  }
  function segments(text) {
    const out = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && !isWord(text, j)) j++;
      out.push(text.slice(i, j));
      if (j === n) break;
      i = j;
      while (j < n && (isWord(text, j) || ("-/_.".includes(text[j]) && j + 1 < n && isWord(text, j + 1)))) j++;
      out.push(text.slice(i, j));
      i = j;
    }
    return out;
  }
  function mark(text) {
    const m = document.createElement("mark");
    m.textContent = text;
    return m;
  }
  function span(cls, text) {
    const s = document.createElement("span");
    s.className = cls;
    if (text) s.textContent = text;
    return s;
  }

  // The combobox.
  let results = [];
  let active = -1;
  let shownFor = null;
  form.classList.add("search-js");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  function say(text) {
    status.textContent = text;
  }

  // update shows the results for what the box holds, searching again only
  // when that changed.
  function update() {
    const q = input.value;
    if (q !== shownFor) render(q);
    show(true);
  }

  function render(q) {
    shownFor = q;
    list.replaceChildren();
    results = [];
    active = -1;
    if (!q.trim()) return say("");
    const { ranked, marks, codePrefix } = search(q);
    results = ranked.slice(0, MAX_SHOWN);
    results.forEach((r, n) => list.append(option(r, n, marks, codePrefix)));
    if (results.length) {
      active = 0;
      list.children[0].setAttribute("aria-selected", "true");
      say(ranked.length + (ranked.length === 1 ? " result" : " results") + (ranked.length > MAX_SHOWN ? ", " + MAX_SHOWN + " shown" : ""));
    } else if (/^[1-6]\d\d$/.test(q.trim())) {
      say(q.trim() + " is not a registered code; Enter shows the nearest ones.");
    } else {
      say("No code matches “" + q.trim() + "”.");
    }
  }

  // show opens or closes the list. With nothing found, the live region
  // itself is shown in its place, so sighted readers learn it too.
  function show(on) {
    const open = on && results.length > 0;
    list.hidden = !open;
    const note = on && !open && input.value.trim() !== "";
    status.classList.toggle("visually-hidden", !note);
    status.classList.toggle("search-note", note);
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (open && active >= 0) select(active);
    else input.removeAttribute("aria-activedescendant");
  }

  // later updates once the index is there, unless the reader has closed
  // the list or left the box meanwhile.
  let closed = 0;
  function later(anyway) {
    const seen = closed;
    load().then(() => {
      if (seen === closed && (anyway === true || document.activeElement === input)) update();
    }, () => {});
  }

  function option(r, n, marks, codePrefix) {
    const { d } = r;
    const li = document.createElement("li");
    li.id = list.id + "-" + n;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.className = "sr";
    li.dataset.kind = d.kind;
    const a = document.createElement("a");
    a.href = d.url;
    a.tabIndex = -1;
    const head = span("sr-head");
    const code = span("sr-code");
    if (codePrefix && d.code.startsWith(codePrefix)) {
      code.append(mark(codePrefix), d.code.slice(codePrefix.length));
    } else code.textContent = d.label;
    const reason = span("sr-reason");
    highlight(reason, d.reason, marks);
    head.append(code, " ", reason, " ", span("sr-class", d.klass));
    if (d.status) head.append(" ", span("sr-status", d.status));
    const [label, text] = snippet(r);
    const snip = span("sr-snip", label);
    if (text) highlight(snip, text, marks, label === "Stack constant " || (r.why.cause && d.kind === "code"), true);
    a.append(head, snip);
    li.append(a);
    return li;
  }

  function select(n) {
    if (active >= 0 && list.children[active]) list.children[active].setAttribute("aria-selected", "false");
    active = n;
    const li = list.children[n];
    if (!li) return;
    li.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", li.id);
    // Scroll the list, never the page, to show the active option.
    if (n === 0) return void (list.scrollTop = 0);
    const top = li.offsetTop;
    const bottom = top + li.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  function go() {
    if (input.value !== shownFor) render(input.value);
    const q = input.value.trim();
    if (!list.hidden && active >= 0) return location.assign(results[active].d.url);
    if (/^[1-6]\d\d$/.test(q)) return location.assign("/" + q + "/");
    if (results.length) return location.assign(results[0].d.url);
  }

  // The address keeps the query, so a search can be pasted into a ticket.
  let urlTimer = 0;
  function keepInURL() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const u = new URL(location.href);
      const q = input.value.trim();
      if (q) u.searchParams.set("q", q);
      else u.searchParams.delete("q");
      if (u.href !== location.href) history.replaceState(history.state, "", u);
    }, 400);
  }

  input.addEventListener("focus", () => later());
  input.addEventListener("input", () => {
    keepInURL();
    if (ix) update();
    else later();
  });
  input.addEventListener("blur", () => {
    closed++;
    show(false);
  });
  input.addEventListener("keydown", (e) => {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = results.length;
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp":
        e.preventDefault();
        if (!n) return;
        if (list.hidden) return show(true);
        select((active + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
        return;
      case "Enter":
        e.preventDefault();
        if (ix) return go();
        return void load().then(go, () => {});
      case "Escape":
        // The first Escape closes the list; the second empties the box.
        // Focus stays in the box throughout, where the reader left it.
        e.preventDefault();
        closed++;
        if (!list.hidden || !status.classList.contains("visually-hidden")) return show(false);
        input.value = "";
        keepInURL();
        render("");
        return;
    }
  });
  // A click in the list must not blur the box before the link is followed.
  list.addEventListener("mousedown", (e) => e.preventDefault());
  input.addEventListener("click", () => {
    if (ix && list.hidden) update();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load().then(go, () => {});
  });

  // "/" focuses the box from anywhere but a text field.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // A deep link, /?q=busy, opens with its results.
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    input.focus();
    later(true);
  }
})();
