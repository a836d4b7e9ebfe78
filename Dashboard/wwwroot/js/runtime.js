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
  field("uptime").textContent = update.uptimeText;
  field("totalActivations").textContent = count(snapshot.totalActivations);
  field("callsPerSecond").textContent = rate(snapshot.callsPerSecond);
  field("exceptionsPerSecond").textContent = rate(snapshot.exceptionsPerSecond);
  field("sequence").textContent = String(update.sequence);
  root.dataset.sequence = String(update.sequence);
  renderGrainTypes(field("grainTypes"), snapshot.grainTypes);
}

function renderGrainTypes(body, grainTypes) {
  const rows = grainTypes.map((g) => {
    const row = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    name.className = "font-monospace";
    name.textContent = g.grainType;
    row.append(name);
    for (const text of [count(g.activations), rate(g.callsPerSecond), milliseconds(g.medianLatencyMs),
      milliseconds(g.p95LatencyMs), rate(g.exceptionsPerSecond), count(g.totalCalls)]) {
      const cell = document.createElement("td");
      cell.className = "text-end";
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement("tr");
    const cell = document.createElement("td");
    cell.colSpan = 7;
    cell.className = "text-body-secondary";
    cell.textContent = body.dataset.emptyText;
    row.append(cell);
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

const live = connectLive((connection) => connection.invoke("SubscribeRuntime"));
live.connection.on("Runtime", apply);
live.start();
