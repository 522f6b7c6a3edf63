package dk.kfgateway.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Who may see each resource of a citizen's cases (adgang kun til egne sager, bkg 2019 §3; sundhedsloven §42a;
 * samtykke, guide pkt. 13). Pure: the case file, the organisation behind a reference and the consent decision come in.
 *
 * <ul>
 *   <li>a Task: its requesting municipality and its owning clinic;
 *   <li>a referral (ServiceRequest): its municipality and the clinics owning its tasks;
 *   <li>a Consent: its municipality, and the clinics owning that municipality's tasks (a consent belongs to the
 *       cases of the municipality that registered it);
 *   <li>the citizen and the documents: the municipality of the case, the clinic owning a task of the case only while
 *       that case's consent holds, and the parties of the case a copy carrying them was addressed to (the requesting
 *       municipality, the citizen's own GP clinic); a document's author or custodian counts only where it is such a
 *       party already (naming another organisation as author, or a clinic without consent, opens nothing);
 *   <li>a Binary: whoever may see the case data its security context names (the DocumentReference it is the
 *       content of, the referral); a client's Binary names such data (SEC-012); a document pointing at a Binary gives
 *       it nothing, or anybody could claim another party's Binary by pointing a document of their own at it;
 *   <li>a Communication: its sender and those of its recipients that are parties of the case.
 * </ul>
 */
public final class AccessLabelPolicy {

  /** A referral returned, cancelled or entered in error releases nothing to the clinic, whatever consent exists. */
  private static final Set<Task.TaskStatus> CLOSED_WITHOUT_RESULT =
      Set.of(Task.TaskStatus.REJECTED, Task.TaskStatus.CANCELLED, Task.TaskStatus.ENTEREDINERROR);

  /**
   * @param organisationOf the Organization behind {@code Organization/x} or {@code PractitionerRole/y}
   * @param consentHolds whether the consent of a task's case releases the citizen's data to the task's clinic now
   * @return the labels of every resource of the file, by {@code Type/id}
   */
  public Map<String, Set<String>> labels(
      CaseFile file, Function<String, Optional<String>> organisationOf, Predicate<Task> consentHolds) {
    return labels(file, AccessLabelPolicy::id, organisationOf, consentHolds);
  }

  /**
   * The same, with the resources named by {@code idOf}: their stored {@code Type/id}, or, for a transaction not stored
   * yet, the {@code fullUrl} its own references use.
   */
  Map<String, Set<String>> labels(CaseFile file, Function<IBaseResource, String> idOf,
      Function<String, Optional<String>> organisationOf, Predicate<Task> consentHolds) {
    Orgs orgs = new Orgs(organisationOf);
    Map<String, Set<String>> labels = new HashMap<>();
    Set<String> citizen = new TreeSet<>();
    Map<String, Set<String>> releasedByRequest = new HashMap<>();
    Set<String> municipalities = new TreeSet<>();
    Set<String> releasedClinics = new TreeSet<>();
    for (Task task : file.tasks()) {
      labels.put(idOf.apply(task), own(task, organisationOf));
      String municipality = orgs.of(task.getRequester());
      String clinic = orgs.of(task.getOwner());
      boolean released = !closedWithoutResult(task) && consentHolds.test(task);
      add(citizen, municipality);
      add(municipalities, municipality);
      Set<String> request = releasedByRequest.computeIfAbsent(task.getFocus().getReference(), k -> new TreeSet<>());
      add(request, municipality);
      if (released) {
        add(citizen, clinic);
        add(request, clinic);
        add(releasedClinics, clinic);
      }
    }
    // Who a copy may open the case to: the municipalities of the case and the citizen's own GP clinic.
    Set<String> addressees = new TreeSet<>(municipalities);
    if (file.patient() != null) {
      addressees.addAll(orgs.all(file.patient().getGeneralPractitioner()));
    }
    Set<String> writers = new TreeSet<>(municipalities);
    writers.addAll(releasedClinics);
    for (ServiceRequest request : file.requests()) {
      Set<String> of = labels.computeIfAbsent(idOf.apply(request), k -> new TreeSet<>());
      add(of, orgs.of(request.getRequester()));
      file.tasks().stream().filter(t -> idOf.apply(request).equals(t.getFocus().getReference()))
          .forEach(t -> add(of, orgs.of(t.getOwner())));
    }
    for (Consent consent : file.consents()) {
      Set<String> of = labels.computeIfAbsent(idOf.apply(consent), k -> new TreeSet<>());
      Set<String> registeredBy = orgs.all(consent.getOrganization());
      of.addAll(registeredBy);
      file.tasks().stream().filter(t -> registeredBy.contains(orgs.of(t.getRequester())))
          .forEach(t -> add(of, orgs.of(t.getOwner())));
    }
    for (Communication communication : file.communications()) {
      Set<String> recipients = orgs.all(communication.getRecipient());
      recipients.retainAll(addressees);
      Set<String> own = new TreeSet<>(recipients);
      add(own, orgs.of(communication.getSender()));
      labels.put(idOf.apply(communication), own);
      citizen.addAll(recipients);
      communication.getPayload().stream().filter(p -> p.hasContentReference())
          .map(p -> p.getContentReference().getReference())
          .forEach(document -> labels.computeIfAbsent(document, k -> new TreeSet<>()).addAll(recipients));
    }
    for (DocumentReference document : file.documents()) {
      Set<String> of = labels.computeIfAbsent(idOf.apply(document), k -> new TreeSet<>());
      Set<String> authors = orgs.all(document.getAuthor());
      add(authors, orgs.of(document.getCustodian()));
      authors.retainAll(writers);
      of.addAll(authors);
      document.getContext().getRelated().forEach(r -> of.addAll(releasedByRequest.getOrDefault(r.getReference(),
          Set.of())));
    }
    if (file.patient() != null) {
      labels.put(idOf.apply(file.patient()), citizen);
    }
    for (Binary binary : file.binaries()) {
      labels.put(idOf.apply(binary), binaryLabels(binary, labels));
    }
    labels.keySet().retainAll(ids(file, idOf));
    return labels;
  }

