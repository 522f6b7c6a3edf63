package dk.kfgateway.referral;

/**
 * Canonical URLs of the IG's code systems that the intake rules read (see the shared contract). Kept in one place so
 * that a change of the IG base touches one line.
 */
public final class KfSystems {

  /** The IG canonical base. */
  public static final String BASE = "http://kf-gateway.dk/fhir";

  /** The service catalogue (ydelseskatalog): {@code ServiceRequest.code}. */
  public static final String SERVICES = BASE + "/CodeSystem/kf-services";

  /** Document types (LÆ 125, epicrisis, employment offer, ...): {@code DocumentReference.type}. */
  public static final String DOCUMENT_TYPES = BASE + "/CodeSystem/kf-document-types";

  private KfSystems() {}
}
