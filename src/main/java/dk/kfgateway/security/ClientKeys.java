package dk.kfgateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dk.kfgateway.GatewayProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The public keys of clients that authenticate with a signed assertion ({@code private_key_jwt}, SMART backend
 * services), read from their registered JWK Set files at start, so the token endpoint never fetches keys over the
 * network. An assertion must be signed RS384 by the client's key, name the client as issuer and subject and the token
 * endpoint as audience, and be unexpired (Spring's checks for client assertions).
 */
class ClientKeys implements JwtDecoderFactory<RegisteredClient> {

  private final Map<String, RSAPublicKey> byClientId = new ConcurrentHashMap<>();

  ClientKeys(GatewayProperties.Security security) {
    security.clients().forEach((id, client) -> {
      if (client.jwkSet() != null && !client.jwkSet().isBlank()) {
        byClientId.put(id, publicKey(id, Path.of(client.jwkSet())));
      }
    });
  }

  boolean hasKey(String clientId) {
    return byClientId.containsKey(clientId);
  }

  @Override
  public JwtDecoder createDecoder(RegisteredClient client) {
    RSAPublicKey key = byClientId.get(client.getClientId());
    if (key == null) {
      throw new IllegalArgumentException("Client " + client.getClientId() + " has no registered key set");
    }
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(SignatureAlgorithm.RS384).build();
    decoder.setJwtValidator(JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client));
    return decoder;
  }

  private static RSAPublicKey publicKey(String clientId, Path file) {
    try {
      RSAKey key = JWKSet.load(file.toFile()).getKeys().stream().filter(RSAKey.class::isInstance)
          .map(RSAKey.class::cast).findFirst()
          .orElseThrow(() -> new IllegalStateException("No RSA key in " + file + " of client " + clientId));
      return key.toRSAPublicKey();
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException("Cannot read the key set " + file + " of client " + clientId, e);
    }
  }
}
