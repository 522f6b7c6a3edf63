package dk.kfgateway.security.attack;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import dk.kfgateway.support.ReferralFixture;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Referrals as the scenarios need them, posted over HTTP by the referring municipality itself: {@link
 * ReferralFixture}'s complete LÆ 275 referral, but from any municipality to any clinic, with a second document whose
 * PDF is a Binary entry (its {@code securityContext} the document), and the copy of a document to the citizen's GP
 * clinic (written by the setup client, as the routing of a result would).
 */
final class Referrals {

  static final String SERVICE = "le275-certificate";

  private final IGenericClient setup;
  private final Function<String, IGenericClient> as;

  Referrals(IGenericClient setup, Function<String, IGenericClient> as) {
    this.setup = setup;
    this.as = as;
  }

  /** A complete referral from this municipality to this clinic, the citizen's GP being this GP clinic. */
  static ReferralFixture from(Party municipality, Party clinic, Party gp) {
    ReferralFixture referral = ReferralFixture.referral(SERVICE);
    Reference caseworker = new Reference(municipality.person);
    referral.serviceRequest().setRequester(caseworker).setPerformer(List.of(new Reference(clinic.organization)));
    referral.task().setRequester(caseworker.copy()).setOwner(new Reference(clinic.organization));
    referral.consent().setOrganization(List.of(new Reference(municipality.organization)));
    referral.consent().getProvision().getActor().get(0).setReference(new Reference(municipality.organization));
    referral.consent().getProvision().getActor().get(1).setReference(new Reference(clinic.organization));
    referral.patient().setGeneralPractitioner(List.of(new Reference(gp.organization)));
    withPdfInABinary(referral);
    for (Bundle.BundleEntryComponent entry : referral.bundle().getEntry()) {
      if (entry.getResource() instanceof DocumentReference document) {
        document.setAuthor(List.of(new Reference(municipality.person)));
      }
    }
    return referral;
  }

  /** Adds a case document whose PDF is a Binary entry of the Bundle, the Binary's securityContext the document. */
  static DocumentReference withPdfInABinary(ReferralFixture referral) {
    DocumentReference document = referral.document("epicrisis", "Epikrise, PDF i Binary", 1);
    byte[] pdf = document.getContentFirstRep().getAttachment().getData();
    document.getContentFirstRep().getAttachment().setData(null);
    Bundle bundle = referral.bundle();
    String documentUrl = bundle.getEntry().stream().filter(e -> e.getResource() == document).findFirst().orElseThrow()
        .getFullUrl();
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setData(pdf);
    binary.setSecurityContext(new Reference(documentUrl));
    String binaryUrl = "urn:uuid:" + UUID.randomUUID();
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(binaryUrl).setResource(binary);
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
    bundle.getEntry().add(bundle.getEntry().indexOf(bundle.getEntry().stream()
        .filter(e -> e.getResource() == document).findFirst().orElseThrow()), entry);
    document.getContentFirstRep().getAttachment().setUrl(binaryUrl);
    return document;
  }

  /** Posts the referral as the municipality, writes the GP copy, and names what was stored. */
  CaseFile refer(Party municipality, Party clinic, Party gp) {
    return refer(municipality, clinic, gp, referral -> {});
  }

  CaseFile refer(Party municipality, Party clinic, Party gp, Consumer<ReferralFixture> change) {
    dk.kfgateway.security.TenantCases.ensureMidtjylland(setup);
    ReferralFixture referral = from(municipality, clinic, gp);
    change.accept(referral);
    Bundle response = as.apply(municipality.client).transaction().withBundle(referral.bundle()).execute();
    List<String> stored = stored(referral.bundle(), response);
    List<String> documents = new ArrayList<>();
    String binaryDocument = null;
    String binary = null;
    for (int i = 0; i < stored.size(); i++) {
      Resource sent = referral.bundle().getEntry().get(i).getResource();
      if (sent instanceof Binary) {
        binary = stored.get(i);
      } else if (sent instanceof DocumentReference document) {
        if (document.getContentFirstRep().getAttachment().hasUrl()) {
          binaryDocument = stored.get(i);
        } else if (!"consent-form".equals(document.getType().getCodingFirstRep().getCode())) {
          documents.add(stored.get(i));
        }
      }
    }
    String patient = first(stored, "Patient");
    String serviceRequest = first(stored, "ServiceRequest");
    String document = documents.get(0);
    String communication = copy(clinic, gp, patient, serviceRequest, document);
    return new CaseFile(municipality, clinic, gp, referral.cpr(), patient, serviceRequest, first(stored, "Task"),
        first(stored, "Consent"), document, binaryDocument, binary, communication);
  }

  /** The stored "Type/id" of each entry of the Bundle sent, in the same order. */
  static List<String> stored(Bundle sent, Bundle response) {
    List<String> stored = new ArrayList<>();
    for (int i = 0; i < sent.getEntry().size(); i++) {
      String location = response.getEntry().get(i).getResponse().getLocation();
      String[] parts = location.split("/");
      stored.add(parts[0] + "/" + parts[1]);
    }
    return stored;
  }

  /** The copy of a document to the citizen's GP clinic, as the routing of a completed LÆ 275 writes it. */
  private String copy(Party clinic, Party gp, String patient, String serviceRequest, String document) {
    Communication copy = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
    copy.addCategory(new CodeableConcept(
        new Coding("http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories", "certificate-copy", null)));
    copy.setSubject(new Reference(patient)).addAbout(new Reference(serviceRequest)).setSent(new Date())
        .setSender(new Reference(clinic.organization)).addRecipient(new Reference(gp.organization))
        .addPayload().setContent(new Reference(document));
    return "Communication/" + setup.create().resource(copy).execute().getId().getIdPart();
  }

  private static String first(List<String> stored, String type) {
    return stored.stream().filter(s -> s.startsWith(type + "/")).findFirst().orElseThrow();
  }
}
