package dk.kfgateway.security.allowlist;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import dk.kfgateway.security.PartyRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemInteractionComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code GET /fhir/metadata} says what the allow-list allows, from the same declaration: for a caller with a token,
 * what its role may do; without one (or for an unrestricted tool), what any role may do, each resource's documentation naming the roles. HAPI would
 * announce everything it can (history, batch, conditional operations, every search parameter).
 */
@Interceptor
public class AllowListCapability {

  private final AllowList allowList;
  private final dk.kfgateway.access.RestrictedCallers callers;

  AllowListCapability(AllowList allowList, dk.kfgateway.access.RestrictedCallers callers) {
    this.allowList = allowList;
    this.callers = callers;
  }

  /** What any role may do: HAPI caches the generated statement for every caller, so it is the same for all. */
  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void announce(IBaseConformance generated) {
    announce((CapabilityStatement) generated, Arrays.asList(PartyRole.values()));
  }

  /** What the caller's role may do, on a copy made for this answer only. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void narrowToTheCaller(RequestDetails request, ResponseDetails response) {
    if (response.getResponseResource() instanceof CapabilityStatement statement) {
      callers.of(request).ifPresent(caller -> {
        CapabilityStatement copy = statement.copy();
        announce(copy, List.of(caller.role()));
        response.setResponseResource(copy);
      });
    }
  }

  private void announce(CapabilityStatement statement, List<PartyRole> roles) {
    CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
    boolean transactions = roles.stream().anyMatch(r -> allowList.of(r).mayTransact());
    rest.getInteraction().removeIf(i -> !(transactions
        && i.getCode() == CapabilityStatement.SystemRestfulInteraction.TRANSACTION));
    if (transactions && rest.getInteraction().isEmpty()) {
      rest.addInteraction(new SystemInteractionComponent().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION));
    }
    Set<String> systemOperations = new TreeSet<>();
    roles.forEach(r -> systemOperations.addAll(allowList.of(r).systemOperations()));
    rest.getOperation().removeIf(o -> !systemOperations.contains("$" + o.getName()));
    rest.getSearchParam().clear();
    rest.getResource().removeIf(resource -> !announce(resource, grants(roles, resource.getType())));
  }

  private Map<PartyRole, TypeGrant> grants(List<PartyRole> roles, String type) {
    return roles.stream().filter(r -> allowList.of(r).on(type).isPresent())
        .collect(Collectors.toMap(r -> r, r -> allowList.of(r).on(type).orElseThrow()));
  }

  /** Narrows one resource to what the roles may do with it; false when they may do nothing. */
  private boolean announce(CapabilityStatementRestResourceComponent resource, Map<PartyRole, TypeGrant> grants) {
    if (grants.isEmpty()) {
      return false;
    }
    Set<String> interactions = union(grants, g -> g.interactions().stream().map(AllowListCapability::code).toList());
    resource.getInteraction().removeIf(i -> !interactions.contains(i.getCode().toCode()));
    for (String code : interactions) {
      if (resource.getInteraction().stream().noneMatch(i -> i.getCode().toCode().equals(code))) {
        resource.addInteraction(new ResourceInteractionComponent()
            .setCode(CapabilityStatement.TypeRestfulInteraction.fromCode(code)));
      }
    }
    Set<String> search = union(grants, TypeGrant::search);
    resource.getSearchParam().removeIf(p -> !search.contains(p.getName()));
    Set<String> operations = union(grants, TypeGrant::operations);
    resource.getOperation().removeIf(o -> !operations.contains("$" + o.getName()));
    resource.setSearchInclude(strings(union(grants, TypeGrant::include)));
    resource.setSearchRevInclude(strings(union(grants, TypeGrant::revinclude)));
    resource.setConditionalCreate(grants.keySet().stream()
        .anyMatch(r -> allowList.of(r).conditionalCreates().containsKey(resource.getType())));
    resource.setConditionalUpdate(false);
    resource.setConditionalRead(CapabilityStatement.ConditionalReadStatus.NOTSUPPORTED);
    resource.setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
    resource.setReadHistory(false);
    resource.setDocumentation(documentation(grants));
    return true;
  }

  private static String documentation(Map<PartyRole, TypeGrant> grants) {
    return "SEC-008: " + grants.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue().interactions().stream().sorted().map(Interaction::code)
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  private static String code(Interaction interaction) {
    return interaction == Interaction.SEARCH ? "search-type" : interaction.code();
  }

  private static <T> Set<String> union(Map<PartyRole, TypeGrant> grants,
      java.util.function.Function<TypeGrant, java.util.Collection<T>> part) {
    Set<String> all = new TreeSet<>();
    grants.values().forEach(g -> part.apply(g).forEach(v -> all.add(String.valueOf(v))));
    return all;
  }

  private static List<StringType> strings(Set<String> values) {
    List<StringType> list = new ArrayList<>();
    values.forEach(v -> list.add(new StringType(v)));
    return list;
  }
}
