package dk.kfgateway.access;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.IModelVisitor2;
import dk.kfgateway.pipeline.Step;
import dk.kfgateway.pipeline.Write;
import dk.kfgateway.pipeline.WriteStep;
import dk.kfgateway.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A client refers only to case data it may see: a reference written to another party's citizen, referral, task or
 * document (a Consent naming a citizen only another municipality has, say) answers exactly as a reference to a resource
 * that does not exist, and both as HAPI words it ({@code HAPI-1094: Resource Patient/x not found, specified in path:
 * Consent.patient}), so a write
 * neither reaches into nor tells of another party's case. Only references added by the write are checked (a clinic
 * moving a task whose citizen it no longer sees keeps the task's {@code for}). The one exception is the citizen of a
 * referral transaction: the municipality names the CPR in the Patient entry's conditional create, and its new case
 * makes the citizen its own. (Entries of a transaction refer to each other by {@code urn:uuid}, which HAPI resolves
 * after these hooks: they are not checked here.) A reference to a type the gateway does not serve (an Encounter, say)
 * is answered the same way: nothing of that type is held.
 */
public class UnseenReferences implements WriteStep {

  private static final FhirContext R4 = FhirContext.forR4Cached();

  private final RestrictedCallers callers;
  private final Visibility visibility;
  private final DaoRegistry daos;

  UnseenReferences(RestrictedCallers callers, Visibility visibility, DaoRegistry daos) {
    this.callers = callers;
    this.visibility = visibility;
    this.daos = daos;
  }

  @Override
  public Step step() {
    return Step.UNSEEN_REFERENCES;
  }

  @Override
  public void apply(Write write) {
    check(write.previous(), write.resource(), write.request());
  }

  private void check(IBaseResource previous, IBaseResource written, RequestDetails request) {
    Caller caller = callers.of(request).orElse(null);
    if (caller == null || Labeller.isLabelling(request)) {
      return;
    }
    Set<String> before = previous == null ? Set.of() : references(previous).keySet();
    references(written).forEach((target, path) -> {
      String type = target.split("/")[0];
      // a type the gateway does not serve has no storage: HAPI would fail on it with a 500, not answer "not found"
      boolean unserved = !daos.isResourceTypeSupported(type);
      if (unserved || AccessLabels.LABELLED_TYPES.contains(type) && !before.contains(target)
          && !mayRefer(caller, target, request)) {
        throw new InvalidRequestException(Msg.code(1094) + "Resource " + target + " not found, specified in path: "
            + path);
      }
    });
  }

  private boolean mayRefer(Caller caller, String target, RequestDetails request) {
    IBaseResource resource;
    try {
      resource = daos.getResourceDao(target.split("/")[0]).read(new IdType(target), new SystemRequestDetails());
    } catch (BaseServerResponseException unknownOrDeleted) {
      return false; // answered here in the same words as a hidden one, before any rule could name it otherwise
    }
    return visibility.sees(caller, resource, request)
        || resource instanceof Patient citizen && referredByCpr(citizen, request);
  }

  /** The citizen whose CPR the request's own referral transaction names in its conditional create. */
  private static boolean referredByCpr(Patient citizen, RequestDetails request) {
    if (!(request.getResource() instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.TRANSACTION) {
      return false;
    }
    Set<String> named = bundle.getEntry().stream().map(e -> e.getRequest().getIfNoneExist())
        .filter(c -> c != null && c.startsWith("identifier=")).map(c -> c.substring("identifier=".length()))
        .collect(Collectors.toSet());
    return citizen.getIdentifier().stream().anyMatch(i -> named.contains(i.getSystem() + "|" + i.getValue()));
  }

  /** Each relative literal reference ({@code Patient/1}) and the path it stands at ({@code Consent.patient}). */
  static Map<String, String> references(IBaseResource resource) {
    Map<String, String> found = new LinkedHashMap<>();
    R4.newTerser().visit(resource, new IModelVisitor2() {
      @Override
      public boolean acceptElement(IBase element, List<IBase> containingElements,
          List<BaseRuntimeChildDefinition> childDefinitions, List<BaseRuntimeElementDefinition<?>> definitions) {
        if (element instanceof Reference reference && reference.getReferenceElement().hasIdPart()) {
          IdType target = new IdType(reference.getReference());
          if (!target.isAbsolute() && target.hasResourceType() && !reference.getReference().startsWith("urn:")) {
            found.putIfAbsent(target.toUnqualifiedVersionless().getValue(), path(resource, childDefinitions));
          }
        }
        return true;
      }
    });
    return found;
  }

  private static String path(IBaseResource resource, List<BaseRuntimeChildDefinition> children) {
    List<String> names = new ArrayList<>();
    names.add(resource.fhirType());
    children.forEach(child -> names.add(child.getElementName()));
    return String.join(".", names);
  }
}
