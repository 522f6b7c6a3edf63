package dk.kfgateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.File;
import java.io.IOException;
import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded authorisation server's signing key: a configured JWK set file, or an RSA key made at start. A key made
 * at start is fine for one node and the demo (its tokens live minutes); several nodes behind a load balancer must share
 * a configured key or use an external issuer, or a token from one node is refused by the next.
 */
final class SigningKeys {

  private SigningKeys() {}

  static JWKSource<SecurityContext> load(String jwkSetFile) {
    if (jwkSetFile == null || jwkSetFile.isBlank()) {
      // made on a thread of its own while the rest starts (an RSA key took 1.5 s of the start-up's main thread); the
      // first token or verification waits for it
      CompletableFuture<JWKSet> keys = CompletableFuture.supplyAsync(() -> new JWKSet(generated()), task -> {
        Thread thread = new Thread(task, "signing-key");
        thread.setDaemon(true);
        thread.start();
      });
      return (selector, context) -> selector.select(keys.join());
    }
    JWKSet keys = read(jwkSetFile);
    if (keys.getKeys().stream().noneMatch(JWK::isPrivate)) {
      throw new IllegalStateException(
          "gateway.security.authorization-server.signing-key " + jwkSetFile + " holds no private key to sign with");
    }
    return new ImmutableJWKSet<>(keys);
  }

  private static JWK generated() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate the token signing key", e);
    }
  }

  private static JWKSet read(String file) {
    try {
      return JWKSet.load(new File(file));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(
          "gateway.security.authorization-server.signing-key: cannot read a JWK set from " + file, e);
    }
  }
}
