package dk.kfgateway.consent;

import dk.kfgateway.fhir.Refusals;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Checks {@link IndependencePolicy} when a task is handed to a named coordinator (Task.owner becomes a
 * PractitionerRole): reads the citizen's GPs (everyone with a role at the citizen's GP clinic), the treating
 * practitioners the clinic declared on the citizen's tasks (extension kf-treating-practitioner), who owns the
 * citizen's other tasks, and whether the citizen agreed.
 */
public class IndependenceInterceptor implements WriteStep {

  private final IndependencePolicy policy = new IndependencePolicy();
  private final ConsentDecisions decisions;
  private final CaseRecords records;
  private final Clock clock;

  IndependenceInterceptor(ConsentDecisions decisions, CaseRecords records, Clock clock) {
    this.decisions = decisions;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public Step step() {
    return Step.INDEPENDENCE;
  }

  @Override
  public void apply(Write write) {
    beforeUpdate(write.previous(), write.resource());
  }

  private void beforeUpdate(IBaseResource previous, IBaseResource updated) {
    if (!(previous instanceof Task before) || !(updated instanceof Task after)) {
      return;
    }
    String owner = after.getOwner().getReference();
    if (owner == null || !owner.startsWith("PractitionerRole/") || owner.equals(before.getOwner().getReference())) {
      return;
    }
    Optional<String> person = records.read(owner, PractitionerRole.class).map(r -> r.getPractitioner().getReference());
    if (person.isEmpty()) {
      return;
    }
    String patient = after.getFor().getReferenceElement().toUnqualifiedVersionless().getValue();
    String taskId = after.getIdElement().getIdPart();
    List<Task> others = records.tasksOf(patient).stream()
        .filter(t -> !t.getIdElement().getIdPart().equals(taskId)).toList();
    Set<String> treating = Stream.concat(Stream.of(after), others.stream())
        .flatMap(t -> t.getExtensionsByUrl(ConsentCodes.EXT_TREATING_PRACTITIONER).stream())
        .map(e -> e.getValue() instanceof Reference r ? person(r) : null)
        .filter(Objects::nonNull).collect(Collectors.toSet());
    Set<String> gps = records.read(patient, Patient.class).stream()
        .flatMap(p -> p.getGeneralPractitioner().stream()).flatMap(this::people).collect(Collectors.toSet());
    Set<String> otherRoles = new HashSet<>();
    others.stream().map(t -> person(t.getOwner())).filter(Objects::nonNull).forEach(otherRoles::add);
    boolean agreed = otherRoles.contains(person.get()) && decisions.decide(new ConsentQuestion(patient,
        organisationOf(owner), owner, ConsentCodes.SAME_PERSON, clock.instant())).permit();
    Refusals.enforce(policy.check(person.get(), gps, treating, otherRoles, agreed));
  }

  private String organisationOf(String practitionerRole) {
    return records.read(practitionerRole, PractitionerRole.class).map(r -> r.getOrganization().getReference())
        .orElse(null);
  }

  /** The people behind a GP reference: the Practitioner itself, or every practitioner of a GP clinic. */
  private Stream<String> people(Reference gp) {
    String target = gp.getReference();
    if (target != null && target.startsWith("Organization/")) {
      return records.rolesAt(target).stream().map(r -> r.getPractitioner().getReference()).filter(Objects::nonNull);
    }
    return Stream.ofNullable(person(gp));
  }

  /** The Practitioner behind a Practitioner or PractitionerRole reference; null for anything else. */
  private String person(Reference reference) {
    String target = reference == null ? null : reference.getReference();
    if (target == null) {
      return null;
    }
    if (target.startsWith("Practitioner/")) {
      return target;
    }
    return target.startsWith("PractitionerRole/")
        ? records.read(target, PractitionerRole.class).map(r -> r.getPractitioner().getReference()).orElse(null)
        : null;
  }
}
