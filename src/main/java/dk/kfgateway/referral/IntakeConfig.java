package dk.kfgateway.referral;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import dk.kfgateway.access.RestrictedCallers;
import dk.kfgateway.access.Visibility;
import dk.kfgateway.calendar.WorkingDayCalendar;
import dk.kfgateway.facts.CaseFacts;
import dk.kfgateway.fhir.GatewayInterceptors;
import dk.kfgateway.fhir.ProfileValidatingInterceptor;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.ig.ImplementationGuide;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
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
  public IntakeRules intakeRules(ServiceCatalogue catalogue, WorkingDayCalendar calendar, CaseFacts facts) {
    return new IntakeRules(
        catalogue, new PdfPageCounter(), reference -> facts.read(reference, PractitionerRole.class),
        List.of(new MeetingLeadTimeRule(calendar), new TaskOwnerRule(owner -> isKliniskFunktion(owner, facts))));
  }

  /** An Organization of type klinisk-funktion, or a PractitionerRole at one. */
  private static boolean isKliniskFunktion(String reference, CaseFacts facts) {
    String organisation = reference.startsWith("PractitionerRole/")
        ? facts.read(reference, PractitionerRole.class).map(r -> r.getOrganization().getReference()).orElse(null)
        : reference;
    return organisation != null && facts.read(organisation, org.hl7.fhir.r4.model.Organization.class)
        .map(o -> Ig.hasOrganizationType(o, "klinisk-funktion")).orElse(false);
  }

  @Bean
  public ReferralIntakeInterceptor referralIntakeInterceptor(IntakeRules rules, Clock clock,
      ProfileValidatingInterceptor profile, CaseFacts facts, GatewayInterceptors interceptors) {
    return interceptors.register(new ReferralIntakeInterceptor(rules, clock, citizen -> {
      profile.conform(citizen);
      citizen.getGeneralPractitioner().forEach(gp -> known(gp, "Patient.generalPractitioner", facts));
      known(citizen.getManagingOrganization(), "Patient.managingOrganization", facts);
    }));
  }

  /** A literal reference to nothing stored is answered as HAPI answers it when it creates the resource. */
  private static void known(Reference reference, String path, CaseFacts facts) {
    String target = reference.getReference();
    if (target != null && !target.startsWith("urn:") && !target.startsWith("#") && facts.read(target).isEmpty()) {
      throw new InvalidRequestException(Msg.code(1094) + "Resource " + target + " not found, specified in path: "
          + path);
    }
  }

  /** REF-010 for every DocumentReference a client writes, also outside a referral. */
  @Bean
  public DocumentContentGuard documentContentGuard(CaseFacts facts, RestrictedCallers callers, Visibility visibility,
      GatewayInterceptors interceptors) {
    return interceptors.register(new DocumentContentGuard(new PdfPageCounter(), (reference, request) ->
        facts.read(reference, Binary.class).filter(binary -> callers.of(request)
            .map(caller -> visibility.sees(caller, binary, request)).orElse(true))));
  }

  @Bean
  public ReferralCreationGuard referralCreationGuard() {
    return new ReferralCreationGuard();
  }
}
