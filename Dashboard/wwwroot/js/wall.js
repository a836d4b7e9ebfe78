// The command-centre wall (/wall). The server rendered every figure; this module adds the Leaflet map
// and the ECharts rankings, applies pushes from the wall group, drops pushes older than what is shown
// (sequence numbers, per epoch), and re-reads /wall/snapshot after a reconnect or a server restart.
// Everything it keeps is bounded (feed items, pulses, one marker per project), so a wall can run for days.
import { connectLive } from "./live.js";

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
const maxDepartments = Number(root.querySelector('[data-chart="departments"]').dataset.maxRows) || 10;

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
  // One bar per department (按时办结率) keeps ten rows readable from afar; 满意率 rides in its label.
  drawRanking(departmentChart, shown.map((d) => `${d.rank}  ${departmentName(d)}`), [
    {
      name: text.Col_OnTime,
      values: shown.map((d) => d.onTimeRate),
      color: ["#2563eb", "#60a5fa"],
      label: (p) => `${percentCell(shown[p.dataIndex].onTimeRate)[0]}  ${text.Col_Satisfaction} ${percentCell(shown[p.dataIndex].satisfactionRate)[0]}`,
    },
  ], shown.map((d) => d.overdue));
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
const departmentChart = makeChart("departments");

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
    barMaxWidth: size * (series.length > 1 ? 0.8 : 1.1),
    barGap: "15%",
    itemStyle: { borderRadius: [0, size * 0.2, size * 0.2, 0], color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: s.color[0] }, { offset: 1, color: s.color[1] }]) },
    label: { show: true, position: "right", color: "#e6eefc", fontSize: size * 0.85, formatter: s.label ?? ((p) => percentCell(s.values[p.dataIndex])[0]) },
    animationDuration: 600,
  });
  chart.setOption({
    animation: animate,
    animationDurationUpdate: 600,
    grid: { left: 0, right: size * (series.length > 1 ? 3.6 : 9.5), top: size * 2, bottom: 0, containLabel: true },
    legend: { top: 0, right: 0, textStyle: { color: "#8ea6c8", fontSize: size * 0.85 }, itemWidth: size, itemHeight: size * 0.6 },
    xAxis: { type: "value", max: 100, show: false },
    yAxis: {
      type: "category",
      inverse: true,
      data: names,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        fontSize: size * 0.95,
        color: "#dbeafe",
        formatter: (value, index) => (redCounts[index] > 0 ? `${value}  {red|● ${redCounts[index]}}` : value),
        rich: { red: { color: "#f87171", fontSize: size * 0.85, fontWeight: "bold" } },
      },
    },
    series: series.map(bar),
  });
}

// ---- Map --------------------------------------------------------------------------------------------
const modes = ["coverage", "red"];
let modeIndex = 0;
let map = null;
let townLayer = null;
let townRows = new Map();
const markers = new Map();
const pulses = [];

const stageColors = {
  Negotiation: "#94a3b8", Signed: "#a78bfa", Approval: "#60a5fa", Started: "#22d3ee",
  Building: "#2dd4bf", Completed: "#a3e635", InProduction: "#4ade80",
};
const coverageScale = [[0.6, "#b91c1c"], [0.8, "#d97706"], [0.9, "#0e7490"], [Infinity, "#0d9488"]];
const redScale = [[1, "#1e3a5f"], [3, "#9a3412"], [6, "#dc2626"], [Infinity, "#ef4444"]];
const pick = (scale, value) => scale.find(([limit]) => value < limit)[1];

function townStyle(feature) {
  const row = townRows.get(feature.properties.code);
  const mode = modes[modeIndex];
  const fill = !row || (mode === "coverage" && row.packagingCoverage === null) ? "#1e293b"
    : mode === "coverage" ? pick(coverageScale, row.packagingCoverage) : pick(redScale, row.openRed);
  return { color: "#7dd3fc", weight: Math.max(1, rem() * 0.1), opacity: 0.8, fillColor: fill, fillOpacity: 0.55 };
}

function townLabel(code, name) {
  const row = townRows.get(code);
  const figure = !row ? "" : modes[modeIndex] === "coverage" ? percentCell(row.packagingCoverage)[0] : `${text.Col_Red} ${count(row.openRed)}`;
  const label = document.createElement("span");
  label.textContent = name;
  const small = document.createElement("span");
  small.className = "town-figure";
  small.textContent = figure;
  label.append(small);
  return label;
}

