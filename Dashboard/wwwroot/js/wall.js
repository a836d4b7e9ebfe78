// The command-centre wall (/wall). The server rendered every figure; this module adds the Leaflet map
// and the ECharts rankings, applies pushes from the wall group, drops pushes older than what is shown
// (sequence numbers, per epoch), and re-reads /wall/snapshot after a reconnect or a server restart.
// Everything it keeps is bounded (feed items, pulses, one marker per project), so a wall can run for days.
import { connectLive } from "./live.js";
import { addBaseMap, projection } from "./basemap.js";

const root = document.getElementById("wall");
const text = JSON.parse(document.getElementById("wall-text").textContent);
const mapElement = document.getElementById("wall-map");
const feedList = root.querySelector('[data-field="feed"]');
const feedCapacity = Number(feedList.dataset.capacity) || 30;
const isChinese = document.documentElement.lang.startsWith("zh");
const timeZone = root.dataset.timeZone || "Asia/Shanghai";
const maxPulses = 12;

let state = JSON.parse(document.getElementById("wall-snapshot").textContent);
let epoch = state.epoch;
let figuresShown = state.sequence;
let feedShown = state.sequence;
let lastUpdate = new Date(state.at);

const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
const field = (name) => root.querySelector(`[data-field="${name}"]`);
const percent = (rate) => (rate * 100).toFixed(1);
// A rate is null when there is nothing to divide by: a dash, never a misleading 0.0% (or 100%).
const noRate = "\u2014";
const percentCell = (rate, reason) => (rate === null || rate === undefined ? [noRate, reason] : [`${percent(rate)}%`, ""]);
const count = (value) => value.toLocaleString("en-US");
const points = (value) => {
  const rounded = Math.round(value * 10) / 10;
  const magnitude = Math.abs(rounded).toFixed(1);
  return rounded > 0 ? `+${magnitude}` : rounded < 0 ? `\u2212${magnitude}` : magnitude;
};
const format = (template, ...args) => template.replace(/\{(\d)\}/g, (_, i) => args[Number(i)]);
const timeOfDay = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const setText = (name, value) => {
  const element = field(name);
  if (element && element.textContent !== value) element.textContent = value;
};

// ---- KPI tiles ------------------------------------------------------------------------------------
function applyFigures(f) {
  for (const name of ["closureRate", "onTimeRate", "satisfactionRate", "packagingCoverage"]) {
    const rate = f[name];
    const none = rate === null || rate === undefined;
    setText(name, none ? noRate : percent(rate));
    const bar = root.querySelector(`[data-bar="${name}"]`);
    if (bar) bar.style.width = `${none ? 0 : percent(Math.min(Math.max(rate, 0), 1))}%`;
    const tile = field(name)?.closest(".kpi");
    if (!tile) continue;
    const unit = tile.querySelector(".kpi-unit");
    if (unit) unit.hidden = none;
    tile.title = none ? tile.dataset.noneTitle ?? "" : "";
    if (tile.dataset.target) tile.dataset.state = none ? "none" : rate >= Number(tile.dataset.target) ? "good" : "warn";
  }
  setText("closureRateDetail", format(text.Kpi_ClosureDetail, count(f.appealsClosed), count(f.appealsReceived)));
  setText("packagingCoverageDetail", format(text.Kpi_CoverageDetail, count(f.packagedEnterprises), count(f.enterprises)));
  setText("openGreen", count(f.openGreen));
  setText("openYellow", count(f.openYellow));
  setText("openRed", count(f.openRed));
  const findings = f.integrityFindings ?? 0;
  setText("integrityFindings", count(findings));
  const integrity = field("integrityFindings")?.closest(".kpi-integrity");
  if (integrity) integrity.hidden = findings === 0;
  setText("projectsOnSchedule", count(f.projectsOnSchedule));
  setText("projectsBehindSchedule", count(f.projectsBehindSchedule));
  setText("investmentLeadPoints", points(f.investmentLeadPoints));
  setText("investmentCompletion", percent(f.investmentCompletion));
  setText("scheduleProgress", percent(f.scheduleProgress));
  field("investmentLeadPoints").closest(".kpi").dataset.state = f.investmentLeadPoints >= 0 ? "good" : "bad";
}

// ---- Ranking tables and charts ---------------------------------------------------------------------
function cell(tag, value, className, title) {
  const element = document.createElement(tag);
  element.textContent = value;
  if (className) element.className = className;
  if (title) element.title = title;
  if (tag === "th") element.scope = "row";
  return element;
}

