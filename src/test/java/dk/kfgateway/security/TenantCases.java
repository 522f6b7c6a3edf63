package dk.kfgateway.security;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dk.kfgateway.support.ReferralFixture;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/**
 * Two complete cases of two different sets of parties, as the cross-tenant tests need them: case A from Holbæk to
 * Klinisk Funktion in Region Sjælland with its copy to GP clinic Nordvej, case B from Kalundborg to Klinisk Funktion in
 * Region Midtjylland with its copy to GP clinic Strandvej. Set up once over HTTP: each municipality posts its own
 * referral; the copies are written by the test client (as the routing of the result would).
 */
public record TenantCases(Case a, Case b) {

  static final String MIDTJYLLAND = "Organization/kf-region-midtjylland";

  /** The resources of one case, and who its parties are. */
  record Case(String municipality, String clinic, String gp, String cpr, String task, String serviceRequest,
      String patient, String consent, String document, String communication, String clinicOrganization,
      String municipalityOrganization, String gpOrganization) {

    /** Every resource of the case, as "Type/id". */
    List<String> resources() {
      return List.of(task, serviceRequest, patient, consent, document, communication);
    }
  }

  static TenantCases create(IGenericClient admin, java.util.function.Function<String, IGenericClient> as) {
    ensureMidtjylland(admin);
    ReferralFixture a = ReferralFixture.referral("le275-certificate");
    Case caseA = submit(admin, as.apply("holbaek-jobcenter"), a, "holbaek-jobcenter", "kf-sjaelland-ehr", "gp-nordvej",
        ReferralFixture.CLINIC, ReferralFixture.MUNICIPALITY, "Organization/gp-clinic-nordvej");
    ReferralFixture b = ReferralFixture.referral("le275-certificate");
    String kalundborg = "Organization/municipality-kalundborg";
    String caseworker = "PractitionerRole/caseworker-kalundborg";
    b.serviceRequest().setRequester(new Reference(caseworker)).setPerformer(List.of(new Reference(MIDTJYLLAND)));
    b.task().setRequester(new Reference(caseworker)).setOwner(new Reference(MIDTJYLLAND));
    // the copy of this case goes to Strandvej: the citizen's own GP (a copy opens the case only to that GP)
    b.patient().getGeneralPractitioner().clear();
    b.patient().addGeneralPractitioner(new Reference("Organization/gp-clinic-strandvej"));
    b.consent().setOrganization(List.of(new Reference(kalundborg)));
    b.consent().getProvision().getActor().get(0).setReference(new Reference(kalundborg));
    b.consent().getProvision().getActor().get(1).setReference(new Reference(MIDTJYLLAND));
    for (Bundle.BundleEntryComponent entry : b.bundle().getEntry()) {
      if (entry.getResource() instanceof DocumentReference document) {
        document.setAuthor(List.of(new Reference(caseworker)));
      }
    }
    Case caseB = submit(admin, as.apply("kalundborg-jobcenter"), b, "kalundborg-jobcenter",
        "kf-midtjylland-ehr", "gp-strandvej", MIDTJYLLAND, kalundborg,
        "Organization/gp-clinic-strandvej");
    return new TenantCases(caseA, caseB);
  }

  private static Case submit(IGenericClient admin, IGenericClient municipality, ReferralFixture referral,
      String municipalityClient, String clinicClient, String gpClient, String clinic, String municipalityOrg,
      String gp) {
    Bundle response = municipality.transaction().withBundle(referral.bundle()).execute();
    String task = location(response, "Task");
    String request = location(response, "ServiceRequest");
    String patient = location(response, "Patient");
    String consent = location(response, "Consent");
    String document = response.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l.startsWith("DocumentReference/")).reduce((first, second) -> second).map(TenantCases::unversioned)
        .orElseThrow();
    Communication copy = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    copy.addCategory(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "certificate-copy", null)));
    copy.setSubject(new Reference(patient)).addAbout(new Reference(request)).setSent(new Date())
        .setSender(new Reference(clinic)).addRecipient(new Reference(gp))
        .addPayload().setContent(new Reference(document));
    String communication = "Communication/"
        + admin.create().resource(copy).execute().getId().getIdPart();
    return new Case(municipalityClient, clinicClient, gpClient, referral.cpr(), task, request, patient, consent,
        document, communication, clinic, municipalityOrg, gp);
  }

  private static String location(Bundle response, String type) {
    return response.getEntry().stream().map(e -> e.getResponse().getLocation()).filter(l -> l.startsWith(type + "/"))
        .findFirst().map(TenantCases::unversioned).orElseThrow();
  }

  private static String unversioned(String location) {
    String[] parts = location.split("/");
    return parts[0] + "/" + parts[1];
  }

  /** Another region's Klinisk Funktion, which the demo data does not have (also for the attack scenarios). */
  public static void ensureMidtjylland(IGenericClient admin) {
    Organization clinic = new Organization().setActive(true).setName("Klinisk Funktion, Region Midtjylland");
    clinic.setId("kf-region-midtjylland");
    clinic.getMeta().addProfile("http://kf-gateway.dk/fhir/StructureDefinition/kf-organization");
    clinic.addIdentifier(new Identifier().setSystem("urn:oid:1.2.208.176.1.1").setValue("900000000000999"));
    clinic.addType(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-organization-types", "klinisk-funktion", null)));
    admin.update().resource(clinic).execute();
  }
}
