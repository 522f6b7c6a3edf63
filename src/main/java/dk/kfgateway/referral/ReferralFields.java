package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Where a referral keeps what the rules read: the service (the kf-services coding) and the meeting, in one place. */
public final class ReferralFields {

  private ReferralFields() {}

  /** The ordered service: the code of the kf-services coding, whatever other codings the request carries. */
  public static Optional<String> serviceCode(ServiceRequest request) {
    return request.getCode().getCoding().stream()
        .filter(c -> Ig.codeSystem(Ig.CS_SERVICES).equals(c.getSystem()))
        .map(Coding::getCode)
        .findFirst();
  }

  /** The meeting, for services held at one (ServiceRequest.occurrenceDateTime). */
  public static Optional<Instant> meeting(ServiceRequest request) {
    return request.hasOccurrenceDateTimeType() && request.getOccurrenceDateTimeType().getValue() != null
        ? Optional.of(request.getOccurrenceDateTimeType().getValue().toInstant())
        : Optional.empty();
  }
}