function fillTable(body, rows, toCells) {
  const trs = rows.map((row) => {
    const tr = document.createElement("tr");
    tr.append(...toCells(row));
    return tr;
  });
  if (trs.length === 0) {
    const tr = document.createElement("tr");
    const td = cell("td", text.RankingEmpty, "empty");
    td.colSpan = 5;
    tr.append(td);
    trs.push(tr);
  }
  body.replaceChildren(...trs);
}

const rateCell = (rate, reason) => {
  const [value, title] = percentCell(rate, reason);
  return cell("td", value, "num", title);
};

const departmentName = (d) => (isChinese ? d.nameZh : d.nameEn);
const maxDepartments = Number(root.querySelector(".wall-ranking[data-max-rows]")?.dataset.maxRows) || 10;

function applyRankings(towns, departments) {
  fillTable(field("towns"), towns, (t) => [
    cell("td", String(t.rank)), cell("th", t.name), rateCell(t.closureRate, text.Rate_None_Received),
    rateCell(t.packagingCoverage, text.Rate_None_Enterprises), cell("td", count(t.openRed), t.openRed > 0 ? "num bad" : "num"),
  ]);
  const shown = departments.slice(0, maxDepartments);
  fillTable(field("departments"), shown, (d) => [
    cell("td", String(d.rank)), cell("th", departmentName(d)), rateCell(d.onTimeRate, text.Rate_None_Closed),
    rateCell(d.satisfactionRate, text.Rate_None_Rated), cell("td", count(d.overdue), d.overdue > 0 ? "num bad" : "num"),
  ]);
  drawRanking(townChart, towns.map((t) => t.name), [
    { name: text.Col_Closure, values: towns.map((t) => t.closureRate), color: ["#0ea5e9", "#22d3ee"] },
    { name: text.Col_Coverage, values: towns.map((t) => t.packagingCoverage), color: ["#0f766e", "#2dd4bf"] },
  ], towns.map((t) => t.openRed));
}

function makeChart(kind) {
  const holder = root.querySelector(`[data-chart="${kind}"]`);
  if (typeof echarts === "undefined" || !holder) return null;
  const div = document.createElement("div");
  div.className = "wall-echart";
  div.setAttribute("aria-hidden", "true");
  holder.append(div);
  holder.classList.add("has-chart");
  return echarts.init(div, null, { renderer: "canvas" });
}

const townChart = makeChart("towns");

// Bars glide to new values when changes are minutes apart; when they come seconds apart, animating
// would keep the main thread drawing frames all the time, so they jump.
const quietMs = 5000;
const lastDrawn = new Map();

function drawRanking(chart, names, series, redCounts) {
  if (!chart) return;
  const now = performance.now();
  const animate = now - (lastDrawn.get(chart) ?? -Infinity) > quietMs;
  lastDrawn.set(chart, now);
  const size = rem();
  const bar = (s) => ({
    name: s.name,
    type: "bar",
    // No rate: an empty bar still labelled "—", so the row does not look like a department with nothing to show.
    data: s.values.map((v) => (v === null || v === undefined ? 0 : v * 100)),
    barMaxWidth: size * (series.length > 1 ? 0.85 : 1.1),
    barGap: "15%",
    itemStyle: { borderRadius: [0, size * 0.2, size * 0.2, 0], color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: s.color[0] }, { offset: 1, color: s.color[1] }]) },
    label: { show: true, position: "right", color: "#e6eefc", fontSize: size * 0.92, formatter: s.label ?? ((p) => percentCell(s.values[p.dataIndex])[0]) },
    animationDuration: 600,
  });
  chart.setOption({
    animation: animate,
    animationDurationUpdate: 600,
    grid: { left: 0, right: size * 3.4, top: size * 1.7, bottom: 0, containLabel: true },
    legend: { top: 0, right: 0, textStyle: { color: "#b4c6e0", fontSize: size * 0.92 }, itemWidth: size, itemHeight: size * 0.6 },
    xAxis: { type: "value", max: 100, show: false },
    yAxis: {
      type: "category",
      inverse: true,
      data: names,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        fontSize: size,
        color: "#dbeafe",
        formatter: (value, index) => (redCounts[index] > 0 ? `${value}  {red|● ${redCounts[index]}}` : value),
        rich: { red: { color: "#f87171", fontSize: size * 0.92, fontWeight: "bold" } },
      },
    },
    series: series.map(bar),
  });
}

