package dk.kfgateway.security.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One referred case as stored, with a resource of each case type ("Type/id"): the citizen, the referral, its task,
 * the consent, a case document with its PDF inline, a second document whose PDF is a Binary, that Binary, and the copy
 * of the first document addressed to the citizen's GP clinic.
 */
record CaseFile(
    Party municipality,
    Party clinic,
    Party gp,
    String cpr,
    String patient,
    String serviceRequest,
    String task,
    String consent,
    String document,
    String binaryDocument,
    String binary,
    String communication) {

  static final List<String> TYPES =
      List.of("Patient", "ServiceRequest", "Task", "Consent", "DocumentReference", "Binary", "Communication");

  /** One resource of each case type, by type. */
  Map<String, String> byType() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Patient", patient);
    all.put("ServiceRequest", serviceRequest);
    all.put("Task", task);
    all.put("Consent", consent);
    all.put("DocumentReference", document);
    all.put("Binary", binary);
    all.put("Communication", communication);
    return all;
  }

  String of(String type) {
    return byType().get(type);
  }

  /** Every resource of the case this record names. */
  List<String> resources() {
    return List.of(patient, serviceRequest, task, consent, document, binaryDocument, binary, communication);
  }

  static String idPart(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }
}
