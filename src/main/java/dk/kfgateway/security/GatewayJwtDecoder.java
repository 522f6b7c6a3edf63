package dk.kfgateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dk.kfgateway.GatewayProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How the API checks a bearer token: an RS256 signature by a key of the issuer's key set (the embedded server's own,
 * or the external issuer's JWKS), an {@code exp} that is present and not past (with the configured clock skew), the
 * gateway's audience, and the issuer when one is configured.
 */
final class GatewayJwtDecoder {

  private GatewayJwtDecoder() {}

  /** @param localKeys the embedded authorisation server's keys, or null when tokens come from an external issuer */
  static NimbusJwtDecoder create(GatewayProperties.Security security, JWKSource<SecurityContext> localKeys) {
    NimbusJwtDecoder decoder = localKeys != null ? local(localKeys) : external(security);
    decoder.setJwtValidator(validator(security));
    return decoder;
  }

  private static NimbusJwtDecoder local(JWKSource<SecurityContext> keys) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier((claims, context) -> {}); // claims are checked by validator(...) below
    return new NimbusJwtDecoder(processor);
  }

  private static NimbusJwtDecoder external(GatewayProperties.Security security) {
    if (present(security.jwkSetUri())) {
      return NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
    }
    if (present(security.issuerUri())) {
      return NimbusJwtDecoder.withIssuerLocation(security.issuerUri()).build();
    }
    throw new IllegalStateException(
        "The embedded authorisation server is off (gateway.security.authorization-server.enabled=false):"
            + " set gateway.security.jwk-set-uri or gateway.security.issuer-uri of the external issuer");
  }

  static OAuth2TokenValidator<Jwt> validator(GatewayProperties.Security security) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
    validators.add(new JwtTimestampValidator(security.clockSkew()));
    validators.add(new AudienceValidator(security.audience()));
    if (present(security.issuerUri())) {
      validators.add(new JwtIssuerValidator(security.issuerUri()));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
