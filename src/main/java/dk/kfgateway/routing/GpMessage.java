package dk.kfgateway.routing;

import dk.kfgateway.ig.Ig;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A GP copy as a FHIR message shaped like MedCom's CareCommunication: a Bundle of type message whose first entry is
 * the MessageHeader (sender Klinisk Funktion and receiver the GP clinic, each named by SOR code and, for the clinic,
 * ydernummer), then the Communication, the document with its PDF inline, the citizen and both organisations (with all
 * their identifiers: SOR, ydernummer and the EAN location number the MedCom network routes on). The
 * Bundle id is the outbox row's id, the same on every attempt, so a receiver deduplicates on it. Pure.
 */
final class GpMessage {

  static final String EVENT_SYSTEM = "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes";
  static final String EVENT = "care-communication-message";

  private GpMessage() {}

  static Bundle of(String bundleId, Communication communication, DocumentReference document, Patient patient,
      Organization sender, Organization receiver, String endpoint, Instant now) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE).setTimestamp(Date.from(now));
    bundle.setId(bundleId);
    bundle.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + bundleId);
    MessageHeader header = new MessageHeader().setEvent(new Coding(EVENT_SYSTEM, EVENT, null));
    header.setId(bundleId + "-header");
    header.setSender(party(sender, Ig.SOR)).getSource().setName("kf-gateway").setEndpoint("urn:kf-gateway");
    header.addDestination().setEndpoint(endpoint).setReceiver(party(receiver, Ig.YDERNUMMER));
    header.addFocus(new Reference(ref(communication)));
    add(bundle, header);
    add(bundle, communication);
    add(bundle, document);
    add(bundle, patient);
    add(bundle, sender);
    add(bundle, receiver);
    return bundle;
  }

  /** The organisation by reference, and by identifier: the ydernummer (EAN-like locator) for a GP, else its SOR. */
  private static Reference party(Organization organization, String preferred) {
    Reference reference = new Reference(ref(organization)).setDisplay(organization.getName());
    String value = RoutingRecords.identifier(organization, preferred);
    String system = value != null ? preferred : Ig.SOR;
    reference.getIdentifier().setSystem(system).setValue(value != null ? value : RoutingRecords.identifier(organization, Ig.SOR));
    return reference;
  }

  private static void add(Bundle bundle, Resource resource) {
    bundle.addEntry().setFullUrl("http://kf-gateway.dk/fhir/" + ref(resource)).setResource(resource);
  }

  private static String ref(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }
}
