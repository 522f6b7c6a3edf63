package dk.kfgateway.bench;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.support.Pdfs;
import dk.kfgateway.support.ReferralFixture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IntegerType;

/**
 * The benchmark's referral: an LÆ 275 request as Holbæk's jobcentre posts it, one transaction Bundle of the citizen
 * (a new CPR each time), the ServiceRequest, its Task, the specific consent and three case documents with real PDFs of
 * 10-40 pages (together at most the 75 pages a case may have, guide pkt. 12), so that every referral is accepted.
 */
public final class BenchReferrals {

  public static final String SERVICE = "le275-certificate";

  /** Pages of the three documents, in turn: every set is 10-40 pages each and at most 75 together. */
  private static final int[][] PAGES = {{10, 25, 40}, {20, 20, 30}, {40, 15, 10}, {12, 33, 28}, {30, 10, 35}};

  private static final Map<Integer, byte[]> PDFS = new ConcurrentHashMap<>();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private BenchReferrals() {}

  /** The n-th referral, its CPR and its JSON body. */
  public record Referral(String cpr, String json) {}

  public static Referral referral(int n) {
    ReferralFixture fixture = ReferralFixture.referral(SERVICE);
    int[] pages = PAGES[Math.floorMod(n, PAGES.length)];
    int i = 0;
    for (Bundle.BundleEntryComponent entry : fixture.bundle().getEntry()) {
      if (entry.getResource() instanceof DocumentReference doc && i < pages.length) {
        int count = pages[i++];
        doc.getContentFirstRep().getAttachment().setData(PDFS.computeIfAbsent(count, Pdfs::withPages));
        doc.getExtensionByUrl(Ig.EXT_PAGE_COUNT).setValue(new IntegerType(count));
      }
    }
    return new Referral(fixture.cpr(), FHIR.newJsonParser().encodeResourceToString(fixture.bundle()));
  }
}
