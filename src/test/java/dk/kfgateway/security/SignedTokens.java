package dk.kfgateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens made by the test itself, signed with the gateway's real key (from its {@link JWKSource} bean) or with a
 * stranger's key of the same key id, so that each refusal (expired, wrong audience, bad signature, missing claims) can
 * be provoked with exactly one thing wrong.
 */
final class SignedTokens {

  private final JWKSource<SecurityContext> gatewayKeys;

  SignedTokens(JWKSource<SecurityContext> gatewayKeys) {
    this.gatewayKeys = gatewayKeys;
  }

  /** Claims as the embedded server writes them for the Holbæk jobcentre, valid now for five minutes. */
  static JwtClaimsSet.Builder valid() {
    Instant now = Instant.now();
    return JwtClaimsSet.builder()
        .subject("holbaek-jobcenter")
        .audience(List.of("kf-gateway"))
        .issuedAt(now)
        .expiresAt(now.plus(Duration.ofMinutes(5)))
        .claim(TokenClaims.ROLE, "MUNICIPALITY")
        .claim(TokenClaims.ORGANIZATION, "Organization/municipality-holbaek")
        .claim(TokenClaims.SCOPE, List.of("system/Task.crus"));
  }

  String signedByTheGateway(UnaryOperator<JwtClaimsSet.Builder> claims) {
    return sign(gatewayKeys, claims.apply(valid()).build());
  }

  String signedByAStranger() {
    try {
      JWK stranger = new RSAKeyGenerator(2048).keyID(gatewayKey().getKeyID()).generate();
      return sign(new ImmutableJWKSet<>(new JWKSet(stranger)), valid().build());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private JWK gatewayKey() {
    try {
      return gatewayKeys.get(new JWKSelector(new JWKMatcher.Builder().privateOnly(true).build()), null).get(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWKSource<SecurityContext> keys, JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }
}