// ---- Map --------------------------------------------------------------------------------------------
// The map cycles the views a leader asks for: packaging coverage, red lights, projects behind schedule.
const modes = [
  { key: "coverage", value: (row) => row.packagingCoverage, label: (v) => percentCell(v)[0], single: (v) => percentCell(v)[0], range: (a, b) => `${percent(a)}–${percent(b)}%`, palette: ["#b45309", "#ca8a04", "#0e7490", "#0d9488"] },
  { key: "red", value: (row) => row.openRed, label: (v) => `${text.Col_Red} ${count(v)}`, single: count, range: (a, b) => `${count(a)}–${count(b)}`, palette: ["#1e3a5f", "#9a3412", "#dc2626", "#f87171"] },
  { key: "behind", value: (row) => row.projectsBehindSchedule, label: (v) => `${text.Projects_Behind} ${count(v)}`, single: count, range: (a, b) => `${count(a)}–${count(b)}`, palette: ["#1e3a5f", "#7c3aed", "#c026d3", "#f472b6"] },
];
let modeIndex = 0;
let scale = [];
let map = null;
let townLayer = null;
let townRows = new Map();
const markers = new Map();
const pulses = [];
const townLink = mapElement.dataset.townLink;
// WGS-84 points onto the base map's datum (shifted only for GCJ-02 tiles).
const project = projection(mapElement);

const stageColors = {
  Negotiation: "#94a3b8", Signed: "#a78bfa", Approval: "#60a5fa", Started: "#22d3ee",
  Building: "#2dd4bf", Completed: "#a3e635", InProduction: "#4ade80",
};

// Classes from the towns' own spread (quartiles; fewer when values repeat), so that towns that differ get different
// colours even when every town is between 95% and 97%. Higher is better for coverage, worse for the counts; the
// palettes run from the first to the last class either way.
function quantileScale(mode) {
  const values = [...townRows.values()].map(mode.value).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (values.length === 0) return [];
  const classes = mode.palette.length;
  const starts = [values[0]];
  for (let i = 1; i < classes; i++) {
    const q = values[Math.floor((i * values.length) / classes)];
    if (q > starts.at(-1)) starts.push(q);
  }
  return starts.map((from, i) => {
    const members = values.filter((v) => v >= from && (i + 1 === starts.length || v < starts[i + 1]));
    const color = mode.palette[Math.round((i * (classes - 1)) / Math.max(1, starts.length - 1))];
    return { from, min: members[0], max: members.at(-1), color };
  });
}

function classOf(value) {
  if (value === null || value === undefined || scale.length === 0) return null;
  return scale.findLast((c) => value >= c.from) ?? scale[0];
}

function townStyle(feature) {
  const row = townRows.get(feature.properties.code);
  const fill = row ? classOf(modes[modeIndex].value(row))?.color ?? "#1e293b" : "#1e293b";
  return { color: "#7dd3fc", weight: Math.max(1, rem() * 0.1), opacity: 0.8, fillColor: fill, fillOpacity: 0.6 };
}

function townLabel(code, name) {
  const row = townRows.get(code);
  const label = document.createElement("span");
  label.textContent = name;
  const small = document.createElement("span");
  small.className = "town-figure";
  small.textContent = row ? modes[modeIndex].label(modes[modeIndex].value(row)) : "";
  label.append(small);
  return label;
}

function drawLegend() {
  const mode = modes[modeIndex];
  field("legend").replaceChildren(...scale.map((c) => {
    const span = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = c.color;
    span.append(swatch, mode.single(c.min) === mode.single(c.max) ? mode.single(c.min) : mode.range(c.min, c.max));
    return span;
  }));
  setText("mapMode", mapElement.dataset[`mode${mode.key[0].toUpperCase()}${mode.key.slice(1)}`]);
  root.dataset.mapMode = mode.key;
}

// Where a town's name goes: the inside point farthest from its edges (sampled on a grid), not the area centroid, which
// for two narrow neighbouring sectors lies so close that their names overlap.
function labelPoint(ring) {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const kx = Math.cos(((minY + maxY) / 2) * (Math.PI / 180));
  const inside = (x, y) => {
    let result = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
    return result;
  };
  const edgeDistance = (x, y) => {
    let best = Infinity;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay, bx, by] = [ring[j][0] * kx, ring[j][1], ring[i][0] * kx, ring[i][1]];
      const [px, py] = [x * kx, y];
      const length = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length));
      best = Math.min(best, Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))));
    }
    return best;
  };
  const steps = 24;
  let point = [(minY + maxY) / 2, (minX + maxX) / 2];
  let farthest = -1;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const x = minX + ((maxX - minX) * i) / steps;
      const y = minY + ((maxY - minY) * j) / steps;
      if (!inside(x, y)) continue;
      const distance = edgeDistance(x, y);
      if (distance > farthest) [farthest, point] = [distance, [y, x]];
    }
  }
  return point;
}

