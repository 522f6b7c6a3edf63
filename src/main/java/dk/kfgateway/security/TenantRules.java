package dk.kfgateway.security;

import dk.kfgateway.rules.RuleRef;

/** The rule ids of tenant isolation and request limits, with the paragraphs they rest on. */
public final class TenantRules {

  /** A party sees and changes only the data of its own cases (404 on reads, 403 on writes). */
  public static final RuleRef OWN_CASES_ONLY =
      new RuleRef("SEC-004", "bkg 2019 §3; sundhedsloven §42a (access only for those treating or handling the case)");

  /** A client writes only on behalf of its own organisation (requester, organization, author, sender). */
  public static final RuleRef OWN_ORGANISATION_ONLY =
      new RuleRef("SEC-005", "bkg 2019 §3; SMART backend services (a client acts for its registered organisation)");

  /** A Subscription watches only the caller's own cases. */
  public static final RuleRef OWN_SUBSCRIPTIONS_ONLY =
      new RuleRef("SEC-006", "bkg 2019 §3 (notifications only about one's own cases)");

  /** A citizen used by several parties' cases is not changed by one of them alone. */
  public static final RuleRef SHARED_CITIZEN =
      new RuleRef("SEC-010", "bkg 2019 §3, §15 stk. 2 (each case relies on the citizen and GP as referred)");

  /**
   * What ties case data to its citizen and its case never changes by an update: a stored citizen's CPR (one Patient per
   * CPR, matched by the referral's conditional create), a document's subject and case ({@code context.related}).
   */
  public static final RuleRef CASE_TIES_FIXED =
      new RuleRef("SEC-011", "bkg 2019 §3 (each case's data stays in its case); one citizen per CPR (CPR-loven §3)");

  /**
   * A Binary a client stores names, in its {@code securityContext}, the case data it belongs to: its readers come from
   * there alone (access.AccessLabelPolicy), so a Binary naming an organisation or nothing could never be read.
   */
  public static final RuleRef BINARY_NAMES_ITS_CASE =
      new RuleRef("SEC-012", "bkg 2019 §3 (each case's data stays in its case); FHIR R4 Binary.securityContext");

  /** A request body larger than a case can be. */
  public static final RuleRef REQUEST_SIZE =
      new RuleRef("SEC-007", "guide pkt. 12 (at most 75 pages per case)");

  private TenantRules() {}
}
