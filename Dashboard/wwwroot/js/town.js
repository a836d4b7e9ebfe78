// Town-centre page (/towns/{code}): draws the town's grid from map.json with Leaflet on one canvas (a town has
// about 1,200 enterprises, too many for DOM markers), subscribes to the town's live group and, when something
// changes in the town, re-fetches the figures/appeals fragment with htmx and the map points. Updates whose
// sequence is not newer than the last applied (same epoch) are dropped.
import { connectLive } from "./live.js";

const element = document.getElementById("town-map");
const townCode = element.dataset.town;
const lightColours = { Red: "#dc3545", Yellow: "#f0ad00", Green: "#198754" };
const refreshDelayMs = 400;

const map = L.map(element, { preferCanvas: true, zoomSnap: 0.25, attributionControl: Boolean(element.dataset.tileUrl) });
const renderer = L.canvas({ padding: 0.5 });
if (element.dataset.tileUrl) {
  L.tileLayer(element.dataset.tileUrl, { maxZoom: 18 }).addTo(map);
}

const groups = {
  outline: L.layerGroup().addTo(map),
  packaged: L.layerGroup().addTo(map),
  unpackaged: L.layerGroup().addTo(map),
  stations: L.layerGroup().addTo(map),
  appeals: L.layerGroup().addTo(map),
};
L.control.layers(null, {
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

function draw(data) {
  Object.values(groups).forEach((group) => group.clearLayers());
  if (data.boundary.length > 2) {
    const outline = L.polygon(data.boundary, { renderer, color: "#13315c", weight: 2, fillColor: "#9ec5fe", fillOpacity: 0.15 });
    groups.outline.addLayer(outline);
    if (!fitted) {
      map.fitBounds(outline.getBounds(), { padding: [8, 8] });
      fitted = true;
    }
  }
  for (const e of data.enterprises) {
    const marker = e.p
      ? L.circleMarker(e.at, { renderer, radius: 2.5, stroke: false, fillColor: "#6c757d", fillOpacity: 0.55 })
      : L.circleMarker(e.at, { renderer, radius: 5, color: "#fff", weight: 1, fillColor: "#d63384", fillOpacity: 0.95 });
    marker.bindTooltip(text(e.n));
    (e.p ? groups.packaged : groups.unpackaged).addLayer(marker);
  }
  for (const s of data.stations) {
    groups.stations.addLayer(L.circleMarker(s.at, { renderer, radius: 7, color: "#fff", weight: 2, fillColor: "#0d6efd", fillOpacity: 1 })
      .bindTooltip(text(s.name)));
  }
  for (const a of data.appeals) {
    groups.appeals.addLayer(L.circleMarker(a.at, { renderer, radius: 6, color: "#212529", weight: 1, fillColor: lightColours[a.light] ?? lightColours.Green, fillOpacity: 1 })
      .bindTooltip(text(a.title)));
  }
  if (!fitted) {
    map.setView(data.stations[0]?.at ?? [0, 0], 12);
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
