// Town-centre page (/towns/{code}): draws the town's grid from map.json with Leaflet on one canvas (a town has
// about 1,200 enterprises, too many for DOM markers), subscribes to the town's live group and, when something
// changes in the town, re-fetches the figures/appeals fragment with htmx and the map points. Updates whose
// sequence is not newer than the last applied (same epoch) are dropped.
import { connectLive } from "./live.js";
import { addBaseMap, projection } from "./basemap.js";

const element = document.getElementById("town-map");
const townCode = element.dataset.town;
const lightColours = { Red: "#dc3545", Yellow: "#f0ad00", Green: "#198754" };
const refreshDelayMs = 400;

const map = L.map(element, { preferCanvas: true, zoomSnap: 0.25, attributionControl: Boolean(element.dataset.tileUrl) });
const renderer = L.canvas({ padding: 0.5 });
addBaseMap(map, element);
// The district's WGS-84 points onto the base map's datum (shifted only for GCJ-02 tiles).
const toMap = projection(element);
const at = ([latitude, longitude]) => toMap(latitude, longitude);

const groups = {
  outline: L.layerGroup().addTo(map),
  grids: L.layerGroup().addTo(map),
  packaged: L.layerGroup().addTo(map),
  unpackaged: L.layerGroup().addTo(map),
  stations: L.layerGroup().addTo(map),
  appeals: L.layerGroup().addTo(map),
};
L.control.layers(null, {
  [element.dataset.labelGrid]: groups.grids,
  [element.dataset.labelPackaged]: groups.packaged,
  [element.dataset.labelUnpackaged]: groups.unpackaged,
  [element.dataset.labelStation]: groups.stations,
  [element.dataset.labelAppeal]: groups.appeals,
}, { collapsed: true }).addTo(map);

// Names come from the database: tooltips get text nodes, never HTML.
const text = (value) => () => {
  const span = document.createElement("span");
  span.textContent = value;
  return span;
};

let fitted = false;
let selectedGrid = null;

// Grid cells (网格) coloured by packaging coverage, in the legend's classes.
const gridColour = (cell) => {
  if (cell.enterprises === 0) return "#cfd8e3";
  const coverage = cell.packaged / cell.enterprises;
  return coverage >= 0.98 ? "#2e7d32" : coverage >= 0.95 ? "#9ccc65" : coverage >= 0.9 ? "#f9a825" : "#c62828";
};
const percent = (part, whole) => `${((part * 100) / whole).toFixed(1)}%`;
const fill = (template, ...values) => template.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);

// Under the map: a button per grid cell (the canvas map cannot be reached by keyboard), and the selected cell's coverage
// and unpackaged enterprises (names as text, never HTML).
function showGrid(data, cell) {
  selectedGrid = cell?.code ?? null;
  const panel = document.getElementById("grid-detail");
  if (!panel) return;
  const d = element.dataset;
  const [title, hint] = [panel.querySelector("h3"), panel.querySelector("[data-field=grid-hint]")];
  if (data.grids.length === 0) {
    hint.textContent = d.gridNone;
    panel.replaceChildren(title, hint);
    return;
  }
  const buttons = document.createElement("div");
  buttons.className = "d-flex flex-wrap gap-1 mb-2";
  buttons.setAttribute("role", "group");
  buttons.setAttribute("aria-label", d.labelGrid);
  buttons.append(...data.grids.map((c) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `btn btn-sm ${c.code === selectedGrid ? "btn-primary" : "btn-outline-secondary"}`;
    button.setAttribute("aria-pressed", String(c.code === selectedGrid));
    button.textContent = c.enterprises === 0 ? c.name : `${c.name} ${percent(c.packaged, c.enterprises)}`;
    button.addEventListener("click", () => {
      selectedGrid = c.code;
      draw(data);
      // The buttons were drawn anew: keep the keyboard on the one just pressed.
      panel.querySelector("button[aria-pressed=true]")?.focus();
    });
    return button;
  }));
  if (!cell) {
    hint.hidden = false;
    panel.replaceChildren(title, buttons, hint);
    return;
  }
  const parts = [];
  const summary = document.createElement("p");
  summary.className = "mb-1";
  summary.dataset.field = "grid-coverage";
  summary.textContent = `${cell.name} · ${cell.enterprises === 0 ? d.gridNoEnterprises : fill(d.gridCoverage, percent(cell.packaged, cell.enterprises), cell.packaged, cell.enterprises)}`;
  parts.push(summary);
  const unpackaged = data.enterprises.filter((e) => e.g === cell.code && !e.p).map((e) => e.n).sort((x, y) => x.localeCompare(y, "zh"));
  if (cell.enterprises > 0) {
    const heading = document.createElement("p");
    heading.className = "mb-1 fw-semibold";
    heading.textContent = unpackaged.length === 0 ? d.gridAllPackaged : `${d.gridUnpackaged} (${unpackaged.length})`;
    parts.push(heading);
  }
  if (unpackaged.length > 0) {
    const list = document.createElement("ul");
    list.className = "small mb-0";
    list.dataset.field = "grid-unpackaged";
    list.append(...unpackaged.map((name) => {
      const li = document.createElement("li");
      li.textContent = name;
      return li;
    }));
    parts.push(list);
  }
  panel.replaceChildren(title, buttons, hint, ...parts);
  hint.hidden = true;
}

