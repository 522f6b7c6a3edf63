package dk.kfgateway.access;

import dk.kfgateway.ig.Ig;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * The access labels on a resource: {@code meta.security} codings of the CodeSystem {@code kf-access} whose code is the
 * id of an organisation that may see the resource ({@code municipality-holbaek} for
 * {@code Organization/municipality-holbaek}). Only the gateway writes them; they are never shown to a client.
 */
public final class AccessLabels {

  public static final String SYSTEM = Ig.codeSystem("kf-access");

  /** Case data (citizen data), Subscriptions and settlement: the types that carry labels and are narrowed by them. */
  public static final Set<String> LABELLED_TYPES = Set.of("Patient", "ServiceRequest", "Task", "Consent",
      "DocumentReference", "Binary", "Communication", "Subscription", "ChargeItem", "Invoice");

  private AccessLabels() {}

  /** The label code of an organisation reference, e.g. {@code Organization/x} -> {@code x}; null for other references. */
  public static String code(String organisation) {
    return organisation != null && organisation.startsWith("Organization/")
        ? organisation.substring("Organization/".length())
        : null;
  }

  /** The labels a resource carries now. */
  public static Set<String> of(IBaseResource resource) {
    Set<String> codes = new TreeSet<>();
    for (Coding coding : ((Resource) resource).getMeta().getSecurity()) {
      if (SYSTEM.equals(coding.getSystem()) && coding.getCode() != null) {
        codes.add(coding.getCode());
      }
    }
    return codes;
  }

  /** Whether the organisation may see the resource: it is of an unlabelled type, or labelled for the organisation. */
  public static boolean grants(IBaseResource resource, String organisation) {
    return !LABELLED_TYPES.contains(resource.fhirType()) || of(resource).contains(code(organisation));
  }

  /** Sets exactly these labels on the resource (other security codings stay). */
  public static void set(IBaseResource resource, Set<String> codes) {
    strip(resource);
    codes.forEach(code -> ((Resource) resource).getMeta().addSecurity(SYSTEM, code, null));
  }

  /** Removes the labels, before a resource is shown to a client: they would tell who else has the case. */
  public static void strip(IBaseResource resource) {
    ((Resource) resource).getMeta().getSecurity().removeIf(c -> SYSTEM.equals(c.getSystem()));
  }
}
