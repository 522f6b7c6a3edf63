package dk.kfgateway.referral;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.access.Visibility;
import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.ig.ImplementationGuide;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Referral intake in the running server: the catalogue from the IG, the rules, and the interceptor enforcing them. */
@Configuration
public class IntakeConfig {

  @Bean
  public ServiceCatalogue serviceCatalogue(ImplementationGuide ig) {
    return ServiceCatalogue.fromCodeSystem(
        ig.codeSystem(Ig.CS_SERVICES).orElseThrow(() -> new IllegalStateException("the IG has no kf-services")));
  }

  @Bean
  public IntakeRules intakeRules(ServiceCatalogue catalogue, WorkingDayCalendar calendar, DaoRegistry daos) {
    return new IntakeRules(
        catalogue, new PdfPageCounter(), reference -> storedRole(daos, reference),
        List.of(new MeetingLeadTimeRule(calendar)));
  }

  @Bean
  public ReferralIntakeInterceptor referralIntakeInterceptor(
      IntakeRules rules, Clock clock, GatewayInterceptors interceptors) {
    return interceptors.register(new ReferralIntakeInterceptor(rules, clock));
  }

  /** REF-010 for every DocumentReference a client writes, also outside a referral. */
  @Bean
  public DocumentContentGuard documentContentGuard(DaoRegistry daos, RestrictedCallers callers, Visibility visibility,
      GatewayInterceptors interceptors) {
    return interceptors.register(new DocumentContentGuard(new PdfPageCounter(), (reference, request) ->
        storedBinary(daos, reference).filter(binary -> callers.of(request)
            .map(caller -> visibility.sees(caller, binary, request)).orElse(true))));
  }

  @Bean
  public ReferralCreationGuard referralCreationGuard(GatewayInterceptors interceptors) {
    return interceptors.register(new ReferralCreationGuard());
  }

  private static Optional<Binary> storedBinary(DaoRegistry daos, String reference) {
    try {
      return Optional.of(daos.getResourceDao(Binary.class).read(new IdType(reference), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }

  private static Optional<PractitionerRole> storedRole(DaoRegistry daos, String reference) {
    IdType id = new IdType(reference);
    if (!"PractitionerRole".equals(id.getResourceType()) || !id.hasIdPart()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          (PractitionerRole) daos.getResourceDao("PractitionerRole").read(id, new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return Optional.empty();
    }
  }
}
