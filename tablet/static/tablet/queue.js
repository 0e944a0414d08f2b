/* The tablet's offline queue: every result, finding and photo is kept in IndexedDB (Dexie) first, then synced in order. */
(function () {
  "use strict";
  const settingsNode = document.getElementById("tablet-settings");
  const SETTINGS = settingsNode ? JSON.parse(settingsNode.textContent) : {};
  const T = SETTINGS.texts || {};
  const ME = SETTINGS.userId ? String(SETTINGS.userId) : null;
  // session: "ok" or "expired"; network: "ok" or "down" (the server did not answer); locked: why this tab stopped.
  const state = { session: "ok", network: "ok", locked: null, waiting: [] };
  const Tablet = (window.Tablet = { settings: SETTINGS, texts: T, state });

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  Tablet.uuid = uuid;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "onclick") node.addEventListener("click", value);
      else if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
    return node;
  }
  Tablet.el = el;

  function fill(text, values) {
    return Object.entries(values).reduce((out, [name, value]) => out.split(`{${name}}`).join(String(value)), text || "");
  }
  Tablet.fill = fill;

  // "3,4 MB"; below a tenth of a megabyte, in KB (so a small photo never reads "0 MB").
  function megabytes(bytes) {
    if (bytes < 100 * 1024) return `${bytes ? Math.max(1, Math.round(bytes / 1024)) : 0} KB`;
    return `${(bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
  }
  Tablet.megabytes = megabytes;

  /* Who is signed in on this tablet now, from the cookie every tablet answer sets: an id, "" for nobody,
     null on a device that has not heard from the server since this was introduced. */
  function signedIn() {
    const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${SETTINGS.userCookie}=([^;]*)`));
    return match ? decodeURIComponent(match[1]) : null;
  }
  // This page acts for its user only while the tablet's session is theirs: a tab left open by one inspector
  // never shows, opens or sends their queue under the next inspector's session.
  function ownsSession() {
    const who = signedIn();
    return who === null || who === ME;
  }

  // One database per user, so a shared tablet keeps each inspector's work apart.
  let db = null;
  function openDb() {
    const database = new Dexie(`papi-tablet-${ME}`);
    database.version(1).stores({ items: "++seq, &key, status, kind, record", versions: "record", done: "++id, at" });
    // Items saved before authors were recorded are this database's user's: it is named after them.
    database.version(2).stores({ items: "++seq, &key, status, kind, record, author" }).upgrade((tx) =>
      tx.table("items").toCollection().modify((item) => { if (item.author === undefined || item.author === null) item.author = Number(ME); }));
    return database;
  }
  if (ME && ownsSession()) db = openDb();
  Tablet.db = db;

  let inFlight = null;  // the sync request being sent, aborted if the tablet changes hands meanwhile

  /* Stop this tab: close its user's queue and take their work off the screen. */
  function lock(reason, detail) {
    if (state.locked) return;
    state.locked = reason;
    if (inFlight) inFlight.abort();
    if (db) db.close();
    db = Tablet.db = null;
    const page = document.getElementById("tablet-page");
    if (page) page.replaceChildren();
    for (const id of ["sync-link", "tablet-user"]) { const node = document.getElementById(id); if (node) node.remove(); }
    const text = reason === "signed-out" ? T.signedOut : T.otherUser;
    const box = document.getElementById("tablet-alert");
    if (box) {
      box.replaceChildren(el("div", { class: "alert alert-danger fs-5", role: "alert", id: "locked-notice" },
        el("p", { class: "mb-2" }, fill(text, { name: SETTINGS.userName || "" })),
        detail ? el("p", { class: "mb-2" }, detail) : "",
        el("a", { class: "btn btn-primary btn-touch", href: SETTINGS.loginUrl }, T.signInAgain)));
    }
    renderStatus();
  }

  function checkSession() {
    if (!ME) return;
    const who = signedIn();
    if (state.locked) {
      // Its owner signed in again (in this tab or another): start afresh, with their queue.
      if (who === ME) window.location.reload();
      return;
    }
    if (!ownsSession()) lock(who === "" ? "signed-out" : "other-user");
  }
  Tablet.checkSession = checkSession;

  /* The device's list of whose unsent work it holds ({id: {name, unsynced}}), so the next person is told. */
  const OWNERS = "papi-tablet-owners";
  function owners() {
    try { return JSON.parse(localStorage.getItem(OWNERS)) || {}; } catch (error) { return {}; }
  }
  function noteOwner(unsynced) {
    const all = owners();
    all[ME] = { name: SETTINGS.userName, unsynced };
    try { localStorage.setItem(OWNERS, JSON.stringify(all)); } catch (error) { /* full: the notice is a courtesy */ }
  }
  function renderOthers() {
    const box = document.getElementById("device-owners");
    if (!box) return;
    const others = Object.entries(owners()).filter(([id, owner]) => id !== ME && owner && owner.unsynced > 0);
    box.replaceChildren(...others.map(([id, owner]) => el("div", { class: "alert alert-info fs-5 other-owner", "data-owner": id },
      fill(T.othersItems, { count: owner.unsynced, name: owner.name }))));
  }

  /* record: what the item edits, e.g. "check_result:12:5"; a later item on the same record is based on the earlier one. */
  Tablet.enqueue = async function (kind, payload, options = {}) {
    if (!db) throw new Error(T.notYours);
    const item = {
      key: uuid(), kind, payload, author: Number(ME), status: "pending", reason: "", conflict: null,
      photos: options.photos || [], signature: options.signature || null,
      label: options.label || T[kind] || kind, where: options.where || location.pathname,
      record: options.record || `${kind}:new`, created: new Date().toISOString(),
    };
    await db.items.add(item);
    await Tablet.refresh();
    // A form that moves on to another page leaves the sending to that page, so one item is never posted twice at once.
    if (options.sync !== false) Tablet.sync();
    return item;
  };

  Tablet.knownVersion = async function (record, pageVersion) {
    const stored = db ? await db.versions.get(record) : null;
    const fromPage = pageVersion === "" || pageVersion === undefined || pageVersion === null ? null : Number(pageVersion);
    const mine = stored ? stored.version : null;
    if (mine === null) return fromPage;
    if (fromPage === null) return mine;
    return Math.max(mine, fromPage);  // history ids only grow: the larger is the newer
  };

  Tablet.unsynced = function () {
    return db ? db.items.where("status").anyOf("pending", "refused", "conflict").toArray() : Promise.resolve([]);
  };

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function reasonOf(status, body) {
    // The server says it in Vietnamese, each field under its label; a proxy's page says nothing useful.
    const error = (body && body.error) || {};
    if (error.message) return error.message;
    return status === 413 ? T.tooLarge : T.refused;
  }

  // A batch is at most 20 items, 8 MB and 90 files, so a request stays under the proxy's body limit (25 MB in the
  // README) and the server's 100 files; the oldest item always goes, however large it is.
  const BATCH = { items: 20, bytes: 8 * 1024 * 1024, files: 90 };

  function filesOf(item) {
    return item.photos.map((photo) => photo.blob).concat(item.signature ? [item.signature.blob] : []);
  }

  function bytesOf(item) {
    return filesOf(item).reduce((sum, blob) => sum + (blob.size || 0), 0);
  }

  /* The next batch of pending items, oldest first. Finishing a check goes alone, once what came before it was
     answered, and waits while one of that check's results is refused or in conflict. */
  function takeBatch(pending, limit, blocked) {
    const batch = [];
    let bytes = 0, files = 0;
    for (const item of pending) {
      if (item.kind === "check_finish") {
        if (blocked.has(item.payload.check)) continue;
        if (batch.length) break;
        return [item];
      }
      const size = bytesOf(item), count = filesOf(item).length;
      if (batch.length && (batch.length >= limit || bytes + size > BATCH.bytes || files + count > BATCH.files)) break;
      batch.push(item);
      bytes += size;
      files += count;
    }
    return batch;
  }

  async function blockedChecks() {
    const stuck = await db.items.where("status").anyOf("refused", "conflict").toArray();
    return new Set(stuck.filter((item) => item.kind === "check_result").map((item) => item.payload.check));
  }

  // The files of the i-th item travel as photos-i and signature-i beside the list of items.
  function formOf(batch) {
    const form = new FormData();
    form.append("items", JSON.stringify(batch.map((item) => ({ key: item.key, kind: item.kind, author: item.author, payload: item.payload }))));
    batch.forEach((item, index) => {
      for (const photo of item.photos) form.append(`photos-${index}`, photo.blob, photo.name);
      if (item.signature) form.append(`signature-${index}`, item.signature.blob, item.signature.name);
    });
    return form;
  }

  async function applied(item, body) {
    await db.transaction("rw", db.items, db.versions, db.done, async () => {
      await db.items.delete(item.seq);
      if (body.version !== null && body.version !== undefined && !item.record.endsWith(":new")) {
        await db.versions.put({ record: item.record, version: body.version });
        // Items queued after this one on the same record were based on the same copy plus this change.
        const later = await db.items.where("record").equals(item.record).toArray();
        for (const next of later) {
          if (next.status === "pending" && next.payload.base_version === item.payload.base_version) {
            await db.items.update(next.seq, { payload: { ...next.payload, base_version: body.version } });
          }
        }
      }
      // The server's id is kept as serverId: "id" is this table's own key, and a finding and a result may share a number.
      await db.done.add({ at: new Date().toISOString(), label: item.label, kind: item.kind, serverId: body.id, key: item.key });
      const old = await db.done.orderBy("at").reverse().offset(30).primaryKeys();
      await db.done.bulkDelete(old);
    });
    document.dispatchEvent(new CustomEvent("tablet:synced", { detail: { item, answer: body } }));
  }

  let syncing = null;
  Tablet.sync = function () {
    if (!db) return Promise.resolve();
    // One sender per device: the Web Locks API spans every open tab of the tablet.
    const run = () => runSync().catch((error) => { if (!state.locked) throw error; });
    const locked = navigator.locks ? () => navigator.locks.request("papi-tablet-sync", run) : run;
    if (!syncing) syncing = locked().finally(() => { syncing = null; Tablet.refresh(); });
    return syncing;
  };

  // What the server's answer means for one item; false when syncing must stop and wait, keeping the order.
  async function settle(item, status, body) {
    const code = body && body.error && body.error.code;
    if (status === 200 || status === 201) {
      await applied(item, body);
    } else if (code === "not_author") {
      // The session is someone else's: the item stays theirs and waiting, and this tab stops.
      lock("other-user", body.error.message);
      return false;
    } else if (status === 409) {
      await db.items.update(item.seq, { status: "conflict", conflict: { server: body.error.server, mine: body.error.mine } });
    } else if ([400, 403, 404, 413, 422].includes(status)) {
      await db.items.update(item.seq, { status: "refused", reason: reasonOf(status, body) });
    } else {
      return false;
    }
    return true;
  }

  function sent(ok) {
    state.network = ok ? "ok" : "down";
    renderStatus();
  }

  async function runSync() {
    if (!navigator.onLine) return;  // shown by the status on every page; the "online" event sends
    // The oldest pending items first, a batch per request (on a weak line the round trip costs more than the work);
    // items saved while this runs are sent in the same run.
    let limit = BATCH.items;
    for (;;) {
      checkSession();
      if (!db) return;
      const batch = takeBatch(await db.items.where("status").equals("pending").sortBy("seq"), limit, await blockedChecks());
      if (!batch.length) return;
      let response;
      inFlight = new AbortController();
      try {
        response = await fetch(SETTINGS.syncUrl, {
          method: "POST", body: formOf(batch), credentials: "same-origin", signal: inFlight.signal,
          headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
        });
      } catch (error) {
        if (!state.locked) sent(false);
        return;  // no connection: keep the order, try again when it returns
      } finally {
        inFlight = null;
      }
      const body = await response.json().catch(() => ({}));
      const code = body.error && body.error.code;
      if (response.status === 401 || (response.status === 403 && code !== "refused")) {
        state.session = "expired";
        sent(true);
        return;  // the session ended: nothing is refused, it waits for the next sign-in
      }
      if (response.status === 413) {
        // A proxy with a smaller body limit: send fewer at once; one item too large for it is refused with the reason.
        if (batch.length > 1) limit = Math.max(1, Math.floor(batch.length / 2));
        else await settle(batch[0], 413, body);
        continue;
      }
      if (!response.ok || !Array.isArray(body.results)) {
        sent(false);
        return;  // the server is unwell: retry later, in the same order
      }
      state.session = "ok";
      sent(true);
      for (const result of body.results) {
        if (!db) return;
        // Read again: an earlier answer in this batch may have moved this item's base version (applied()).
        const item = await db.items.where("key").equals(String(result.key)).first();
        if (item && item.status === "pending" && !(await settle(item, result.status, result))) break;
      }
      if (!db) return;
      const unanswered = await db.items.where("key").anyOf(batch.map((item) => item.key)).filter((item) => item.status === "pending").count();
      if (unanswered) {
        sent(false);
        return;  // an item without an answer stays first in line for the next try
      }
    }
  }

  /* The truth about this tablet, on every page: network, session, and work that needs the inspector. */
  function renderStatus() {
    const badge = document.getElementById("net-status");
    const box = document.getElementById("tablet-alert");
    let mode = "online";
    if (state.locked) mode = "locked";
    else if (!navigator.onLine) mode = "offline";
    else if (state.session === "expired") mode = "expired";
    else if (state.network === "down") mode = "unreachable";
    if (badge) {
      const [text, style] = {
        online: [T.online, "net-online"], offline: [T.offline, "net-offline"], expired: [T.expiredBadge, "net-expired"],
        unreachable: [T.unreachableBadge, "net-offline"], locked: [T.lockedBadge, "net-expired"],
      }[mode];
      badge.textContent = text;
      badge.className = `badge ${style}`;
      badge.dataset.mode = mode;
    }
    if (!box || mode === "locked") return;
    const alerts = [];
    if (mode === "offline") {
      alerts.push(el("div", { class: "alert alert-warning fs-5 status-offline" }, T.offlineHelp));
    } else if (mode === "expired") {
      const login = `${SETTINGS.loginUrl}?next=${encodeURIComponent(location.pathname)}`;
      alerts.push(el("div", { class: "alert alert-danger fs-5 status-expired", role: "alert" },
        el("p", { class: "mb-2" }, T.login), el("a", { class: "btn btn-primary btn-touch", href: login, id: "sign-in-again" }, T.signInAgain)));
    } else if (mode === "unreachable") {
      alerts.push(el("div", { class: "alert alert-warning fs-5 status-unreachable" },
        el("p", { class: "mb-2" }, T.network),
        el("button", { type: "button", class: "btn btn-dark btn-touch", onclick: () => Tablet.sync() }, T.retryNow)));
    }
    const stuck = state.waiting.filter((item) => item.status !== "pending").length;
    if (stuck && !document.getElementById("queue-pending")) {
      alerts.push(el("div", { class: "alert alert-danger fs-5 status-stuck" },
        el("p", { class: "mb-2" }, fill(T.stuck, { count: stuck })),
        el("a", { class: "btn btn-primary btn-touch", href: SETTINGS.queueUrl }, T.openQueue)));
    }
    box.replaceChildren(...alerts);
  }
  Tablet.renderStatus = renderStatus;

  // Photos wait on the device until they are sent: warn while there is still room, before a save is refused.
  async function checkStorage() {
    const main = document.getElementById("main");
    if (!main || !navigator.storage || !navigator.storage.estimate) return;
    const { usage, quota } = await navigator.storage.estimate().catch(() => ({}));
    const percent = quota ? Math.round((usage / quota) * 100) : 0;
    let box = document.getElementById("storage-warning");
    if (percent < 80) { if (box) box.remove(); return; }
    if (!box) {
      box = el("div", { id: "storage-warning", class: "alert alert-danger fs-5", role: "alert" });
      main.prepend(box);
    }
    box.textContent = fill(T.storageFull, { percent });
  }

  Tablet.refresh = async function () {
    renderOthers();
    if (!db) { renderStatus(); return; }
    await checkStorage();
    const waiting = await Tablet.unsynced();
    state.waiting = waiting;
    noteOwner(waiting.length);
    renderStatus();
    const count = document.getElementById("sync-count");
    if (count) count.textContent = String(waiting.length);
    document.dispatchEvent(new CustomEvent("tablet:queue", { detail: { items: waiting } }));
    if (document.getElementById("queue-pending")) await renderQueue(waiting);
  };

  function describe(value) {
    if (value === null || value === undefined || value === "") return T.none;
    if ((T.values || {})[value]) return T.values[value];
    return String(value);
  }

  const HIDDEN_FIELDS = ["version", "base_version", "changed_by", "changed_at"];

  function versionBox(title, data) {
    const box = el("div", {}, el("p", { class: "fw-bold mb-1" }, title));
    for (const [field, value] of Object.entries(data)) {
      if (!HIDDEN_FIELDS.includes(field)) box.append(el("p", { class: "mb-1", "data-field": field }, `${(T.fields || {})[field] || field}: `, el("strong", {}, describe(value))));
    }
    if (data.changed_by || data.changed_at) {
      const when = data.changed_at ? new Date(data.changed_at).toLocaleString("vi-VN") : "";
      box.append(el("p", { class: "mb-0 text-body-secondary" }, data.changed_by ? `${T.changedBy}: ${data.changed_by} · ${when}` : `${T.changedAt}: ${when}`));
    }
    return box;
  }

  /* What an item holds, in a line: when it was saved, its photos and their size, a signature, a GPS position. */
  function contents(item) {
    const parts = [new Date(item.created).toLocaleString("vi-VN")];
    const photoBytes = item.photos.reduce((sum, photo) => sum + (photo.blob.size || 0), 0);
    if (item.photos.length) parts.push(`${item.photos.length} ${T.photos} (${megabytes(photoBytes)})`);
    if (item.kind === "finding") {
      parts.push(item.signature ? T.hasSignature : T.noSignature);
      parts.push(item.payload.latitude ? T.hasGps : T.noGps2);
    }
    return parts.join(" · ");
  }

  function itemCard(item, blocked) {
    const card = el("div", { class: `queue-item ${item.status}`, "data-key": item.key, "data-status": item.status });
    const badge = { pending: ["badge-pending", T.pending], refused: ["badge-refused", T.refused], conflict: ["badge-conflict", T.conflict] }[item.status];
    card.append(el("p", { class: "fs-5 mb-1" }, el("span", { class: `badge ${badge[0]} me-2` }, badge[1]), `${T[item.kind] || item.kind}: ${item.label}`));
    card.append(el("p", { class: "mb-1 item-contents" }, contents(item)));
    if (item.status === "pending" && item.kind === "check_finish" && blocked.has(item.payload.check)) {
      card.append(el("p", { class: "mb-1 fw-semibold finish-waits" }, T.finishWaits));
    }
    if (item.status === "refused") {
      card.append(el("p", { class: "fs-5 mb-2 refused-reason" }, item.reason));
      card.append(el("div", { class: "d-flex flex-wrap gap-2" },
        el("button", { type: "button", class: "btn btn-primary btn-touch retry", onclick: () => retry(item) }, T.retry),
        el("button", { type: "button", class: "btn btn-outline-danger btn-touch drop", onclick: () => drop(item) }, T.drop)));
    } else if (item.status === "conflict") {
      card.append(el("div", { class: "versions mb-2" },
        el("div", { class: "version-mine" }, versionBox(T.mine, item.conflict.mine)),
        el("div", { class: "version-server" }, versionBox(T.server, item.conflict.server))));
      card.append(el("div", { class: "d-flex flex-wrap gap-2" },
        el("button", { type: "button", class: "btn btn-primary btn-touch keep-mine", onclick: () => keepMine(item) }, T.keepMine),
        el("button", { type: "button", class: "btn btn-outline-dark btn-touch keep-server", onclick: () => keepServer(item) }, T.keepServer)));
    }
    return card;
  }

  async function renderQueue(waiting) {
    const groups = { conflicts: [], refused: [], pending: [] };
    for (const item of waiting.sort((a, b) => a.seq - b.seq)) groups[item.status === "conflict" ? "conflicts" : item.status].push(item);
    const blocked = await blockedChecks();
    const empty = { conflicts: T.emptyConflicts, refused: T.emptyRefused, pending: T.emptyPending };
    for (const [group, items] of Object.entries(groups)) {
      document.getElementById(`queue-${group}`).replaceChildren(...(items.length
        ? items.map((item) => itemCard(item, blocked)) : [el("p", { class: "text-body-secondary" }, empty[group])]));
    }
    const photos = waiting.reduce((sum, item) => sum + item.photos.length, 0);
    const bytes = waiting.reduce((sum, item) => sum + bytesOf(item), 0);
    document.getElementById("queue-summary").textContent = waiting.length
      ? fill(T.summary, { count: waiting.length, photos, size: megabytes(bytes) }) : T.emptyPending;
    const done = await db.done.orderBy("at").reverse().toArray();
    document.getElementById("queue-done").replaceChildren(...(done.length
      ? done.map((d) => el("p", { class: "mb-1 done-item", "data-key": d.key }, `✔ ${T[d.kind] || d.kind}: ${d.label} · ${new Date(d.at).toLocaleString("vi-VN")}`))
      : [el("p", { class: "text-body-secondary" }, T.emptyDone)]));
  }

  async function retry(item) {
    await db.items.update(item.seq, { status: "pending", reason: "" });
    await Tablet.refresh();
    Tablet.sync();
  }

  async function drop(item) {
    if (!window.confirm(T.confirmDrop)) return;
    await db.items.delete(item.seq);
    Tablet.refresh();
  }

  // "Keep mine": send my version again on top of the server's, as a new item (a new key: the old one was never applied).
  async function keepMine(item) {
    await db.items.update(item.seq, {
      status: "pending", conflict: null, key: uuid(), payload: { ...item.payload, base_version: item.conflict.server.version },
    });
    await db.versions.put({ record: item.record, version: item.conflict.server.version });
    await Tablet.refresh();
    Tablet.sync();
  }

  // "Keep the server's": my change is dropped, and the server's copy is what this device now builds on.
  async function keepServer(item) {
    await db.transaction("rw", db.items, db.versions, async () => {
      await db.items.delete(item.seq);
      if (item.conflict.server.version !== null) await db.versions.put({ record: item.record, version: item.conflict.server.version });
    });
    Tablet.refresh();
  }

  async function registerWorker() {
    if (!("serviceWorker" in navigator) || !db) return;
    try {
      await navigator.serviceWorker.register(SETTINGS.swUrl, { scope: SETTINGS.scope });
      const registration = await navigator.serviceWorker.ready;
      const pagesNode = document.querySelector("[data-pages]");
      if (navigator.onLine && pagesNode && registration.active) {
        const pages = pagesNode.dataset.pages.split(" ").filter(Boolean).concat([SETTINGS.assignmentsUrl]);
        registration.active.postMessage({ type: "cache-pages", pages });
      }
    } catch (error) { /* no service worker (plain http on a LAN address): the queue still keeps everything */ }
  }
  navigator.serviceWorker && navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "pages-cached") document.documentElement.dataset.pagesCached = String(event.data.count);
  });

  window.addEventListener("online", () => { state.network = "ok"; Tablet.refresh(); Tablet.sync(); });
  window.addEventListener("offline", () => Tablet.refresh());
  // Another tab signing in or out changes the cookie; another tab's queue changes the device's list of owners.
  window.addEventListener("storage", (event) => { if (event.key === OWNERS) renderOthers(); });
  window.addEventListener("focus", checkSession);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) checkSession(); });
  document.addEventListener("DOMContentLoaded", () => {
    if (ME && !db) checkSession();  // opened under someone else's session: locked before anything shows
    const syncNow = document.getElementById("sync-now");
    if (syncNow) syncNow.addEventListener("click", () => Tablet.sync());
    // Signing out forgets the cached pages of this person (the queue stays, it is theirs and still unsent).
    for (const form of document.querySelectorAll("form[action$='/logout/']")) {
      form.addEventListener("submit", () => navigator.serviceWorker && navigator.serviceWorker.controller
        && navigator.serviceWorker.controller.postMessage({ type: "forget-pages" }));
    }
    Tablet.refresh().then(() => Tablet.sync());
    registerWorker();
    // Without this the browser may clear IndexedDB when the disk runs low, and with it the unsent work.
    if (db && navigator.storage && navigator.storage.persist) navigator.storage.persisted().then((kept) => kept || navigator.storage.persist());
    if (ME) setInterval(checkSession, 1000);  // reading a cookie costs nothing; the next person may sign in any moment
    setInterval(() => Tablet.sync(), 30000);
  });
})();
