// Live runtime figures (/admin/runtime): applies pushes to the server-rendered table, dropping any
// update whose sequence is not newer than the one shown (same epoch; a server restart starts a new one).
import { connectLive } from "./live.js";

const root = document.getElementById("runtime");
let epoch = root.dataset.epoch;
let shown = Number(root.dataset.sequence);

const field = (name) => root.querySelector(`[data-field="${name}"]`);
const rate = (value) => value.toFixed(1);
const milliseconds = (value) => value.toFixed(2);
const count = (value) => value.toLocaleString("en-US");

function apply(update) {
  if (update.epoch !== epoch) {
    epoch = update.epoch;
    shown = -1;
  }
  if (update.sequence <= shown) return;
  shown = update.sequence;

  const snapshot = update.snapshot;
  field("activeSilos").textContent = String(snapshot.activeSilos);
  field("totalActivations").textContent = count(snapshot.totalActivations);
  field("callsPerSecond").textContent = rate(snapshot.callsPerSecond);
  field("exceptionsPerSecond").textContent = rate(snapshot.exceptionsPerSecond);
  field("sequence").textContent = String(update.sequence);
  root.dataset.sequence = String(update.sequence);
  renderRows(field("silos"), snapshot.silos, 4, (s) => [
    header(s.name), cell(s.address, "font-monospace"), cell(s.status), cell(utc(s.startedAt)),
  ]);
  renderRows(field("grainTypes"), snapshot.grainTypes, 7, (g) => [
    header(g.grainType, "font-monospace"),
    ...[count(g.activations), rate(g.callsPerSecond), milliseconds(g.medianLatencyMs), milliseconds(g.p95LatencyMs),
      rate(g.exceptionsPerSecond), count(g.totalCalls)].map((text) => cell(text, "text-end")),
  ]);
}

const utc = (iso) => new Date(iso).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");

function header(text, className = "") {
  const th = document.createElement("th");
  th.scope = "row";
  th.className = className;
  th.textContent = text;
  return th;
}

function cell(text, className = "") {
  const td = document.createElement("td");
  td.className = className;
  td.textContent = text;
  return td;
}

function renderRows(body, items, columns, cells) {
  const rows = items.map((item) => {
    const row = document.createElement("tr");
    row.append(...cells(item));
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement("tr");
    const empty = cell(body.dataset.emptyText, "text-body-secondary");
    empty.colSpan = columns;
    row.append(empty);
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

const live = connectLive((connection) => connection.invoke("SubscribeRuntime"));
live.connection.on("Runtime", apply);
live.start();
