// Starts Swagger UI on /docs; a file, not an inline script, so the page passes the CSP.
(function () {
  var host = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: host.getAttribute("data-spec"), dom_id: "#swagger-ui" });
})();
