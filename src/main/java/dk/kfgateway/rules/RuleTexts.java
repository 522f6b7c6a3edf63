package dk.kfgateway.rules;

import static dk.kfgateway.rules.RuleTable.CONSENT;
import static dk.kfgateway.rules.RuleTable.ROUTING;
import static dk.kfgateway.rules.RuleTable.RULES;
import static dk.kfgateway.rules.RuleTable.SETTLEMENT;

import java.util.List;

/**
 * What each rule says and how it answers, in the order of the README's tables. The source paragraph is the rule's
 * {@link RuleRef} constant's; only a rule whose source varies by case (per service, per transition, per agreement)
 * names here what its source is.
 */
final class RuleTexts {

  /** One rule's text; {@code source} is null when the rule's constant gives it. */
  record Text(RuleTable table, String id, String rule, String answer, String source) {}

  private RuleTexts() {}

  static final List<Text> ALL = List.of(
      text(RULES, "IG-001", "the resource conforms to its gateway profile", "422"),
      text(RULES, "REF-001", "the service is in the catalogue", "422"),
      varying(RULES, "REF-002", "the service is still orderable (\"obviously pointless\" statement ends 1.7.2026)",
          "422", "the service's source in kf-services (guide pkt. 5)"),
      varying(RULES, "REF-003",
          "pages within the service's limit (25 phone sparring with dictated note, 50 with written note)", "422",
          "the service's source in kf-services (guide pkt. 2, 3)"),
      text(RULES, "REF-004", "at most 75 pages per case, counted in the PDFs", "422"),
      text(RULES, "REF-005", "every document dated, titled, typed and with an author", "422"),
      varying(RULES, "REF-006", "the caseworker's direct phone where the service needs it", "422",
          "the service's source in kf-services (guide pkt. 1, 2, 3, 9)"),
      text(RULES, "REF-007", "the concrete employment offer and the citizen's description", "422"),
      varying(RULES, "REF-008", "a meeting date where the service has a meeting", "422",
          "the service's source in kf-services"),
      text(RULES, "REF-009", "the Task is a requested order for the referral, its citizen and Klinisk Funktion as owner"
          + " (an Organization of type klinisk-funktion, or a coordinator there), with none of the clinic's fields"
          + " (triage outcome, reason, result, deadline)", "422"),
      text(RULES, "REF-010", "every document is one readable PDF in one content: a referral's, inline or as a"
          + " Binary entry of the Bundle (its url the entry's `urn:uuid` fullUrl); any other DocumentReference a client creates or changes (alone, by update or patch, in a batch"
          + " or another transaction), inline or in a Binary of the transaction or a stored one the writer may see"
          + " (another party's Binary answers as an unknown one)", "422"),
      text(RULES, "REF-011", "a ServiceRequest only as part of a referral transaction (not alone, not in a batch)",
          "422"),
      text(RULES, "REF-012", "one referral per Bundle, and no Task in it but the referral's, no Patient but its"
          + " citizen, no Consent or document but that citizen's (no other CPR on their references)", "422"),
      varying(RULES, "CAL-001", "documents at least 10 working days before the meeting", "422",
          "the deadline rule's source (Midtjylland aftale 4.4; bilag 13)"),
      text(RULES, "CAL-002", "case sparring booked by the previous working day and 24 h before", "422"),
      text(RULES, "WF-001", "only moves of the table", "409"),
      varying(RULES, "WF-002", "the move belongs to the other side", "403", "the source of the table's row"),
      text(RULES, "WF-003", "requester, owner organisation, subject, focus, basedOn never change", "422"),
      text(RULES, "WF-004", "a rejection has a coded reason and text", "422"),
      text(RULES, "WF-005", "triage outcome by the clinic, from receipt on", "403/409/422"),
      text(RULES, "WF-006", "completion has a result in Task.output", "422"),
      text(RULES, "WF-007", "a named owner is a health coordinator of the same clinic", "422"),
      text(RULES, "WF-008", "resuming returns to the state before the hold", "409"),
      text(RULES, "WF-009", "the municipality edits only its own fields (note, input, cancellation)", "403"),
      text(RULES, "WF-010", "GP and administrator systems do not act on tasks", "403"),
      text(RULES, "WF-011", "another deadline for a case needs a reason of its own, a deadline once set is not removed nor moved into the past, and the record of how it came about (kf-deadline rule, source) is the gateway's", "422"),
      text(RULES, "WF-012", "a client creates a Task only as the referral's (checked by intake) or as a cancellation"
          + " request addressed to the clinic that owns the referral's Task, about that Task's citizen", "422"),
      text(RULES, "WF-013", "a party acts only on its own cases: the requesting municipality, the owning clinic"
          + " (another party's task is hidden first: 404 as unknown, SEC-004)", "403"),
      text(RULES, "FHIR-428", "task updates name their version (If-Match)", "428"),
      text(RULES, "FHIR-415", "request bodies in `application/fhir+json` (not XML, `application/xml`, `text/xml`, XML"
          + " Patch or Turtle; no `_format=xml` on writes)", "415"),
      text(RULES, "FHIR-406", "answers in JSON: a request accepting only XML (or `_format=xml` on a read) is refused",
          "406"),
      text(RULES, "SEC-001", "a valid bearer token: missing, expired or refused answers with the challenge", "401"),
      text(RULES, "SEC-002", "the token's scopes cover the interaction", "403"),
      text(RULES, "SEC-003", "the token names the client's role and organisation", "403"),
      text(RULES, "SEC-004", "a party sees and changes only its own cases' data (access labels, narrowed in the"
          + " query)", "404 as an unknown id"),
      text(RULES, "SEC-005", "a write names only the caller's own organisation or its people", "403"),
      text(RULES, "SEC-006", "a Subscription watches only the caller's own cases", "403"),
      text(RULES, "SEC-007", "request body at most `gateway.security.max-request-size` (64 MB)", "413"),
      text(RULES, "SEC-008", "deny by default: only what the caller's role's allow-list names (*What each party may"
          + " do*), Subscription criteria included", "403"),
      text(RULES, "SEC-009", "a rest-hook Subscription names only an endpoint registered for the client"
          + " (`gateway.security.clients.<client-id>.endpoints`)", "422"),
      text(RULES, "SEC-010", "a citizen whose cases belong to several parties is changed by none of them alone", "403"),
      text(RULES, "SEC-011", "an update keeps a citizen's CPR, the citizen of a consent, referral, document or"
          + " message (a task's is the workflow's), a document's case (`context.related`), a Binary's `securityContext`, the"
          + " organisation a PractitionerRole is held at and the kind of party an Organization is, refused alike whatever"
          + " the new value; and a citizen reference carries no other citizen's CPR (`identifier`)", "403"),
      text(RULES, "SEC-012", "a Binary a client stores names the document it is the content of (or the message it is"
          + " attached to) in `securityContext`, never a referral, task or consent (seen without consent), the citizen,"
          + " an organisation or nothing", "422"),
      text(RULES, "AUD-001", "the audit trail cannot be written, changed or deleted through the API", "403"),
      text(RULES, "NOTIF-001", "Subscription criteria the gateway can promise: a type and parameters the role may"
          + " subscribe with, matched in memory", "422"),
      text(RULES, "NOTIF-002", "a rest-hook channel, payload empty or `application/fhir+json`, headers the gateway"
          + " may pass on", "422"),
      text(RULES, "NOTIF-003", "status `error` is the gateway's to set; a client resumes by setting `requested`",
          "422"),
      text(RULES, "NOTIF-004", "only the client that created a Subscription changes or deletes it", "403"),
      text(CONSENT, "CONS-001", "a consent in force (active, permit, in its period, documented by form or journal"
          + " note)", "422 / deny"),
      text(CONSENT, "CONS-002", "the consent names the asking party and the purpose", "422 / deny"),
      text(CONSENT, "CONS-003", "LÆ 275 and lægeskøn need the specific wording", "task rejected / deny"),
      text(CONSENT, "CONS-004", "contact with the GP needs written consent (not the certificate copy)", "422"),
      text(CONSENT, "CONS-005", "withdrawn consent puts open tasks on hold; a valid one resumes them", "-"),
      text(CONSENT, "CONS-006", "only the clinic owning the task asks for a look-up", "403"),
      text(CONSENT, "IND-001", "the coordinator is not the citizen's GP and does not treat the citizen", "422"),
      text(CONSENT, "IND-002", "one person in two roles of the citizen's cases only if the citizen agreed", "422"),
      text(ROUTING, "ROUTE-001", "the result's document type fits the service (routing table)", "422"),
      text(ROUTING, "ROUTE-002", "the result is a DocumentReference about the task's citizen", "422"),
      text(ROUTING, "ROUTE-003", "the citizen's GP clinic can be addressed (SOR code and ydernummer); otherwise"
          + " nothing is completed", "422"),
      text(ROUTING, "ROUTE-004", "only the requesting municipality follows a GP recommendation, and only one the"
          + " coordinator made", "403/409"),
      text(ROUTING, "ROUTE-005", "only the sending clinic retries a delivery, and only a dead letter", "403/409"),
      text(ROUTING, "ROUTE-006", "a GP message conforms to MedCom CareCommunication 5.0.4 before it is written to the"
          + " outbox; the refusal names the MedCom rule", "422"),
      text(ROUTING, "ROUTE-007", "an acknowledgement posted to `$process-message` conforms to MedCom Acknowledgement"
          + " 2.0.3", "422"),
      text(ROUTING, "ROUTE-008", "it answers (`response.identifier`) a message the gateway sent to the caller's own"
          + " GP clinic (only a GP system posts one: any other party gets 403 SEC-008)", "422"),
      text(SETTLEMENT, "SET-001", "a LÆ 275 task completed with an assessment (`businessStatus`"
          + " `assessment-existing-information` or `examination`; returned with a note is none)",
          "1 case at the agreement's price, by default 14,000 kr at the 2011 price level, indexed"),
      text(SETTLEMENT, "SET-002", "a meeting-day service completed: case sparring, conversation after 3½ years at the"
          + " municipality, right to a coordinator",
          "its points from `kf-services` (1, 2, 3; 1 point = 20 min) x the agreed point price"),
      text(SETTLEMENT, "SET-003", "a lægeskøn completed", "the started half hours of `Task.executionPeriod` (start to"
          + " end, recorded by the clinic; 61 minutes are 3) x half the agreed hourly rate; completed without the"
          + " period, it is recorded with 0 half hours, `not-billable` (SET-013)"),
      text(SETTLEMENT, "SET-004", "a no-show at a LÆ 275 consultation: a `Task.output` of type"
          + " `kf-settlement-events#no-show`, `valueDateTime` the missed consultation",
          "the agreed fee, once per recorded consultation"),
      text(SETTLEMENT, "SET-005", "a LÆ 275 task cancelled later than 24 hours before its booked consultation"
          + " (`Task.executionPeriod.start`)", "the agreed fee"),
      text(SETTLEMENT, "SET-006", "a rehabilitation-team case received by the region, dated by `Task.authoredOn`"
          + " (when the municipality sent it), unless the citizen's case with the municipality still runs or ended"
          + " less than 6 months ago", "1 case at the case price: `not-billable` where the instalments pay the"
          + " coordinator function (counted for SET-009), billed where the agreement bills per case"),
      text(SETTLEMENT, "SET-007", "a task cancelled before work (from `requested` or `received`)",
          "bills nothing; what its receipt billed (SET-006) is credited"),
      text(SETTLEMENT, "SET-008", "each month", "the coordinator function's instalment: the year's forecast x the"
          + " year's case price / 12; the case price is agreed, or a full-time year with overhead over 202 working"
          + " days x 3 cases"),
      text(SETTLEMENT, "SET-009", "the January invoice", "the previous year's started cases against its forecast:"
          + " beyond +5 % the cases beyond the forecast are billed at the year's case price; under 95 % the"
          + " difference to 95 % of the forecast is credited"),
      text(SETTLEMENT, "SET-010", "every invoice", "payment due (extension `kf-payment-due`): the agreement's days"
          + " after the invoice, by default 14"),
      text(SETTLEMENT, "SET-011", "`$settle`", "a month is settled once it is over (409 before), once: again, the same"
          + " invoice; nothing billable and no instalment: 422"),
      text(SETTLEMENT, "SET-012", "`$credit`", "a correction is a new ChargeItem with the negative quantity and"
          + " amount, `partOf` the original, on the original's date; an item is credited once (409), a credit never"),
      text(SETTLEMENT, "SET-013", "a completion or no-show", "the recorded times are not in the future and a period"
          + " ends after it starts (422); billing never holds up a completion otherwise"),
      text(SETTLEMENT, "SET-014", "`$settle`, `$oioubl`", "only the secretariat of the agreement's region (or the"
          + " administrator) settles (403); OIOUBL needs both EAN numbers (422)"));

  private static Text text(RuleTable table, String id, String rule, String answer) {
    return new Text(table, id, rule, answer, null);
  }

  private static Text varying(RuleTable table, String id, String rule, String answer, String source) {
    return new Text(table, id, rule, answer, source);
  }
}