// Names of small neighbouring towns can still collide: a label that overlaps one placed before it moves up or down,
// whichever is the shorter way to a free place, so that every name stays readable.
function declutterLabels() {
  const labels = [...mapElement.querySelectorAll(".wall-town-label")];
  labels.forEach((label) => (label.style.marginTop = "0px"));
  const placed = [];
  const collides = (r, shift) => placed.some((o) => r.left < o.right && o.left < r.right && r.top + shift < o.bottom && o.top < r.bottom + shift);
  for (const { l, r } of labels.map((l) => ({ l, r: l.getBoundingClientRect() })).sort((a, b) => a.r.top - b.r.top)) {
    const candidates = [0, ...placed.flatMap((o) => [o.bottom - r.top, o.top - r.bottom])].sort((a, b) => Math.abs(a) - Math.abs(b));
    const shift = candidates.find((candidate) => !collides(r, candidate)) ?? 0;
    l.style.marginTop = `${shift}px`;
    placed.push({ left: r.left, right: r.right, top: r.top + shift, bottom: r.bottom + shift });
  }
}

function drawTowns(shapes) {
  if (!map) return;
  townLayer?.remove();
  const features = shapes.filter((s) => s.ring.length >= 4).map((s) => ({
    type: "Feature",
    properties: { code: s.code, name: s.name },
    geometry: { type: "Polygon", coordinates: [s.ring.map(([longitude, latitude]) => project(latitude, longitude).reverse())] },
  }));
  scale = quantileScale(modes[modeIndex]);
  // A signed-in leader opens a town's page from the map; a kiosk has nobody to click.
  townLayer = L.geoJSON({ type: "FeatureCollection", features }, { style: townStyle, interactive: Boolean(townLink) }).addTo(map);
  if (townLink) {
    townLayer.eachLayer((layer) => layer.on("click", () => location.assign(townLink.replace("{code}", encodeURIComponent(layer.feature.properties.code)))));
  }
  townLayer.eachLayer((layer) => {
    layer.bindTooltip(townLabel(layer.feature.properties.code, layer.feature.properties.name),
      { permanent: true, direction: "center", className: "wall-town-label", interactive: false });
    layer.openTooltip(labelPoint(layer.feature.geometry.coordinates[0]));
  });
  const bounds = townLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [rem() * 0.6, rem() * 0.6], animate: false });
  else if (state.profile.latitude || state.profile.longitude) map.setView(project(state.profile.latitude, state.profile.longitude), 11);
  declutterLabels();
}

function recolourTowns() {
  scale = quantileScale(modes[modeIndex]);
  if (!townLayer) {
    drawLegend();
    return;
  }
  townLayer.setStyle(townStyle);
  townLayer.eachLayer((layer) => layer.setTooltipContent(townLabel(layer.feature.properties.code, layer.feature.properties.name)));
  declutterLabels();
  drawLegend();
}

function drawMarkers(list) {
  if (!map) return;
  const size = rem();
  const seen = new Set();
  for (const m of list) {
    seen.add(m.code);
    const style = {
      radius: size * (m.behindSchedule ? 0.55 : 0.45),
      fillColor: stageColors[m.stage] ?? "#e2e8f0",
      fillOpacity: 0.95,
      color: m.behindSchedule ? "#ef4444" : "#0b1220",
      weight: m.behindSchedule ? size * 0.22 : size * 0.08,
    };
    const existing = markers.get(m.code);
    const at = project(m.latitude, m.longitude);
    if (existing) {
      existing.setLatLng(at);
      existing.setStyle(style);
      existing.setRadius(style.radius);
    } else {
      markers.set(m.code, L.circleMarker(at, { ...style, interactive: false }).addTo(map));
    }
  }
  for (const [code, marker] of markers) {
    if (!seen.has(code)) {
      marker.remove();
      markers.delete(code);
    }
  }
}

