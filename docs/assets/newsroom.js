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

  function archiveMap(element) {
    var map = baseMap(element);
    fetch(element.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
      var bounds = [];
      data.features.forEach(function (f) {
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        bounds.push(ll);
        var link = document.createElement("a");
        link.href = element.dataset.root + f.properties.url;
        link.textContent = f.properties.name;  // text, never HTML
        L.marker(ll, { title: f.properties.name }).bindPopup(link).addTo(map);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6 }); else map.setView([20, 0], 2);
      element.dataset.markers = String(bounds.length);
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
