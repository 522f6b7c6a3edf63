package dk.kfgateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the embedded authorisation server's endpoints as OAuth 2.0 writes them (RFC 6749 §5.2): a small
 * JSON object with {@code error} and {@code error_description}, never a stack trace, never cached.
 */
final class OAuthErrorResponse {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OAuthErrorResponse() {}

  static void write(HttpServletResponse response, int status, String error, String description) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
