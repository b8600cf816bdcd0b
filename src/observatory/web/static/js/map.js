/* Incident map: vendored Leaflet over a vendored Natural Earth basemap; no tile server, no network.
   Incidents come from the page itself (<script type="application/json" id="map-data">) and every
   string from the data is put into the page with textContent, never as HTML. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("map-data");
  if (!el || !dataEl || typeof L === "undefined") { return; }
  var points = JSON.parse(dataEl.textContent || "[]");
  var GRADE_COLORS = {
    confirmed: "#1b5e20", fair: "#1f5fa8", weak: "#8d6e00", contested: "#b3261e", single_source: "#6a1b9a"
  };

  var map = L.map(el, { minZoom: 1, maxZoom: 11, zoomSnap: 0.5, worldCopyJump: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Basemap: Natural Earth");

  // Rings that cross the antimeridian (Fiji, Chukotka) jump from +180 to -180; shifting each
  // point to within 180 degrees of the previous one keeps the polygon whole instead of drawing a
  // stripe across the whole map.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      while (ring[i][0] - ring[i - 1][0] > 180) { ring[i][0] -= 360; }
      while (ring[i][0] - ring[i - 1][0] < -180) { ring[i][0] += 360; }
    }
  }
  function unwrap(geometry) {
    if (!geometry) { return; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    polygons.forEach(function (polygon) { polygon.forEach(unwrapRing); });
  }

  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      land.features.forEach(function (f) { unwrap(f.geometry); });
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#9aa5b1", weight: 0.7, fillColor: "#eef0e6", fillOpacity: 1 }
      }).addTo(map).bringToBack();
    })
    .catch(function (err) { console.warn("basemap not loaded:", err); });

  function popup(p) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = p.url;
    link.textContent = p.title;
    link.className = "popup-title";
    box.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "popup-meta";
    var killed = p.killed.toLocaleString("en-US");
    if (p.killed_low !== p.killed_high) {
      killed += " (low " + p.killed_low.toLocaleString("en-US") + " – high " + p.killed_high.toLocaleString("en-US") + ")";
    }
    meta.textContent = [p.date || "undated", p.place || "", "killed: " + killed, "grade: " + p.grade.replace("_", " ")]
      .filter(Boolean).join(" · ");
    box.appendChild(meta);
    return box;
  }

  var maxKilled = points.reduce(function (m, p) { return Math.max(m, p.killed); }, 1);
  var layer = L.featureGroup();
  points.forEach(function (p) {
    // Area, not radius, is proportional to the toll, so large tolls do not look larger than they are.
    var radius = 5 + 25 * Math.sqrt(p.killed / maxKilled);
    var color = GRADE_COLORS[p.grade] || "#37474f";
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: radius, color: color, weight: 1.5, fillColor: color, fillOpacity: 0.45
    });
    marker.bindPopup(popup(p));
    var tip = document.createElement("span");
    tip.textContent = p.title;
    marker.bindTooltip(tip, { direction: "top" });
    marker.options.incidentId = p.id;
    layer.addLayer(marker);
  });
  layer.addTo(map);

  if (points.length) {
    map.fitBounds(layer.getBounds().pad(0.6), { maxZoom: points.length === 1 ? 5 : 7 });
  } else {
    map.setView([25, 15], 2);
  }
  el.dataset.markers = String(points.length);
  window.observatoryMap = map;
})();
