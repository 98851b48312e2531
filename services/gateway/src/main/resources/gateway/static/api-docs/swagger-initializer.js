// A file, not a script in the page: the page's Content-Security-Policy allows scripts from the gateway only.
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/api-docs/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // the public validator is another origin, which the policy refuses; the description stays here
    validatorUrl: null,
  });
});
