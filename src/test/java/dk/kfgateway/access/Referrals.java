package dk.kfgateway.access;

import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.ReferralFixture;
import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;

/**
 * The demo referral ({@link ReferralFixture}, Holbæk to Klinisk Funktion Sjælland) as the tests of access need it:
 * posted by another municipality, for a given citizen, or with a document's PDF in a Binary entry.
 */
final class Referrals {

  static final String ROSKILDE = "Organization/municipality-roskilde";
  static final String ROSKILDE_CASEWORKER = "PractitionerRole/caseworker-roskilde";

  private Referrals() {}

  /** The referral as Roskilde's caseworker posts it: Roskilde requests, registered the consent, wrote the documents. */
  static ReferralFixture fromRoskilde(String serviceCode) {
    ReferralFixture referral = ReferralFixture.referral(serviceCode);
    Reference caseworker = new Reference(ROSKILDE_CASEWORKER);
    referral.serviceRequest().setRequester(caseworker);
    referral.task().setRequester(caseworker);
    referral.consent().setOrganization(List.of(new Reference(ROSKILDE)));
    referral.consent().getProvision().getActorFirstRep().setReference(new Reference(ROSKILDE));
    for (Bundle.BundleEntryComponent entry : referral.bundle().getEntry()) {
      if (entry.getResource() instanceof DocumentReference document) {
        document.setAuthor(List.of(caseworker));
      }
    }
    return referral;
  }

  /** The same referral for the citizen with this CPR number (the Patient entry and its conditional create). */
  static ReferralFixture forCitizen(ReferralFixture referral, String cpr) {
    referral.patient().getIdentifierFirstRep().setValue(cpr);
    referral.bundle().getEntryFirstRep().getRequest().setIfNoneExist("identifier=" + Ig.CPR + "|" + cpr);
    return referral;
  }

  /** Moves the PDF of the referral's last document into a Binary entry that the document points to. */
  static ReferralFixture withLastDocumentInABinary(ReferralFixture referral) {
    List<Bundle.BundleEntryComponent> entries = referral.bundle().getEntry();
    DocumentReference document = entries.stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(DocumentReference.class::isInstance).map(DocumentReference.class::cast)
        .reduce((first, second) -> second).orElseThrow();
    var attachment = document.getContentFirstRep().getAttachment();
    Binary binary = new Binary().setContentType("application/pdf");
    binary.setContent(attachment.getData());
    String fullUrl = "urn:uuid:" + java.util.UUID.randomUUID();
    referral.bundle().addEntry().setFullUrl(fullUrl).setResource(binary)
        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
    attachment.setData(null).setUrl(fullUrl);
    return referral;
  }

  /** Names the document whose content a Binary entry is in the Binary's security context, as the gateway does. */
  static void binaryNamesItsDocument(Bundle bundle) {
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof DocumentReference document) {
        String url = document.getContentFirstRep().getAttachment().getUrl();
        bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(url) && e.getResource() instanceof Binary)
            .forEach(e -> ((Binary) e.getResource()).setSecurityContext(new Reference(entry.getFullUrl())));
      }
    }
  }

  /** {@code Type/id} of the first entry of this type in a transaction response. */
  static String location(Bundle response, String type) {
    return response.getEntry().stream().map(e -> e.getResponse().getLocation())
        .filter(l -> l != null && l.startsWith(type + "/")).findFirst()
        .map(l -> l.split("/")[0] + "/" + l.split("/")[1]).orElseThrow();
  }
}
