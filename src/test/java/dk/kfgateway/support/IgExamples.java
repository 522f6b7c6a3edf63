package dk.kfgateway.support;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.ig.ImplementationGuide;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The IG's examples as test data: copies with fresh ids (references rewritten) and a fresh fictional CPR, so that each
 * test writes its own consistent case without colliding with the demo data or with other tests.
 */
public final class IgExamples {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ImplementationGuide IG = ImplementationGuide.load(FHIR);

  private static final java.util.Set<String> PARTY_TYPES =
      java.util.Set.of("Organization", "Practitioner", "PractitionerRole", "Patient");

  private final Map<String, Resource> byOldId = new HashMap<>();
  private final String suffix;

  private IgExamples(String suffix) {
    this.suffix = suffix;
    Map<String, String> ids = new HashMap<>();
    for (Resource example : IG.examples()) {
      String old = example.fhirType() + "/" + example.getIdElement().getIdPart();
      ids.put(old, old + "-" + suffix);
    }
    for (Resource example : IG.examples()) {
      Resource copy = example.copy();
      String old = example.fhirType() + "/" + example.getIdElement().getIdPart();
      copy.setId(ids.get(old));
      for (Reference ref : FHIR.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class)) {
        if (ref.hasReference() && ids.containsKey(ref.getReference())) {
          ref.setReference(ids.get(ref.getReference()));
        }
      }
      if (copy instanceof Patient patient) {
        patient.getIdentifier().stream().filter(i -> Ig.CPR.equals(i.getSystem())).forEach(IgExamples::freshCpr);
      }
      byOldId.put(old, copy);
    }
  }

  /** A fresh copy of all examples. */
  public static IgExamples fresh() {
    return new IgExamples(Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
  }

  /** A fictional CPR: born 2030-2036 (7th digit 4), so it cannot belong to anybody. */
  public static String fictionalCpr() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%02d%02d%02d4%03d", 1 + r.nextInt(28), 1 + r.nextInt(12), 30 + r.nextInt(7), r.nextInt(1000));
  }

  private static void freshCpr(Identifier cpr) {
    cpr.setValue(fictionalCpr());
  }

  /** The copy of the example with this id, e.g. {@code get(Patient.class, "citizen-example")}. */
  public <T extends Resource> T get(Class<T> type, String exampleId) {
    return type.cast(byOldId.get(type.getSimpleName() + "/" + exampleId));
  }

  public List<Resource> all() {
    return List.copyOf(byOldId.values());
  }

  public List<Resource> parties() {
    return all().stream().filter(r -> PARTY_TYPES.contains(r.fhirType())).toList();
  }

  public String id(String exampleId) {
    return exampleId + "-" + suffix;
  }

  /**
   * The examples of the parties (organisations, people, roles, the citizen) as one transaction of PUTs. The case
   * itself (referral, task, consent, documents) can only enter through referral intake, see {@link ReferralFixture}.
   */
  public Bundle partiesAsTransaction() {
    Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource r : parties()) {
      String url = r.fhirType() + "/" + r.getIdElement().getIdPart();
      tx.addEntry().setFullUrl(url).setResource(r).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
    }
    return tx;
  }
}