function pulseAt(latitude, longitude) {
  if (!map || latitude == null || longitude == null) return;
  const size = rem() * 4;
  const pulse = L.marker(project(latitude, longitude), {
    icon: L.divIcon({ className: "wall-pulse", html: "<span></span><span></span>", iconSize: [size, size] }),
    interactive: false,
    keyboard: false,
    title: mapElement.dataset.newAppeal,
  }).addTo(map);
  pulses.push(pulse);
  while (pulses.length > maxPulses) pulses.shift().remove();
  setTimeout(() => {
    pulse.remove();
    const index = pulses.indexOf(pulse);
    if (index >= 0) pulses.splice(index, 1);
  }, 6000);
}

function initMap() {
  if (typeof L === "undefined") return;
  map = L.map(mapElement, {
    zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false,
    boxZoom: false, keyboard: false, touchZoom: false, zoomSnap: 0.1,
    // Nobody zooms a wall: without animations a resize or a re-fit redraws in one frame.
    zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false,
  });
  if (mapElement.dataset.tileUrl) L.control.attribution({ prefix: false }).addTo(map);
  addBaseMap(map, mapElement);
  const seconds = Math.max(5, Number(mapElement.dataset.rotationSeconds) || 20);
  setInterval(() => {
    modeIndex = (modeIndex + 1) % modes.length;
    recolourTowns();
  }, seconds * 1000);
  new ResizeObserver(() => {
    map.invalidateSize();
    const bounds = townLayer?.getBounds();
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [rem() * 0.6, rem() * 0.6], animate: false });
    declutterLabels();
  }).observe(mapElement);
}

// ---- Feed -------------------------------------------------------------------------------------------
// As WallFeedList.razor draws it: when, what and who on the first line; category, subject and town on the second.
const inLanguage = (name) => (name ? (isChinese ? name.zh : name.en) : "");

function feedItem(item, isNew) {
  const li = document.createElement("li");
  li.className = `feed-item kind-${item.kind}${isNew ? " is-new" : ""}`;
  li.dataset.sequence = String(item.sequence);
  const head = cell("p", "", "feed-head");
  const time = document.createElement("time");
  time.dateTime = item.at;
  time.textContent = timeOfDay.format(new Date(item.at));
  head.append(time, cell("span", text[`Event_${item.kind}`] ?? item.kind, "feed-kind"));
  if (item.actor) head.append(cell("span", inLanguage(item.actor), "feed-actor"));
  const body = [inLanguage(item.category), item.title, item.townName].filter((part) => part && part.trim()).join(" · ");
  li.append(head, cell("p", body, "feed-body"));
  return li;
}

function renderFeed(items) {
  if (items.length === 0) {
    feedList.replaceChildren(cell("li", text.FeedEmpty, "feed-empty"));
    return;
  }
  feedList.replaceChildren(...items.slice(0, feedCapacity).map((item) => feedItem(item, false)));
  fitFeed();
}

// Only whole items: one that would be cut off at the bottom of the panel is hidden until there is room for it. All
// reads come after all writes, so a push costs one layout, not one per item.
function fitFeed() {
  const items = [...feedList.children];
  for (const item of items) item.hidden = false;
  const bottom = feedList.getBoundingClientRect().bottom;
  const cut = items.filter((item) => item.getBoundingClientRect().bottom > bottom + 1);
  for (const item of cut) item.hidden = true;
}

// ---- Pushes -----------------------------------------------------------------------------------------
// Feed items are put into the page once per frame: a burst becomes one insertion and one repaint, and only its
// newest few arrivals pulse on the map.
const maxPulsesPerFrame = 3;
let feedQueue = [];

// A hidden page gets no animation frames; it still keeps up, a little later.
const nextFrame = (draw) => (document.hidden ? setTimeout(draw, 250) : requestAnimationFrame(draw));

function onFeed(push) {
  if (push.epoch !== epoch) {
    refetch();
    return;
  }
  const item = push.item;
  if (item.sequence <= feedShown) return;
  feedShown = item.sequence;
  feedQueue.push(item);
  if (feedQueue.length === 1) nextFrame(drawFeed);
}

function drawFeed() {
  const items = feedQueue;
  feedQueue = [];
  if (items.length === 0) return;
  feedList.querySelector(".feed-empty")?.remove();
  feedList.prepend(...items.slice(-feedCapacity).reverse().map((item) => feedItem(item, true)));
  lastUpdate = new Date();
  while (feedList.children.length > feedCapacity) feedList.lastElementChild.remove();
  fitFeed();
  items.filter((item) => item.kind === "AppealReceived").slice(-maxPulsesPerFrame)
    .forEach((item) => pulseAt(item.latitude, item.longitude));
  root.dataset.sequence = String(Math.max(feedShown, figuresShown));
}

