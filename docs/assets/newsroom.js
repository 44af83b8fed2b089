// Maps (Leaflet, vendored under assets/vendor/leaflet) and the search page (Pagefind UI).
// Pages work without this script: coordinates and lists are always in the HTML.
(function () {
  "use strict";
  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var ATTRIBUTION = "&copy; OpenStreetMap contributors";

  function baseMap(element) {
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(TILES, { maxZoom: 18, attribution: ATTRIBUTION }).addTo(map);
    return map;
  }

  function placeMap(element) {
    var lat = parseFloat(element.dataset.lat), lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) return;
    var map = baseMap(element);
    map.setView([lat, lon], parseInt(element.dataset.zoom || "7", 10));
    L.marker([lat, lon], { title: element.dataset.name || "" }).addTo(map);
  }

  function popupLink(element, url, text) {
    var link = document.createElement("a");
    link.href = element.dataset.root + url;
    link.textContent = text;  // text, never HTML
    return link;
  }

  function archiveMap(element) {
    var map = baseMap(element);
    var types = (element.dataset.types || "").split("|");
    var places = L.layerGroup().addTo(map), events = L.layerGroup().addTo(map);
    L.control.layers(null, { "Events": events, "Places": places }, { collapsed: false }).addTo(map);
    var json = function (src) { return fetch(src).then(function (r) { return r.json(); }); };
    Promise.all([json(element.dataset.src), json(element.dataset.events)]).then(function (data) {
      var bounds = [];
      data[0].features.forEach(function (f) {
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        bounds.push(ll);
        L.marker(ll, { title: f.properties.name })
          .bindPopup(popupLink(element, f.properties.url, f.properties.name)).addTo(places);
      });
      data[1].features.forEach(function (f) {
        var p = f.properties, ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var label = (p.sub_type || p.type) + " in " + p.place + (p.date ? ", " + p.date : "");
        L.circleMarker(ll, { radius: 6, weight: 1, fillOpacity: 0.8,
                             className: "nr-event-dot nr-dot-" + (types.indexOf(p.type) + 1) })
          .bindPopup(popupLink(element, p.url, label)).addTo(events);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 }); else map.setView([20, 0], 2);
      element.dataset.markers = String(bounds.length);
      element.dataset.eventDots = String(data[1].features.length);
    });
  }

  function search(element) {
    if (typeof PagefindUI === "undefined") return;
    new PagefindUI({ element: element, showSubResults: true, resetStyles: false });
  }

  function init() {
    if (window.L) {
      document.querySelectorAll(".nr-map").forEach(placeMap);
      document.querySelectorAll(".nr-archive-map").forEach(archiveMap);
    }
    document.querySelectorAll("#nr-search").forEach(search);
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
