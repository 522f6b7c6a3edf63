package dk.kfgateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /fhir/.well-known/smart-configuration}. A servlet of its own with an exact mapping, which the servlet
 * container prefers over HAPI's {@code /fhir/*}: HAPI would read {@code .well-known} as a resource type.
 */
class SmartConfigurationServlet extends HttpServlet {

  private final transient SmartEndpoints endpoints;
  private final transient ObjectMapper json;

  SmartConfigurationServlet(SmartEndpoints endpoints, ObjectMapper json) {
    this.endpoints = endpoints;
    this.json = json;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "public, max-age=3600");
    json.writeValue(response.getOutputStream(), endpoints.discovery(request));
  }
}