function drawLegend() {
  const legend = field("legend");
  const mode = modes[modeIndex];
  const entries = mode === "coverage"
    ? [["<60%", coverageScale[0][1]], ["60–80%", coverageScale[1][1]], ["80–90%", coverageScale[2][1]], ["≥90%", coverageScale[3][1]]]
    : [["0", redScale[0][1]], ["1–2", redScale[1][1]], ["3–5", redScale[2][1]], ["≥6", redScale[3][1]]];
  legend.replaceChildren(...entries.map(([label, color]) => {
    const span = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = color;
    span.append(swatch, label);
    return span;
  }));
  setText("mapMode", mapElement.dataset[mode === "coverage" ? "modeCoverage" : "modeRed"]);
}

function drawTowns(shapes) {
  if (!map) return;
  townLayer?.remove();
  const features = shapes.filter((s) => s.ring.length >= 4).map((s) => ({
    type: "Feature",
    properties: { code: s.code, name: s.name },
    geometry: { type: "Polygon", coordinates: [s.ring] },
  }));
  townLayer = L.geoJSON({ type: "FeatureCollection", features }, { style: townStyle, interactive: false }).addTo(map);
  townLayer.eachLayer((layer) => layer.bindTooltip(townLabel(layer.feature.properties.code, layer.feature.properties.name),
    { permanent: true, direction: "center", className: "wall-town-label", interactive: false }));
  const bounds = townLayer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [rem() * 1.5, rem() * 1.5], animate: false });
  else if (state.profile.latitude || state.profile.longitude) map.setView([state.profile.latitude, state.profile.longitude], 11);
}

function recolourTowns() {
  if (!townLayer) return;
  townLayer.setStyle(townStyle);
  townLayer.eachLayer((layer) => layer.setTooltipContent(townLabel(layer.feature.properties.code, layer.feature.properties.name)));
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
    if (existing) {
      existing.setLatLng([m.latitude, m.longitude]);
      existing.setStyle(style);
      existing.setRadius(style.radius);
    } else {
      markers.set(m.code, L.circleMarker([m.latitude, m.longitude], { ...style, interactive: false }).addTo(map));
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
  const pulse = L.marker([latitude, longitude], {
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
  const tileUrl = mapElement.dataset.tileUrl;
  if (tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(tileUrl, {
      tk: mapElement.dataset.tk ?? "",
      subdomains: mapElement.dataset.subdomains || "abc",
      attribution: mapElement.dataset.attribution ?? "",
      maxZoom: 18,
    }).addTo(map);
  }
  const seconds = Math.max(5, Number(mapElement.dataset.rotationSeconds) || 20);
  setInterval(() => {
    modeIndex = (modeIndex + 1) % modes.length;
    recolourTowns();
  }, seconds * 1000);
  new ResizeObserver(() => {
    map.invalidateSize();
    const bounds = townLayer?.getBounds();
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [rem() * 1.5, rem() * 1.5], animate: false });
  }).observe(mapElement);
}

// ---- Feed -------------------------------------------------------------------------------------------
function feedItem(item, isNew) {
  const li = document.createElement("li");
  li.className = `feed-item kind-${item.kind}${isNew ? " is-new" : ""}`;
  li.dataset.sequence = String(item.sequence);
  const time = document.createElement("time");
  time.dateTime = item.at;
  time.textContent = timeOfDay.format(new Date(item.at));
  const kind = cell("span", text[`Event_${item.kind}`] ?? item.kind, "feed-kind");
  li.append(time, kind, cell("span", item.townName, "feed-town"), cell("span", item.title, "feed-title"));
  return li;
}

function renderFeed(items) {
  if (items.length === 0) {
    feedList.replaceChildren(cell("li", text.FeedEmpty, "feed-empty"));
    return;
  }
  feedList.replaceChildren(...items.slice(0, feedCapacity).map((item) => feedItem(item, false)));
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
  while (feedList.children.length > feedCapacity) feedList.lastElementChild.remove();
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
tickClock();
setInterval(tickClock, 1000);
// Sizes are drawn in rem, which follows the viewport width: redraw everything sized on a resize.
window.addEventListener("resize", () => {
  townChart?.resize();
  departmentChart?.resize();
  applyRankings(state.towns, state.departments);
  recolourTowns();
  drawMarkers(state.markers);
});

let connectedOnce = false;
const live = connectLive(async (connection) => {
  await connection.invoke("SubscribeWall");
  // Pushes were missed while disconnected: the snapshot says where to continue.
  if (connectedOnce) await refetch();
  connectedOnce = true;
});
live.connection.on("WallFeed", onFeed);
live.connection.on("WallFigures", onFigures);
live.start();
