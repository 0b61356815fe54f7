// Swagger UI, served from this server (no CDN, no inline script).
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
