/* The tablet's forms: photos resized on the device, the signature pad, GPS, and saving each form into the queue first. */
(function () {
  "use strict";
  const Tablet = window.Tablet;
  const T = Tablet.texts;
  const el = Tablet.el;
  const fill = Tablet.fill;
  const MAX_EDGE = 1600;
  const QUALITY = 0.82;

  /* A JPEG at most MAX_EDGE px on its long side, drawn through a canvas (this also drops the camera's EXIF position). */
  async function resizePhoto(file) {
    if (!file.type.startsWith("image/")) throw new Error(T.notImage);
    let bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (error) {
      throw new Error(T.notImage);
    }
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close && bitmap.close();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", QUALITY));
    if (!blob) throw new Error(T.notImage);
    const stem = (file.name || "anh").replace(/\.[^.]*$/, "").replace(/[^\w-]+/g, "-").slice(0, 60) || "anh";
    return { name: `${stem}.jpg`, blob, width: canvas.width, height: canvas.height };
  }
  Tablet.resizePhoto = resizePhoto;

  /* The photos chosen in one [data-photos] block, resized one after another as soon as they are picked.
     Each shows as "processing" until it is in; one that cannot be processed stays on screen, named with the
     reason, until the inspector removes it: a photo is never dropped without them knowing. */
  function photoPicker(container) {
    const photos = [], failures = [];
    const previews = container.querySelector(".photo-previews");
    let busy = 0, picked = 0, processed = 0;
    let chain = Promise.resolve();
    const waiting = [];

    function changed() {
      if (!busy) {
        picked = processed = 0;
        waiting.splice(0).forEach((resolve) => resolve());
      }
      container.dispatchEvent(new CustomEvent("photos:changed", { bubbles: true }));
    }

    function showPhoto(figure, photo) {
      const url = URL.createObjectURL(photo.blob);
      figure.className = "photo-preview";
      figure.replaceChildren(el("img", { src: url, alt: photo.name }), el("button", {
        type: "button", class: "btn btn-outline-danger remove-photo", onclick: () => {
          photos.splice(photos.indexOf(photo), 1); figure.remove(); URL.revokeObjectURL(url); changed();
        },
      }, T.removePhoto));
    }

    function showFailure(figure, failure) {
      figure.className = "photo-failed";
      figure.replaceChildren(el("figcaption", {}, fill(T.photoFailed, failure)), el("button", {
        type: "button", class: "btn btn-outline-danger remove-photo", onclick: () => {
          failures.splice(failures.indexOf(failure), 1); figure.remove(); changed();
        },
      }, T.removePhoto));
    }

    async function process(file, figure) {
      try {
        const photo = await resizePhoto(file);
        photos.push(photo);
        showPhoto(figure, photo);
      } catch (error) {
        const failure = { name: file.name, reason: error.message || T.notImage };
        failures.push(failure);
        showFailure(figure, failure);
      } finally {
        busy -= 1;
        processed += 1;
        changed();
      }
    }

    for (const input of container.querySelectorAll(".photo-input")) {
      input.addEventListener("change", () => {
        for (const file of Array.from(input.files)) {
          busy += 1;
          picked += 1;
          const figure = el("figure", { class: "photo-processing" }, el("figcaption", {}, `${T.photoWait}: ${file.name}`));
          previews.append(figure);
          chain = chain.then(() => process(file, figure));
        }
        input.value = "";
        changed();
      });
    }
    return {
      photos, failures,
      get busy() { return busy; },
      get progress() { return { done: processed, total: picked }; },
      idle() { return busy ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(); },
      clear() { photos.length = 0; failures.length = 0; previews.replaceChildren(); changed(); },
    };
  }

  /* A save button that waits for the photos: disabled with the progress while they are processed. */
  function guardSave(button, picker, container) {
    const label = button.textContent;
    button.dataset.label = label;
    container.addEventListener("photos:changed", () => {
      if (picker.busy) {
        button.disabled = true;
        button.setAttribute("aria-busy", "true");
        button.textContent = fill(T.photosProcessing, picker.progress);
      } else if (button.getAttribute("aria-busy")) {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        button.textContent = label;
      }
    });
  }

  /* Wait for every photo; false (with the reason said) while one could not be processed. */
  async function photosReady(picker, say) {
    if (picker.busy) {
      say(fill(T.photosProcessing, picker.progress));
      await picker.idle();
    }
    if (picker.failures.length) {
      say(fill(T.photosNotIn, { names: picker.failures.map((failure) => failure.name).join(", ") }), true);
      return false;
    }
    return true;
  }

  function messenger(box) {
    return (text, alarm) => box && box.replaceChildren(el("div", { class: `alert ${alarm ? "alert-danger" : "alert-success"} fs-5 mb-0` }, text));
  }

  /* Ink on a canvas with pointer events (finger, pen or mouse); exported with the signer's name and the time beneath. */
  function signaturePad(canvas) {
    const ctx = canvas.getContext("2d");
    let drawing = false, inked = false, last = null;
    function clear() {
      ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, canvas.width, canvas.height);
      inked = false;
    }
    function point(event) {
      const rect = canvas.getBoundingClientRect();
      return { x: (event.clientX - rect.left) * (canvas.width / rect.width), y: (event.clientY - rect.top) * (canvas.height / rect.height) };
    }
    canvas.addEventListener("pointerdown", (event) => { drawing = true; last = point(event); canvas.setPointerCapture(event.pointerId); event.preventDefault(); });
    canvas.addEventListener("pointermove", (event) => {
      if (!drawing) return;
      const next = point(event);
      ctx.strokeStyle = "#000"; ctx.lineWidth = 3; ctx.lineCap = "round"; ctx.lineJoin = "round";
      ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(next.x, next.y); ctx.stroke();
      last = next; inked = true; event.preventDefault();
    });
    for (const end of ["pointerup", "pointercancel", "pointerleave"]) canvas.addEventListener(end, () => { drawing = false; });
    clear();
    return {
      clear, get inked() { return inked; },
      async image(name, signedAt) {
        const out = document.createElement("canvas");
        out.width = canvas.width; out.height = canvas.height + 70;
        const o = out.getContext("2d");
        o.fillStyle = "#fff"; o.fillRect(0, 0, out.width, out.height);
        o.drawImage(canvas, 0, 0);
        o.fillStyle = "#000"; o.font = "22px sans-serif";
        o.fillText(`${T.signedBy}: ${name}`, 12, canvas.height + 28);
        o.fillText(`${T.signedAt}: ${signedAt.toLocaleString("vi-VN")}`, 12, canvas.height + 58);
        const blob = await new Promise((resolve) => out.toBlob(resolve, "image/png"));
        return { name: "chu-ky.png", blob };
      },
    };
  }

  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }

  function setupFindingForm(form) {
    const say = messenger(form.querySelector(".form-message"));
    const photoBlock = form.querySelector("[data-photos]");
    const picker = photoPicker(photoBlock);
    const button = form.querySelector("#save-finding");
    guardSave(button, picker, photoBlock);
    const pad = signaturePad(form.querySelector("#signature-pad"));
    form.querySelector("#clear-signature").addEventListener("click", () => pad.clear());
    const gpsStatus = form.querySelector("#gps-status");
    form.querySelector("#get-gps").addEventListener("click", () => {
      if (!navigator.geolocation) { gpsStatus.textContent = T.noGps; return; }
      gpsStatus.textContent = T.gpsWait;
      navigator.geolocation.getCurrentPosition((position) => {
        form.latitude.value = position.coords.latitude.toFixed(6);
        form.longitude.value = position.coords.longitude.toFixed(6);
        gpsStatus.textContent = `${T.gpsOk}: ${form.latitude.value}, ${form.longitude.value} (±${Math.round(position.coords.accuracy)} m)`;
      }, () => { gpsStatus.textContent = T.noGps; }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
    onSave(form, button, picker, say, {
      ready() {
        if (!form.condition.value.trim() || !form.criteria.value.trim()) { say(T.required, true); return false; }
        const signer = form.signer_name.value.trim();
        if (pad.inked && !signer) { say(T.needSigner, true); return false; }
        if (signer && !pad.inked) { say(T.needSignature, true); return false; }
        return true;
      },
      async save() {
        const condition = form.condition.value.trim(), signer = form.signer_name.value.trim();
        const payload = {
          [form.dataset.sourceField]: Number(form.dataset.source), condition, criteria: form.criteria.value.trim(),
          cause: form.cause.value.trim(), severity: form.severity.value,
          papi_dimension: form.papi_dimension.value ? Number(form.papi_dimension.value) : null,
          legal_document: form.legal_document.value.trim(), legal_article: form.legal_article.value.trim(),
          legal_clause: form.legal_clause.value.trim(), recorded_on: today(),
          latitude: form.latitude.value || null, longitude: form.longitude.value || null,
        };
        if (form.unit) payload.unit = form.unit.value;
        let signature = null;
        if (signer) {
          const signedAt = new Date();
          signature = await pad.image(signer, signedAt);
          payload.signer_name = signer;
          payload.signed_at = signedAt.toISOString();
        }
        await Tablet.enqueue("finding", payload, {
          photos: picker.photos.slice(), signature, label: `${condition.slice(0, 80)} – ${form.dataset.sourceLabel}`,
          where: form.dataset.back, sync: false,
        });
      },
    });
  }

  /* A form that saves into the queue, then goes back: one save at a time, after every photo is in (saving waits for
     those still being resized), and a failure said on the form. */
  function onSave(form, button, picker, say, { ready, save }) {
    let saving = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (saving || !ready()) return;
      saving = true;
      try {
        if (!(await photosReady(picker, say))) return;
        button.disabled = true;
        await save();
      } catch (error) {
        button.disabled = false;
        say(`${T.notSaved} (${error.message || error})`, true);
        return;
      } finally {
        saving = false;
      }
      say(T.saved);
      window.location.assign(form.dataset.back);
    });
  }

  function setupChecklist(list) {
    const check = Number(list.dataset.check);
    const finish = document.getElementById("finish-check");
    for (const row of list.querySelectorAll(".check-item")) {
      const item = Number(row.dataset.item);
      const status = row.querySelector(".item-status");
      const photoBlock = row.querySelector("[data-photos]");
      const say = (text, alarm) => status.replaceChildren(el("span", { class: alarm ? "badge badge-refused" : "badge badge-pending" }, text));
      const picker = photoPicker(photoBlock);
      const button = row.querySelector(".save-result");
      guardSave(button, picker, photoBlock);
      for (const radio of row.querySelectorAll("input[type=radio]")) {
        radio.addEventListener("change", () => photoBlock.classList.toggle("d-none", radio.value !== "fail"));
      }
      button.addEventListener("click", async () => {
        const chosen = row.querySelector("input[type=radio]:checked");
        if (!chosen) { say(T.chooseOutcome, true); return; }
        if (chosen.value === "fail" && !(await photosReady(picker, say))) return;
        const record = `check_result:${check}:${item}`;
        const payload = {
          check, item, outcome: chosen.value, note: row.querySelector(".item-note").value.trim(),
          base_version: await Tablet.knownVersion(record, row.dataset.version),
        };
        const pendingBefore = (await Tablet.unsynced()).filter((i) => i.record === record && i.status === "pending");
        if (pendingBefore.length) payload.base_version = pendingBefore[pendingBefore.length - 1].payload.base_version;
        const queued = await Tablet.enqueue("check_result", payload, {
          photos: chosen.value === "fail" ? picker.photos.slice() : [], record, label: `${row.dataset.text.slice(0, 80)} – ${T.values[chosen.value]}`,
        });
        picker.clear();
        delete row.dataset.touched;
        markRow(row, "pending", queued.key);
      });
    }
    // Results still on this device override what the (possibly cached) page shows.
    document.addEventListener("tablet:queue", async (event) => {
      const queued = event.detail.items.filter((i) => i.kind === "check_result" && i.payload.check === check);
      for (const row of list.querySelectorAll(".check-item[data-local-key]")) {
        if (queued.some((i) => i.key === row.dataset.localKey) || row.dataset.localStatus === "synced") continue;
        // Gone from the queue: sent by another tab of this tablet, or dropped on the queue page.
        const key = row.dataset.localKey;
        const sent = Tablet.db && (await Tablet.db.done.filter((done) => done.key === key).first());
        markRow(row, sent ? "synced" : null, key);
      }
      for (const item of queued) {
        const row = list.querySelector(`.check-item[data-item="${item.payload.item}"]`);
        if (!row) continue;
        const radio = row.querySelector(`input[value="${item.payload.outcome}"]`);
        if (radio && !row.dataset.touched) { radio.checked = true; row.querySelector(".item-note").value = item.payload.note; }
        markRow(row, item.status, item.key);
      }
      if (finish) updateFinish(finish, list, event.detail.items);
    });
    // The server took a result: the row says so at once, and builds on the version it made.
    document.addEventListener("tablet:synced", (event) => {
      const { item, answer } = event.detail;
      if (item.kind !== "check_result" || item.payload.check !== check) return;
      const row = list.querySelector(`.check-item[data-item="${item.payload.item}"]`);
      if (!row) return;
      row.dataset.outcome = item.payload.outcome;
      if (answer.version !== null && answer.version !== undefined) row.dataset.version = String(answer.version);
      markRow(row, "synced", item.key);
    });
    list.addEventListener("input", (event) => { const row = event.target.closest(".check-item"); if (row) row.dataset.touched = "1"; });
    if (finish) setupFinish(finish, list, check);
  }

  const ROW_STATUS = { pending: "savedLocal", refused: "refused", conflict: "conflict", synced: "synced" };

  function markRow(row, status, key) {
    const box = row.querySelector(".item-status");
    if (!status) {
      delete row.dataset.localKey;
      delete row.dataset.localStatus;
      box.replaceChildren(...(row.dataset.outcome ? [el("span", { class: "badge badge-server" }, T.onServer)] : []));
      return;
    }
    row.dataset.localKey = key;
    row.dataset.localStatus = status;
    box.replaceChildren(el("span", { class: `badge badge-${status} local-status`, "data-status": status }, T[ROW_STATUS[status]]));
  }

  /* "Kết thúc kiểm tra": once every item has a result here or on the server, the leader closes the check;
     it goes after the results, and the office sees the check done with today's date. */
  function setupFinish(section, list, check) {
    const button = section.querySelector("#finish-check-button");
    const status = section.querySelector("#finish-status");
    button.addEventListener("click", async () => {
      button.disabled = true;
      await Tablet.enqueue("check_finish", { check, conducted_on: today(), summary: section.querySelector("#check-summary").value.trim() },
        { record: `check_finish:${check}`, label: section.dataset.label });
    });
    document.addEventListener("tablet:synced", (event) => {
      const { item } = event.detail;
      if (item.kind !== "check_finish" || item.payload.check !== check) return;
      section.dataset.state = "synced";
      closeChecklist(list);
      status.replaceChildren(el("span", { class: "badge badge-synced" }, T.finishSynced), " ",
        el("a", { class: "btn btn-outline-dark btn-touch", href: Tablet.settings.scope }, T.backHome));
    });
  }

  function updateFinish(section, list, items) {
    if (section.dataset.state === "synced") return;
    const rows = Array.from(list.querySelectorAll(".check-item"));
    const answered = rows.filter((row) => row.dataset.outcome || ["pending", "synced"].includes(row.dataset.localStatus)).length;
    section.querySelector("#finish-progress").textContent = fill(section.querySelector("#finish-progress").dataset.template,
      { answered, total: rows.length });
    const finishing = items.find((i) => i.kind === "check_finish" && i.payload.check === Number(section.dataset.check));
    const button = section.querySelector("#finish-check-button");
    const status = section.querySelector("#finish-status");
    if (finishing) {
      closeChecklist(list);
      button.disabled = true;
      const text = finishing.status === "refused" ? `${T.refused}: ${finishing.reason}` : T.finishSaved;
      status.replaceChildren(el("span", { class: `badge badge-${finishing.status}` }, text));
    } else {
      button.disabled = answered < rows.length;
    }
  }

  // After finishing, the results are the office's: the page stops offering changes.
  function closeChecklist(list) {
    for (const control of list.querySelectorAll("input, textarea, button")) control.disabled = true;
    const add = document.getElementById("new-finding");
    if (add) add.remove();
  }

  function setupVerification(form) {
    const say = messenger(form.querySelector(".form-message"));
    const photoBlock = form.querySelector("[data-photos]");
    const picker = photoPicker(photoBlock);
    const button = form.querySelector("#save-verification");
    guardSave(button, picker, photoBlock);
    form.verified_on.value = today();
    onSave(form, button, picker, say, {
      ready: () => true,
      async save() {
        const action = Number(form.dataset.action);
        const record = `verification:${action}`;
        const payload = { action, verified_on: form.verified_on.value || today(), note: form.note.value.trim(),
                          base_version: await Tablet.knownVersion(record, form.dataset.version) };
        await Tablet.enqueue("verification", payload, { photos: picker.photos.slice(), record, label: form.dataset.label, where: form.dataset.back, sync: false });
      },
    });
  }

  /* On an inspection or a check page: the findings this device still holds for it, and those the server has. */
  function setupLocalFindings(list) {
    const field = list.dataset.source, id = Number(list.dataset.sourceId);
    document.addEventListener("tablet:queue", (event) => {
      const mine = event.detail.items.filter((i) => i.kind === "finding" && i.payload[field] === id);
      list.replaceChildren(...(mine.length ? mine.map((i) => el("li", { class: "list-group-item tablet-row local-finding" },
        el("span", { class: `badge badge-${i.status} me-2` }, { pending: T.pending, refused: T.refused, conflict: T.conflict }[i.status]),
        i.label, i.photos.length ? ` · ${i.photos.length} ${T.photos}` : "")) : [el("li", { class: "list-group-item tablet-row" }, list.dataset.empty)]));
    });
    // A finding the server took shows among the recorded ones without a reload (read again from the server).
    let timer = null;
    document.addEventListener("tablet:synced", (event) => {
      const { item } = event.detail;
      if (item.kind !== "finding" || item.payload[field] !== id) return;
      clearTimeout(timer);
      timer = setTimeout(reloadServerFindings, 200);
    });
  }

  async function reloadServerFindings() {
    const list = document.getElementById("server-findings");
    try {
      const response = await fetch(location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("server-findings");
      if (response.ok && fresh && list) list.replaceChildren(...fresh.children);
    } catch (error) { /* offline again: the next visit shows them */ }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const finding = document.getElementById("finding-form");
    if (finding) setupFindingForm(finding);
    const checklist = document.getElementById("checklist");
    if (checklist) setupChecklist(checklist);
    const verify = document.getElementById("verify-form");
    if (verify) setupVerification(verify);
    const local = document.getElementById("local-findings");
    if (local) setupLocalFindings(local);
  });
})();