  /**
   * Whether a Task's change leaves the labels of its citizen's case file as they are: they depend on the task only
   * through its parties (requester, owner), its referral and citizen (focus, for), and whether it closed without a
   * result. A move along the workflow that keeps all of these needs no relabelling of the file.
   */
  public static boolean sameLabelsAfter(Task before, Task after) {
    return closedWithoutResult(before) == closedWithoutResult(after)
        && same(before.getRequester(), after.getRequester()) && same(before.getOwner(), after.getOwner())
        && same(before.getFocus(), after.getFocus()) && same(before.getFor(), after.getFor());
  }

  private static boolean closedWithoutResult(Task task) {
    return task.getStatus() != null && CLOSED_WITHOUT_RESULT.contains(task.getStatus());
  }

  private static boolean same(Reference before, Reference after) {
    return java.util.Objects.equals(before.getReference(), after.getReference());
  }

  /**
   * The labels a Task or Communication carries from its own content (its parties), set as it is stored; a
   * Subscription's are the organisation whose cases its criteria watch, given by the caller.
   */
  public Set<String> own(IBaseResource resource, Function<String, Optional<String>> organisationOf) {
    Orgs orgs = new Orgs(organisationOf);
    Set<String> of = new TreeSet<>();
    if (resource instanceof Task task) {
      add(of, orgs.of(task.getRequester()));
      add(of, orgs.of(task.getOwner()));
    } else if (resource instanceof Communication communication) {
      add(of, orgs.of(communication.getSender()));
      of.addAll(orgs.all(communication.getRecipient()));
    }
    return of;
  }

  private static Set<String> binaryLabels(Binary binary, Map<String, Set<String>> labels) {
    Set<String> of = new TreeSet<>();
    String context = binary.getSecurityContext().getReference() == null ? null
        : new org.hl7.fhir.r4.model.IdType(binary.getSecurityContext().getReference()).toUnqualifiedVersionless()
            .getValue();
    if (context != null) {
      of.addAll(labels.getOrDefault(context, Set.of()));
    }
    return of;
  }

  private static Set<String> ids(CaseFile file, Function<IBaseResource, String> idOf) {
    Set<String> ids = new java.util.HashSet<>();
    List.of(file.tasks(), file.requests(), file.consents(), file.documents(), file.binaries(), file.communications())
        .forEach(list -> list.forEach(r -> ids.add(idOf.apply(r))));
    if (file.patient() != null) {
      ids.add(idOf.apply(file.patient()));
    }
    return ids;
  }

  static String id(IBaseResource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  private static void add(Set<String> labels, String code) {
    if (code != null) {
      labels.add(code);
    }
  }

  /** Label codes of the organisations behind references. */
  private record Orgs(Function<String, Optional<String>> organisationOf) {
    String of(Reference reference) {
      return reference == null || reference.getReference() == null ? null
          : organisationOf.apply(reference.getReference()).map(AccessLabels::code).orElse(null);
    }

    Set<String> all(List<Reference> references) {
      Set<String> codes = new TreeSet<>();
      references.forEach(r -> add(codes, of(r)));
      return codes;
    }
  }
}
