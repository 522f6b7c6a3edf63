package dk.kfgateway.security.allowlist;

import dk.kfgateway.rules.RuleRef;
import dk.kfgateway.rules.Verdict;
import dk.kfgateway.security.PartyRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one declaration of what each party may do (rule SEC-008), deny by default: a request is allowed only when every
 * part of it (interaction, each parameter and value key, each transaction entry) is on the caller's role's list. Pure:
 * the declaration comes from {@code security/allow-list.yaml} ({@link AllowListYaml}), the request from {@link
 * RequestShapes}.
 */
public final class AllowList {

  public static final RuleRef RULE =
      new RuleRef("SEC-008", "bkg 2019 §3; GDPR art. 5(1)(c), 25(2) (only the data each party's work needs)");

  /** What makes a transaction a referral, the only place for the declared conditional creates (the citizen by CPR). */
  static final String REFERRAL = "ServiceRequest";

  /** Open to every search: they change how a permitted answer is written, not what is selected. */
  static final Set<String> ANY_SEARCH = Set.of("_count", "_pretty", "_format");

  /** Open to every other request. */
  static final Set<String> ANY_REQUEST = Set.of("_pretty", "_format");

  /** One value of a conditional create's criterion: a CPR or another identifier, never a list ({@code a,b}). */
  private static final java.util.regex.Pattern ONE_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9.\\-]{1,64}");

  /** What a next page's link holds: its search, where it starts, its size, its kind. Nothing changes what it shows. */
  static final Set<String> PAGE_PARAMETERS = Set.of("_getpages", "_getpagesoffset", "_count", "_offset",
      "_bundletype");

  private final Map<PartyRole, RoleGrants> roles;

  public AllowList(Map<PartyRole, RoleGrants> roles) {
    this.roles = Map.copyOf(roles);
  }

  public RoleGrants of(PartyRole role) {
    return roles.getOrDefault(role, new RoleGrants(Map.of(), Set.of(), Map.of()));
  }

  public Verdict check(PartyRole role, RequestShape request) {
    RoleGrants grants = of(role);
    List<String> refusals = new ArrayList<>();
    switch (request.kind()) {
      case METADATA -> {}
      case PAGE -> page(request, refusals);
      case UNLISTED -> refusals.add(request.name() + " is on no party's list");
      case OPERATION -> operation(grants, request, refusals);
      case TRANSACTION -> transaction(grants, request, refusals);
      case INTERACTION -> interaction(grants, request, refusals);
    }
    if (refusals.isEmpty()) {
      return Verdict.allowed();
    }
    return Verdict.notPermitted(RULE, "A " + role + " client may not do this: " + String.join("; ", refusals)
        + " (README \"What each party may do\")", null);
  }

  private static void operation(RoleGrants grants, RequestShape request, List<String> refusals) {
    if (request.type() == null) {
      if (!grants.systemOperations().contains(request.name())) {
        refusals.add(request.name() + " on the system is not on its list");
      }
    } else if (!grants.on(request.type()).map(g -> g.operations().contains(request.name())).orElse(false)) {
      refusals.add(request.name() + " on " + request.type() + " is not on its list");
    }
    onlyKeys(request, ANY_REQUEST, refusals);
  }

  private static void transaction(RoleGrants grants, RequestShape request, List<String> refusals) {
    if (!grants.mayTransact()) {
      refusals.add("a transaction is not on its list");
      return;
    }
    boolean referral = request.entries().stream().anyMatch(e -> e.kind() == RequestShape.Kind.INTERACTION
        && e.interaction() == Interaction.CREATE && REFERRAL.equals(e.type()) && e.conditional() == null);
    for (int i = 0; i < request.entries().size(); i++) {
      RequestShape entry = request.entries().get(i);
      String where = "entry " + (i + 1) + " (" + entry.type() + "): ";
      if (entry.kind() != RequestShape.Kind.INTERACTION || entry.interaction() != Interaction.CREATE) {
        refusals.add(where + "a transaction may only create " + new TreeSet<>(grants.transactionCreates()));
      } else if (entry.conditional() != null) {
        if (!conditionalCreateAllowed(grants, entry) || !referral) {
          refusals.add(where + "a conditional create (ifNoneExist " + names(entry.conditional()) + ") is not on its"
              + " list" + allowedConditional(grants, entry.type()));
        }
      } else if (!grants.transactionCreates().contains(entry.type())) {
        refusals.add(where + "a transaction may only create " + new TreeSet<>(grants.transactionCreates())
            + allowedConditional(grants, entry.type()));
      }
      written(entry, where, refusals);
    }
  }

  /** A page is asked with its link as the gateway gave it: added parameters would reshape what the search allowed. */
  private static void page(RequestShape request, List<String> refusals) {
    List<String> added = request.parameters().keySet().stream()
        .filter(p -> !PAGE_PARAMETERS.contains(p) && !ANY_REQUEST.contains(p)).sorted().toList();
    if (!added.isEmpty()) {
      refusals.add("a page (_getpages) with the parameters " + added + " added to its link");
    }
  }

  /**
   * The one criterion declared for the type with exactly one value, nothing added to it
   * ({@code identifier=urn:oid:...|<cpr>}): a list of values ({@code |a,|b}) would match citizens of other parties and
   * tell by its answer (412, several matches) that they exist.
   */
  private static boolean conditionalCreateAllowed(RoleGrants grants, RequestShape entry) {
    String prefix = grants.conditionalCreates().get(entry.type());
    String criteria = entry.conditional().replaceFirst("^" + entry.type() + "\\?", "");
    return prefix != null && criteria.startsWith(prefix) && ONE_VALUE.matcher(criteria.substring(prefix.length()))
        .matches();
  }


  private static String allowedConditional(RoleGrants grants, String type) {
    String prefix = grants.conditionalCreates().get(type);
    return prefix == null ? "" : "; a " + type + " only by a conditional create on " + prefix + "<one value>, in a referral"
        + " (a transaction that creates a " + REFERRAL + ")";
  }

  private static void interaction(RoleGrants grants, RequestShape request, List<String> refusals) {
    TypeGrant grant = grants.on(request.type()).orElse(null);
    if (grant == null || !grant.allows(request.interaction())) {
      refusals.add(request.interaction().code() + " of " + request.type() + " is not on its list"
          + (grant == null ? "" : "; allowed: " + codes(grant)));
      return;
    }
    if (request.conditional() != null) {
      refusals.add("a conditional " + request.interaction().code() + " (by " + names(request.conditional())
          + ") is not on its list; address the resource by its id");
    }
    written(request, "", refusals);
    if (request.interaction() == Interaction.SEARCH) {
      search(grant, request, refusals);
    } else {
      onlyKeys(request, ANY_REQUEST, refusals);
    }
  }

  /** What a written body may not hold: conditional references. */
  private static void written(RequestShape request, String where, List<String> refusals) {
    for (String reference : request.conditionalReferences()) {
      refusals.add(where + "a conditional reference (" + reference.replaceFirst("\\?.*", "?") + names(reference)
          + ") is not allowed; refer by id");
    }
  }

  /**
   * The parameter names of criteria, without their values: a refusal never echoes an id or a CPR, so that it reads the
   * same whatever the criteria would have matched.
   */
  static String names(String criteria) {
    String query = criteria.replaceFirst("^[^?]*\\?", "");
    return String.join("&", java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).toList());
  }

  private static void search(TypeGrant grant, RequestShape request, List<String> refusals) {
    for (Map.Entry<String, List<String>> parameter : request.parameters().entrySet()) {
      String key = parameter.getKey();
      Set<String> values = switch (key) {
        case "_sort" -> grant.sort();
        case "_include" -> grant.include();
        case "_revinclude" -> grant.revinclude();
        default -> null;
      };
      if (values != null) {
        for (String value : parameter.getValue()) {
          for (String one : key.equals("_sort") ? value.split(",") : new String[] {value}) {
            String bare = key.equals("_sort") ? one.trim().replaceFirst("^-", "") : one.trim();
            if (!values.contains(bare)) {
              refusals.add(key + "=" + one.trim() + " is not on its list for " + request.type()
                  + "; allowed: " + (values.isEmpty() ? "none" : new TreeSet<>(values)));
            }
          }
        }
      } else if (!ANY_SEARCH.contains(key) && !grant.search().contains(key)) {
        refusals.add("the search parameter " + key + " is not on its list for " + request.type()
            + "; allowed: " + new TreeSet<>(grant.search()));
      }
    }
  }

  private static void onlyKeys(RequestShape request, Set<String> allowed, List<String> refusals) {
    for (String key : request.parameters().keySet()) {
      if (!allowed.contains(key)) {
        refusals.add("the parameter " + key + " is not allowed here");
      }
    }
  }

  private static List<String> codes(TypeGrant grant) {
    return grant.interactions().stream().sorted().map(Interaction::code).toList();
  }
}
