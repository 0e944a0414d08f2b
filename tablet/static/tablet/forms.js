/* The tablet's forms: photos resized on the device, the signature pad, GPS, and saving each form into the queue first. */
(function () {
  "use strict";
  const Tablet = window.Tablet;
  const T = Tablet.texts;
  const el = Tablet.el;
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
    const stem = (file.name || "anh").replace(/\.[^.]*$/, "").replace(/[^\w-]+/g, "-").slice(0, 60) || "anh";
    return { name: `${stem}.jpg`, blob, width: canvas.width, height: canvas.height };
  }
  Tablet.resizePhoto = resizePhoto;

  /* The photos chosen in one [data-photos] block, resized as soon as they are picked, with a remove button each. */
  function photoPicker(container, message) {
    const photos = [];
    const previews = container.querySelector(".photo-previews");
    for (const input of container.querySelectorAll(".photo-input")) {
      input.addEventListener("change", async () => {
        for (const file of Array.from(input.files)) {
          try {
            const photo = await resizePhoto(file);
            photos.push(photo);
            const url = URL.createObjectURL(photo.blob);
            const figure = el("figure", { class: "photo-preview" }, el("img", { src: url, alt: photo.name }));
            figure.append(el("button", { type: "button", class: "btn btn-outline-danger remove-photo", onclick: () => {
              photos.splice(photos.indexOf(photo), 1); figure.remove(); URL.revokeObjectURL(url);
            } }, T.removePhoto));
            previews.append(figure);
          } catch (error) {
            message(`${file.name}: ${error.message}`, true);
          }
        }
        input.value = "";
        container.dispatchEvent(new CustomEvent("photos:changed", { detail: { count: photos.length } }));
      });
    }
    return { photos, clear() { photos.length = 0; previews.replaceChildren(); } };
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
    const picker = photoPicker(form.querySelector("[data-photos]"), say);
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
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const condition = form.condition.value.trim(), criteria = form.criteria.value.trim();
      if (!condition || !criteria) { say(T.required, true); return; }
      const signer = form.signer_name.value.trim();
      if (pad.inked && !signer) { say(T.needSigner, true); return; }
      if (signer && !pad.inked) { say(T.needSignature, true); return; }
      const payload = {
        [form.dataset.sourceField]: Number(form.dataset.source), condition, criteria, cause: form.cause.value.trim(),
        severity: form.severity.value, papi_dimension: form.papi_dimension.value ? Number(form.papi_dimension.value) : null,
        legal_document: form.legal_document.value.trim(), legal_article: form.legal_article.value.trim(),
        legal_clause: form.legal_clause.value.trim(), recorded_on: today(),
        latitude: form.latitude.value || null, longitude: form.longitude.value || null,
      };
      if (form.unit) payload.unit = form.unit.value;
      const button = form.querySelector("#save-finding");
      button.disabled = true;
      try {
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
      } catch (error) {
        button.disabled = false;
        say(`${T.notSaved} (${error.message || error})`, true);
        return;
      }
      say(T.saved);
      window.location.assign(form.dataset.back);
    });
  }

  function setupChecklist(list) {
    const check = Number(list.dataset.check);
    for (const row of list.querySelectorAll(".check-item")) {
      const item = Number(row.dataset.item);
      const status = row.querySelector(".item-status");
      const photoBlock = row.querySelector("[data-photos]");
      const picker = photoPicker(photoBlock, (text, alarm) => { status.replaceChildren(el("span", { class: alarm ? "badge badge-refused" : "" }, text)); });
      for (const radio of row.querySelectorAll("input[type=radio]")) {
        radio.addEventListener("change", () => photoBlock.classList.toggle("d-none", radio.value !== "fail"));
      }
      row.querySelector(".save-result").addEventListener("click", async () => {
        const chosen = row.querySelector("input[type=radio]:checked");
        if (!chosen) { status.replaceChildren(el("span", { class: "badge badge-refused" }, T.chooseOutcome)); return; }
        const record = `check_result:${check}:${item}`;
        const payload = {
          check, item, outcome: chosen.value, note: row.querySelector(".item-note").value.trim(),
          base_version: await Tablet.knownVersion(record, row.dataset.version),
        };
        const pendingBefore = (await Tablet.unsynced()).filter((i) => i.record === record && i.status === "pending");
        if (pendingBefore.length) payload.base_version = pendingBefore[pendingBefore.length - 1].payload.base_version;
        await Tablet.enqueue("check_result", payload, {
          photos: chosen.value === "fail" ? picker.photos.slice() : [], record, label: `${row.dataset.text.slice(0, 80)} – ${T.values[chosen.value]}`,
        });
        picker.clear();
        markPending(row);
      });
    }
    // Results still on this device override what the (possibly cached) page shows.
    document.addEventListener("tablet:queue", (event) => {
      for (const queued of event.detail.items.filter((i) => i.kind === "check_result" && i.payload.check === check)) {
        const row = list.querySelector(`.check-item[data-item="${queued.payload.item}"]`);
        if (!row) continue;
        const radio = row.querySelector(`input[value="${queued.payload.outcome}"]`);
        if (radio && !row.dataset.touched) { radio.checked = true; row.querySelector(".item-note").value = queued.payload.note; }
        markPending(row, queued.status);
      }
    });
    list.addEventListener("input", (event) => { const row = event.target.closest(".check-item"); if (row) row.dataset.touched = "1"; });
  }

  function markPending(row, status = "pending") {
    const label = { pending: T.savedLocal, refused: T.refused, conflict: T.conflict }[status];
    row.querySelector(".item-status").replaceChildren(el("span", { class: `badge badge-${status} local-status` }, label));
  }

  function setupVerification(form) {
    const say = messenger(form.querySelector(".form-message"));
    const picker = photoPicker(form.querySelector("[data-photos]"), say);
    form.verified_on.value = today();
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const action = Number(form.dataset.action);
      const record = `verification:${action}`;
      const payload = { action, verified_on: form.verified_on.value || today(), note: form.note.value.trim(),
                        base_version: await Tablet.knownVersion(record, form.dataset.version) };
      form.querySelector("#save-verification").disabled = true;
      await Tablet.enqueue("verification", payload, { photos: picker.photos.slice(), record, label: form.dataset.label, where: form.dataset.back, sync: false });
      say(T.saved);
      window.location.assign(form.dataset.back);
    });
  }

  /* On an inspection or a check page: the findings this device still holds for it. */
  function setupLocalFindings(list) {
    document.addEventListener("tablet:queue", (event) => {
      const field = list.dataset.source, id = Number(list.dataset.sourceId);
      const mine = event.detail.items.filter((i) => i.kind === "finding" && i.payload[field] === id);
      list.replaceChildren(...mine.map((i) => el("li", { class: "list-group-item tablet-row local-finding" },
        el("span", { class: `badge badge-${i.status} me-2` }, { pending: T.pending, refused: T.refused, conflict: T.conflict }[i.status]),
        i.label, i.photos.length ? ` · ${i.photos.length} ${T.photos}` : "")));
    });
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