// Figures may arrive many times a second on a busy day: only the newest is drawn, once per frame, and
// the towns, rankings and charts only when they changed, so the feed never waits behind redraws.
let pendingFigures = null;
let rankingsKey = "";

function onFigures(update) {
  if (update.epoch !== epoch) {
    refetch();
    return;
  }
  if (update.sequence <= (pendingFigures?.sequence ?? figuresShown)) return;
  const scheduled = pendingFigures !== null;
  pendingFigures = update;
  if (scheduled) return;
  nextFrame(() => {
    const latest = pendingFigures;
    pendingFigures = null;
    if (latest && latest.epoch === epoch && latest.sequence > figuresShown) drawFigures(latest);
  });
}

function drawFigures(update) {
  figuresShown = update.sequence;
  lastUpdate = new Date();
  applyFigures(update.figures);
  state.towns = update.towns;
  state.departments = update.departments;
  const key = JSON.stringify([update.towns, update.departments]);
  if (key !== rankingsKey) {
    rankingsKey = key;
    townRows = new Map(update.towns.map((t) => [t.code, t]));
    recolourTowns();
    applyRankings(update.towns, update.departments);
  }
  if (update.markers) {
    state.markers = update.markers;
    drawMarkers(update.markers);
  }
  root.dataset.sequence = String(Math.max(feedShown, figuresShown));
}

function applySnapshot(snapshot, first) {
  state = snapshot;
  lastUpdate = new Date(snapshot.at);
  epoch = snapshot.epoch;
  figuresShown = snapshot.sequence;
  feedShown = snapshot.sequence;
  root.dataset.epoch = snapshot.epoch;
  root.dataset.sequence = String(snapshot.sequence);
  root.dataset.available = String(snapshot.isAvailable);
  root.querySelector(".wall-unavailable")?.toggleAttribute("hidden", snapshot.isAvailable);
  pendingFigures = null;
  feedQueue = [];
  rankingsKey = JSON.stringify([snapshot.towns, snapshot.departments]);
  townRows = new Map(snapshot.towns.map((t) => [t.code, t]));
  if (!first) {
    applyFigures(snapshot.figures);
    renderFeed(snapshot.feed);
  }
  applyRankings(snapshot.towns, snapshot.departments);
  drawTowns(snapshot.townShapes);
  drawLegend();
  drawMarkers(snapshot.markers);
  if (!snapshot.isAvailable) setTimeout(refetch, 10000);
}

let refetching = null;
function refetch() {
  refetching ??= (async () => {
    try {
      const response = await fetch("/wall/snapshot", { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
      if (response.status === 401 || response.status === 403) {
        // Signed out or the wall token was revoked: the page itself will say so.
        location.reload();
        return;
      }
      if (response.ok) applySnapshot(await response.json(), false);
    } catch (error) {
      console.warn("wall snapshot failed", error);
      setTimeout(refetch, 5000);
    } finally {
      refetching = null;
    }
  })();
  return refetching;
}

function tickClock() {
  setText("clock", timeOfDay.format(new Date()));
}

initMap();
applySnapshot(state, true);
fitFeed();
tickClock();
setInterval(tickClock, 1000);
// Sizes are drawn in rem, which follows the viewport width: redraw everything sized on a resize.
window.addEventListener("resize", () => {
  fitFeed();
  townChart?.resize();
  applyRankings(state.towns, state.departments);
  recolourTowns();
  drawMarkers(state.markers);
});

// ---- Connection -----------------------------------------------------------------------------------
// While the connection is down the whole wall says so: a banner across it with the time of the last update, and the
// figures dimmed (wall.css), so that nobody reads stale figures as live. It clears itself once reconnected.

function showConnection(connectionState) {
  const offline = connectionState === "disconnected";
  root.dataset.live = connectionState;
  if (offline) setText("lastUpdate", timeOfDay.format(lastUpdate));
  field("offline").hidden = !offline;
}

let connectedOnce = false;
const live = connectLive(async (connection) => {
  await connection.invoke("SubscribeWall");
  // Pushes were missed while disconnected: the snapshot says where to continue.
  if (connectedOnce) await refetch();
  connectedOnce = true;
}, showConnection);
live.connection.on("WallFeed", onFeed);
live.connection.on("WallFigures", onFigures);
live.start();
