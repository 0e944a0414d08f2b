/* The tablet's offline queue: every result, finding and photo is kept in IndexedDB (Dexie) first, then synced in order. */
(function () {
  "use strict";
  const settingsNode = document.getElementById("tablet-settings");
  const SETTINGS = settingsNode ? JSON.parse(settingsNode.textContent) : {};
  const T = SETTINGS.texts || {};
  const Tablet = (window.Tablet = { settings: SETTINGS, texts: T });

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

  // One database per signed-in user, so a shared tablet never sends one inspector's work under another's name.
  const db = SETTINGS.userId ? new Dexie(`papi-tablet-${SETTINGS.userId}`) : null;
  if (db) {
    db.version(1).stores({
      items: "++seq, &key, status, kind, record",
      versions: "record",
      done: "++id, at",
    });
  }
  Tablet.db = db;

  /* record: what the item edits, e.g. "check_result:12:5"; a later item on the same record is based on the earlier one. */
  Tablet.enqueue = async function (kind, payload, options = {}) {
    const item = {
      key: uuid(), kind, payload, status: "pending", reason: "", conflict: null,
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
    return db.items.where("status").anyOf("pending", "refused", "conflict").toArray();
  };

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function reasonOf(body) {
    const error = (body && body.error) || {};
    let text = error.message || "";
    if (error.fields) {
      const details = [];
      for (const [field, messages] of Object.entries(error.fields)) {
        details.push(`${field}: ${[].concat(messages).map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" ")}`);
      }
      if (details.length) text += " " + details.join("; ");
    }
    return text.trim() || T.refused;
  }

  // A batch is at most 20 items, 8 MB and 90 files, so a request stays under the proxy's body limit (25 MB in the
  // README) and the server's 100 files; the oldest item always goes, however large it is.
  const BATCH = { items: 20, bytes: 8 * 1024 * 1024, files: 90 };

  function filesOf(item) {
    return item.photos.map((photo) => photo.blob).concat(item.signature ? [item.signature.blob] : []);
  }

  function takeBatch(pending, limit) {
    const batch = [];
    let bytes = 0, files = 0;
    for (const item of pending) {
      const blobs = filesOf(item);
      const size = blobs.reduce((sum, blob) => sum + (blob.size || 0), 0);
      if (batch.length && (batch.length >= limit || bytes + size > BATCH.bytes || files + blobs.length > BATCH.files)) break;
      batch.push(item);
      bytes += size;
      files += blobs.length;
    }
    return batch;
  }

  // The files of the i-th item travel as photos-i and signature-i beside the list of items.
  function formOf(batch) {
    const form = new FormData();
    form.append("items", JSON.stringify(batch.map((item) => ({ key: item.key, kind: item.kind, payload: item.payload }))));
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
      await db.done.add({ at: new Date().toISOString(), label: item.label, kind: item.kind, id: body.id, key: item.key });
      const old = await db.done.orderBy("at").reverse().offset(30).primaryKeys();
      await db.done.bulkDelete(old);
    });
  }

  let syncing = null;
  Tablet.sync = function () {
    if (!db) return Promise.resolve();
    // One sender per device: the Web Locks API spans every open tab of the tablet.
    const run = () => runSync();
    const locked = navigator.locks ? () => navigator.locks.request("papi-tablet-sync", run) : run;
    if (!syncing) syncing = locked().finally(() => { syncing = null; Tablet.refresh(); });
    return syncing;
  };

  // What the server's answer means for one item; false when syncing must stop and wait, keeping the order.
  async function settle(item, status, body) {
    if (status === 200 || status === 201) {
      await applied(item, body);
    } else if (status === 409) {
      await db.items.update(item.seq, { status: "conflict", conflict: { server: body.error.server, mine: body.error.mine } });
    } else if ([400, 403, 404, 413, 422].includes(status)) {
      await db.items.update(item.seq, { status: "refused", reason: reasonOf(body) });
    } else {
      return false;
    }
    return true;
  }

  async function runSync() {
    if (!navigator.onLine) { Tablet.say(T.network); return; }
    // The oldest pending items first, a batch per request (on a weak line the round trip costs more than the work);
    // items saved while this runs are sent in the same run.
    let limit = BATCH.items;
    for (;;) {
      const batch = takeBatch(await db.items.where("status").equals("pending").sortBy("seq"), limit);
      if (!batch.length) return;
      let response;
      try {
        response = await fetch(SETTINGS.syncUrl, {
          method: "POST", body: formOf(batch), credentials: "same-origin",
          headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
        });
      } catch (error) {
        Tablet.say(T.network);
        return;  // no connection: keep the order, try again when it returns
      }
      const body = await response.json().catch(() => ({}));
      const code = body.error && body.error.code;
      if (response.status === 401 || (response.status === 403 && code !== "refused")) {
        Tablet.say(T.login, true);
        return;  // the session ended: nothing is refused, it waits for the next sign-in
      }
      if (response.status === 413) {
        // A proxy with a smaller body limit: send fewer at once; one item too large for it is refused with the reason.
        if (batch.length > 1) limit = Math.max(1, Math.floor(batch.length / 2));
        else await settle(batch[0], 413, body);
        continue;
      }
      if (!response.ok || !Array.isArray(body.results)) {
        Tablet.say(T.network);
        return;  // the server is unwell: retry later, in the same order
      }
      for (const result of body.results) {
        // Read again: an earlier answer in this batch may have moved this item's base version (applied()).
        const item = await db.items.where("key").equals(String(result.key)).first();
        if (item && item.status === "pending" && !(await settle(item, result.status, result))) break;
      }
      const unanswered = await db.items.where("key").anyOf(batch.map((item) => item.key)).filter((item) => item.status === "pending").count();
      if (unanswered) {
        Tablet.say(T.network);
        return;  // an item without an answer stays first in line for the next try
      }
    }
  }

  Tablet.say = function (text, alarm) {
    const box = document.getElementById("queue-message");
    if (box) box.replaceChildren(el("div", { class: `alert ${alarm ? "alert-danger" : "alert-warning"} fs-5` }, text));
  };

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
    box.textContent = T.storageFull.replace("{percent}", String(percent));
  }

  Tablet.refresh = async function () {
    const status = document.getElementById("net-status");
    if (status) {
      status.textContent = navigator.onLine ? T.online : T.offline;
      status.className = `badge me-2 ${navigator.onLine ? "net-online" : "net-offline"}`;
    }
    if (!db) return;
    await checkStorage();
    const waiting = await Tablet.unsynced();
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

  function itemCard(item) {
    const card = el("div", { class: `queue-item ${item.status}`, "data-key": item.key, "data-status": item.status });
    const badge = { pending: ["badge-pending", T.pending], refused: ["badge-refused", T.refused], conflict: ["badge-conflict", T.conflict] }[item.status];
    card.append(el("p", { class: "fs-5 mb-1" }, el("span", { class: `badge ${badge[0]} me-2` }, badge[1]), `${T[item.kind] || item.kind}: ${item.label}`));
    card.append(el("p", { class: "mb-1 text-body-secondary" }, `${new Date(item.created).toLocaleString("vi-VN")}${item.photos.length ? ` · ${item.photos.length} ${T.photos}` : ""}`));
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
    const groups = { conflict: [], refused: [], pending: [] };
    for (const item of waiting.sort((a, b) => a.seq - b.seq)) groups[item.status].push(item);
    for (const [status, items] of Object.entries(groups)) {
      const box = document.getElementById(`queue-${status === "conflict" ? "conflicts" : status}`);
      box.replaceChildren(...(items.length ? items.map(itemCard) : [el("p", { class: "text-body-secondary" }, T.empty)]));
    }
    const done = await db.done.orderBy("at").reverse().toArray();
    document.getElementById("queue-done").replaceChildren(...(done.length
      ? done.map((d) => el("p", { class: "mb-1 done-item", "data-key": d.key }, `✔ ${T[d.kind] || d.kind}: ${d.label} · ${new Date(d.at).toLocaleString("vi-VN")}`))
      : [el("p", { class: "text-body-secondary" }, T.empty)]));
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
    if (!("serviceWorker" in navigator) || !SETTINGS.userId) return;
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

  window.addEventListener("online", () => { Tablet.refresh(); Tablet.sync(); });
  window.addEventListener("offline", () => Tablet.refresh());
  document.addEventListener("DOMContentLoaded", () => {
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
    setInterval(() => Tablet.sync(), 30000);
  });
})();
