// The base map shared by the wall and the town page: the configured tile layer (none by default, so that nothing is
// asked of the internet), and the projection of the district's WGS-84 points onto it. GCJ-02 tiles (高德, 腾讯) are
// drawn a few hundred metres off true positions inside China, so points are shifted onto them; WGS-84 and CGCS2000
// tiles (天地图) take the points as they are. The map element carries the settings as data attributes (BaseMapOptions).

export function addBaseMap(map, element) {
  const d = element.dataset;
  if (!d.tileUrl) return false;
  L.tileLayer(d.tileUrl, { tk: d.tk ?? "", subdomains: d.subdomains || "abc", attribution: d.attribution ?? "", maxZoom: 18 }).addTo(map);
  return true;
}

// (latitude, longitude) in WGS-84 → [latitude, longitude] for the map's tiles.
export function projection(element) {
  return element.dataset.crs === "GCJ02" ? wgs84ToGcj02 : (latitude, longitude) => [latitude, longitude];
}

// The published GCJ-02 transform (no inverse is needed: the product stores WGS-84 only). Outside China it is the identity.
const a = 6378245.0;
const ee = 0.00669342162296594323;

export function wgs84ToGcj02(latitude, longitude) {
  if (longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271) return [latitude, longitude];
  const x = longitude - 105.0;
  const y = latitude - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320.0 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLng += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLng += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (latitude / 180.0) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [latitude + dLat, longitude + dLng];
}
