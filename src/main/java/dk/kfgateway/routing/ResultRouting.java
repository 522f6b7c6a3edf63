package dk.kfgateway.routing;

import dk.kfgateway.routing.RoutingTable.Row;
import dk.kfgateway.routing.RoutingTable.Trigger;
import dk.kfgateway.rules.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who gets a result, from the routing table: pure, no storage, no clock. Answers a {@link Plan}: the copies to write,
 * or a refusal (ROUTE-001 a result that does not fit the service, ROUTE-003 a GP clinic that cannot be addressed), and
 * notes on copies withheld. A GP copy that cannot be made because the citizen has no known GP becomes a routing
 * exception for the secretariat: the completion itself is never held up by it.
 */
public final class ResultRouting {

  /** The citizen's GP clinic as the routing needs it: a reference, its SOR code and ydernummer (null when missing). */
  public record GpClinic(String reference, String sor, String ydernummer) {
    boolean addressable() {
      return sor != null && ydernummer != null;
    }
  }

  /** The citizen's written consent to contact the GP, as far as known; {@code note} says why or what was assumed. */
  public record GpConsent(boolean permits, String note) {}

  /**
   * A completion as the routing sees it.
   *
   * @param otherTreatmentRecommended the statement recommends another treatment (bkg 2019 §26 stk. 4)
   * @param citizenObjects the citizen does not want the GP informed (bkg 2019 §26 stk. 4)
   */
  public record Completion(String service, String resultType, boolean otherTreatmentRecommended, boolean citizenObjects,
      Optional<GpClinic> gp, GpConsent gpConsent) {}

  /** One copy to write, with the paragraph it comes from. */
  public record Copy(CopyCategory category, String source) {}

  /** The answer: copies to write, or a refusal; notes on copies withheld. */
  public record Plan(Verdict verdict, List<Copy> copies, List<String> notes) {}

  private final RoutingTable table;

  public ResultRouting(RoutingTable table) {
    this.table = table;
  }

  public Plan onCompletion(Completion completion) {
    var fitting = table.resultTypes(completion.service());
    if (!fitting.contains(completion.resultType())) {
      return refused(Verdict.refused(RoutingRules.RESULT_FITS_SERVICE,
          "A '" + completion.service() + "' referral is completed with a document of type " + String.join(" or ",
              fitting) + "; Task.output names a '" + completion.resultType() + "'. Post the result with a fitting "
              + "DocumentReference.type (kf-document-types) and complete again.", "Task.output"));
    }
    Stream<Row> rows = table.rows(completion.service(), completion.resultType(), Trigger.COMPLETION).stream();
    if (completion.otherTreatmentRecommended()) {
      rows = Stream.concat(rows,
          table.rows(completion.service(), completion.resultType(), Trigger.OTHER_TREATMENT_RECOMMENDED).stream()
              .filter(row -> !completion.citizenObjects()));
    }
    List<String> notes = new ArrayList<>();
    if (completion.otherTreatmentRecommended() && completion.citizenObjects()) {
      notes.add("The GP is not informed of the recommended treatment: the citizen objects (bkg 2019 §26 stk. 4)");
    }
    return plan(rows.toList(), completion.gp(), completion.gpConsent(), notes);
  }

  /** The municipality follows the coordinator's recommendation that the citizen see their GP (bkg 2019 §9). */
  public Plan onGpRecommendationFollowed(String service, Optional<GpClinic> gp, GpConsent consent) {
    return plan(table.rows(service, null, Trigger.GP_VISIT_FOLLOWED), gp, consent, new ArrayList<>());
  }

  private static Plan plan(List<Row> rows, Optional<GpClinic> gp, GpConsent consent, List<String> notes) {
    List<Copy> copies = new ArrayList<>();
    for (Row row : rows) {
      for (CopyCategory category : row.copies()) {
        if (category.recipient() != CopyCategory.Recipient.GP) {
          copies.add(new Copy(category, row.source()));
        } else if (category.needsGpContactConsent() && !consent.permits()) {
          notes.add("No " + category.code() + " to the GP: " + consent.note() + " (bkg 2019 §5 stk. 2, §11 stk. 5)");
        } else if (gp.isEmpty()) {
          notes.add("No " + category.code() + ": the citizen has no known GP (" + row.source() + ")");
          if (copies.stream().noneMatch(c -> c.category() == CopyCategory.ROUTING_EXCEPTION)) {
            copies.add(new Copy(CopyCategory.ROUTING_EXCEPTION, row.source()));
          }
        } else if (!gp.get().addressable()) {
          return refused(Verdict.refused(RoutingRules.GP_ADDRESSABLE,
              "The citizen's GP clinic " + gp.get().reference() + " has no " + (gp.get().sor() == null ? "SOR code"
                  : "ydernummer") + ", so its copy cannot be addressed; nothing was completed. Correct the GP "
                  + "clinic's Organization (or the citizen's generalPractitioner) and complete again.",
              "Patient.generalPractitioner"));
        } else {
          copies.add(new Copy(category, row.source()));
        }
      }
    }
    if (consent.note() != null && consent.permits()
        && copies.stream().anyMatch(c -> c.category().needsGpContactConsent())) {
      notes.add(consent.note());
    }
    return new Plan(Verdict.allowed(), copies, notes);
  }

  private static Plan refused(Verdict verdict) {
    return new Plan(verdict, List.of(), List.of());
  }
}
