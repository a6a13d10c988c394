// The annals web page: fused events from the store (GET /api/events) and
// a box to run the pipeline on a pasted article (POST /api/extract), with
// the evidence of every event highlighted in the text.
"use strict";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

async function loadStats() {
  const res = await fetch("/api/stats");
  if (!res.ok) { $("#stats").textContent = "no store loaded"; return; }
  const s = await res.json();
  $("#stats").textContent = `${s.documents} articles, ${s.actors} actors, ${s.events} events (${s.event_mentions} tellings)`;
}

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (v) params.set(k, v);
  return params;
}

async function loadEvents() {
  const params = query();
  $("#csv").href = "/api/events?" + params + "&format=csv";
  $("#gdelt").href = "/api/events?" + params + "&format=gdelt";
  const res = await fetch("/api/events?" + params);
  const body = $("#events tbody");
  if (!res.ok) { body.innerHTML = `<tr><td colspan="8">${esc((await res.json()).error)}</td></tr>`; return; }
  const events = await res.json();
  body.innerHTML = events.map((e) => `<tr>
      <td>${esc(e.date)}</td><td>${esc(e.source_name || e.source || "-")}</td>
      <td>${esc(e.cameo)} ${esc(e.plover || "")}</td><td>${esc(e.target_name || e.target || "-")}</td>
      <td>${esc(e.place_name || e.place || "-")}</td><td class="mode-${esc(e.mode)}">${esc(e.mode)}</td>
      <td>${e.mentions} in ${e.documents}</td>
      <td class="evidence">“${esc(e.trigger)}” ${esc(e.rule)} · ${esc(e.first_document)}</td></tr>`).join("")
    || `<tr><td colspan="8">no events</td></tr>`;
}

// Wraps the spans of `marks` ({start, end, cls}) in the text; offsets are
// UTF-8 bytes, so the text is sliced as bytes.
function highlight(text, marks) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "", pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue;  // nested or overlapping: keep the outer one
    out += esc(dec.decode(bytes.slice(pos, m.start)));
    out += `<mark class="${m.cls}">${esc(dec.decode(bytes.slice(m.start, m.end)))}</mark>`;
    pos = m.end;
  }
  return out + esc(dec.decode(bytes.slice(pos)));
}

async function extract(ev) {
  ev.preventDefault();
  const form = new FormData($("#extract"));
  const res = await fetch(`/api/extract?format=text&text=1&date=${encodeURIComponent(form.get("date"))}`,
                          { method: "POST", body: form.get("text") });
  if (!res.ok) { $("#article").textContent = (await res.json()).error; return; }
  const doc = JSON.parse((await res.text()).split("\n")[0]);
  const marks = [
    ...doc.mentions.map((m) => ({ start: m.start, end: m.end, cls: "actor" })),
    ...doc.times.map((t) => ({ start: t.start, end: t.end, cls: "time" })),
  ];
  $("#article").innerHTML = highlight(doc.text, marks);
  const name = (id) => (id && doc.actors[id] ? doc.actors[id].name : "-");
  $("#found tbody").innerHTML = doc.events.map((e) => `<tr>
      <td>${esc(e.date)}</td><td>${esc(name(e.source))}</td><td>${esc(e.cameo)} ${esc(e.plover || "")}</td>
      <td>${esc(name(e.target))}</td><td>${esc(name(e.place))}</td><td class="mode-${esc(e.mode)}">${esc(e.mode)}</td>
      <td class="evidence">“${esc(e.trigger)}” ${esc(e.rule)}</td></tr>`).join("")
    || `<tr><td colspan="7">no events</td></tr>`;
}

$("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadEvents(); });
$("#extract").addEventListener("submit", extract);
loadStats();
loadEvents();
