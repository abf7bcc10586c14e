// Swagger UI on Baton's own OpenAPI document (JSON), at /openapi beside this page's /api/docs/.
// No validator badge: Swagger UI would send the document to validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: new URL('../../openapi?format=JSON', document.baseURI).href,
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
});
