package dk.kfgateway.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The writes of one request, collected until its transaction commits, and the one audit record they make. */
final class Writes {

  private final RequestKind kind;
  private final AuditRecord.Agent agent;
  private final List<IBaseResource> kept = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();
  private final Set<String> actions = new LinkedHashSet<>();

  Writes(RequestKind kind, AuditRecord.Agent agent) {
    this.kind = kind;
    this.agent = agent;
  }

  void add(IBaseResource resource, String action) {
    if (resource == null || !AuditedResources.CASE_TYPES.contains(resource.fhirType())) {
      return;
    }
    actions.add(action);
    if ("D".equals(action)) {
      // a deleted resource cannot be referenced any more: named in the text
      deleted.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    } else {
      kept.add(resource);
    }
  }

  static AuditRecord.Agent agent(dk.kfgateway.security.Caller caller) {
    return AuditRecord.Agent.of(caller);
  }

  boolean isEmpty() {
    return actions.isEmpty();
  }

  AuditRecord toRecord() {
    AuditedResources audited = AuditedResources.of(kept);
    String action = actions.size() == 1 ? actions.iterator().next() : "U";
    String reason = deleted.isEmpty() ? null : "deleted: " + String.join(", ", deleted);
    return new AuditRecord(action, kind.subtype(), AuditRecord.Outcome.SUCCESS, agent, audited.citizen(), null,
        audited.entities(), reason);
  }
}