function draw(data) {
  Object.values(groups).forEach((group) => group.clearLayers());
  if (data.boundary.length > 2) {
    const outline = L.polygon(data.boundary.map(at), { renderer, color: "#13315c", weight: 2, fillColor: "#9ec5fe", fillOpacity: 0.15 });
    groups.outline.addLayer(outline);
    if (!fitted) {
      map.fitBounds(outline.getBounds(), { padding: [8, 8] });
      fitted = true;
    }
  }
  for (const cell of data.grids) {
    const selected = cell.code === selectedGrid;
    const polygon = L.polygon(cell.ring.map(at), {
      renderer, color: selected ? "#0d6efd" : "#13315c", weight: selected ? 3 : 1, fillColor: gridColour(cell), fillOpacity: 0.35,
    });
    polygon.bindTooltip(text(cell.enterprises === 0 ? cell.name : `${cell.name} · ${percent(cell.packaged, cell.enterprises)}`));
    polygon.on("click", () => {
      selectedGrid = cell.code;
      draw(data);
    });
    groups.grids.addLayer(polygon);
  }
  element.dataset.grids = String(data.grids.length);
  showGrid(data, data.grids.find((cell) => cell.code === selectedGrid));
  for (const e of data.enterprises) {
    const marker = e.p
      ? L.circleMarker(at(e.at), { renderer, radius: 2.5, stroke: false, fillColor: "#6c757d", fillOpacity: 0.55 })
      : L.circleMarker(at(e.at), { renderer, radius: 5, color: "#fff", weight: 1, fillColor: "#d63384", fillOpacity: 0.95 });
    marker.bindTooltip(text(e.n));
    (e.p ? groups.packaged : groups.unpackaged).addLayer(marker);
  }
  for (const s of data.stations) {
    // Its service circle (便民服务圈), when the station has one: which enterprises it reaches at a glance.
    if (s.r > 0) groups.stations.addLayer(L.circle(at(s.at), { renderer, radius: s.r, color: "#0d6efd", weight: 1, opacity: 0.45, dashArray: "4 4", fill: false, interactive: false }));
    groups.stations.addLayer(L.circleMarker(at(s.at), { renderer, radius: 7, color: "#fff", weight: 2, fillColor: "#0d6efd", fillOpacity: 1 })
      .bindTooltip(text(s.name)));
  }
  for (const a of data.appeals) {
    groups.appeals.addLayer(L.circleMarker(at(a.at), { renderer, radius: 6, color: "#212529", weight: 1, fillColor: lightColours[a.light] ?? lightColours.Green, fillOpacity: 1 })
      .bindTooltip(text(a.title)));
  }
  if (!fitted) {
    map.setView(data.stations[0] ? at(data.stations[0].at) : [0, 0], 12);
    fitted = true;
  }
  element.dataset.enterprises = String(data.enterprises.length);
  element.dataset.unpackaged = String(data.enterprises.filter((e) => !e.p).length);
  element.dataset.appeals = String(data.appeals.length);
  element.dataset.state = "ready";
}

async function loadMap() {
  const response = await fetch(element.dataset.mapUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    element.dataset.state = `error-${response.status}`;
    return;
  }
  draw(await response.json());
}

function refreshLive() {
  const live = document.getElementById("town-live");
  const query = new URLSearchParams({ ap: live?.dataset.appealsPage ?? "1", ep: live?.dataset.unpackagedPage ?? "1" });
  htmx.ajax("GET", `${element.dataset.liveUrl}?${query}`, { target: "#town-live", swap: "outerHTML" });
}

let epoch = null;
let shown = -1;
let pending = null;

function apply(update) {
  if (update.townCode !== townCode) return;
  if (update.epoch !== epoch) {
    epoch = update.epoch;
    shown = -1;
  }
  if (update.sequence <= shown) return;
  shown = update.sequence;
  element.dataset.liveSequence = String(update.sequence);
  // A burst of changes (a bulk import, a busy morning) becomes one re-fetch.
  clearTimeout(pending);
  pending = setTimeout(() => {
    refreshLive();
    loadMap();
  }, refreshDelayMs);
}

loadMap();
const live = connectLive((connection) => connection.invoke("SubscribeTown", townCode));
live.connection.on("Town", apply);
live.start();
