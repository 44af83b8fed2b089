// Maps (Leaflet, vendored under assets/vendor/leaflet) and the search page (Pagefind's JS API).
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

  // The search page: Pagefind's JavaScript API with filters loaded only when set.
  function search(form) {
    var root = new URL(form.dataset.root, document.baseURI);
    var input = form.querySelector("#nr-q");
    var status = document.querySelector(".nr-search-status");
    var list = document.querySelector(".nr-results");
    var panel = form.querySelector(".nr-search-filters");
    var pagefind = null, latest = 0, PAGE = 10;

    function option(parent, type, value) {
      if (type === "checkbox") {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox"; box.value = value;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " "));
        parent.appendChild(label);
      } else {
        var item = document.createElement("option");
        item.value = value; item.textContent = value;
        parent.appendChild(item);
      }
    }

    panel.addEventListener("toggle", function () {
      if (!panel.open || panel.dataset.loaded) return;
      panel.dataset.loaded = "loading";
      fetch(form.dataset.facets).then(function (r) { return r.json(); }).then(function (facets) {
        form.querySelectorAll("[data-type=checkbox]").forEach(function (box) {
          var values = facets[box.dataset.filter] || [];
          if (box.dataset.any && values.length) option(box, "checkbox", box.dataset.any);
          values.forEach(function (v) { option(box, "checkbox", v); });
        });
        (facets.year || []).forEach(function (v) { option(form.querySelector("#nr-year"), "option", v); });
        (facets.actor || []).forEach(function (v) { option(form.querySelector("#nr-actors"), "option", v); });
        (facets.place || []).forEach(function (v) { option(form.querySelector("#nr-places"), "option", v); });
        panel.dataset.loaded = "yes";
      });
    });

    // Boxes ticked in one group widen it (any of them); groups and fields narrow (all).
    function chosen() {
      var filters = {};
      form.querySelectorAll("[data-type=checkbox]").forEach(function (group) {
        var ticked = [].slice.call(group.querySelectorAll("input:checked"));
        if (!ticked.length) return;
        var values = ticked.some(function (box) { return box.value === group.dataset.any; })
          ? [].slice.call(group.querySelectorAll("input")).map(function (box) { return box.value; })
              .filter(function (v) { return v !== group.dataset.any; })
          : ticked.map(function (box) { return box.value; });
        filters[group.dataset.filter] = { any: values };
      });
      ["#nr-year", "#nr-actor", "#nr-place"].forEach(function (id) {
        var field = form.querySelector(id);
        if (field.value) filters[field.dataset.filter] = [field.value];
      });
      return filters;
    }

    function show(results, total, shown, query) {
      results.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.className = "nr-result-link";
        link.href = data.url;
        link.textContent = (data.meta && data.meta.title) || data.url;  // text, never HTML
        var excerpt = document.createElement("p");
        // Pagefind's excerpt: the page's own text, escaped by Pagefind, with <mark> around hits.
        excerpt.innerHTML = data.excerpt;
        item.appendChild(link);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      status.textContent = total ? total + " result(s) for \u201c" + query + "\u201d" +
        (total > shown ? ", the first " + shown + " shown" : "") : "Nothing found for \u201c" + query + "\u201d";
    }

    function run() {
      var query = input.value.trim(), mine = ++latest;
      if (!query) {
        list.textContent = ""; status.textContent = "";
        var stale = document.querySelector(".nr-more");
        if (stale) stale.remove();
        return;
      }
      var ready = pagefind ? Promise.resolve(pagefind) : import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        pagefind = module;
        return pagefind.options({ baseUrl: root.pathname }).then(function () { return pagefind; });
      });
      ready.then(function (pf) { return pf.debouncedSearch(query, { filters: chosen() }, 250); }).then(function (found) {
        if (!found || mine !== latest) return;  // superseded by a newer query
        list.textContent = "";
        more(found, 0, query, mine);
      });
    }

    // Ten results at a time: each one shown costs a fragment download.
    function more(found, start, query, mine) {
      var page = found.results.slice(start, start + PAGE);
      Promise.all(page.map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== latest) return;
        show(data, found.results.length, start + data.length, query);
        var old = document.querySelector(".nr-more");
        if (old) old.remove();
        if (start + PAGE < found.results.length) {
          var button = document.createElement("button");
          button.type = "button"; button.className = "nr-more md-button";
          button.textContent = "More results";
          button.addEventListener("click", function () { more(found, start + PAGE, query, mine); });
          list.after(button);
        }
      });
    }

    input.addEventListener("input", run);
    // Filters search again when set; the query box already did on input (its change event,
    // fired when it loses focus, would restart the results the reader is paging through).
    form.addEventListener("change", function (event) { if (event.target !== input) run(); });
    input.focus();
  }

  function init() {
    if (window.L) {
      document.querySelectorAll(".nr-map").forEach(placeMap);
      document.querySelectorAll(".nr-archive-map").forEach(archiveMap);
    }
    document.querySelectorAll("form.nr-search").forEach(search);
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
