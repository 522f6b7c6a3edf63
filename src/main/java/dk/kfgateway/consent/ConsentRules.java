package dk.kfgateway.consent;

import dk.kfgateway.rules.RuleRef;

/** The consent and independence rules with the paragraphs they rest on. */
public final class ConsentRules {

  /** A case needs the citizen's consent, in force now and documented by the signed form or a journal note. */
  public static final RuleRef CONSENT_IN_FORCE = new RuleRef("CONS-001", "guide pkt. 13");

  /** The consent names the party that asks and the purpose; exchange only between those parties. */
  public static final RuleRef PARTY_AND_PURPOSE = new RuleRef("CONS-002", "bkg 2019 §3; guide pkt. 13");

  /** LÆ 275 and lægeskøn need the consent with the specific wording of the standard form. */
  public static final RuleRef SPECIFIC_WORDING = new RuleRef("CONS-003", "guide pkt. 8, 11, 13");

  /** Contact with the citizen's GP needs written consent (not the statutory certificate copy). */
  public static final RuleRef WRITTEN_GP_CONSENT = new RuleRef("CONS-004", "bkg 2019 §5 stk. 2, §11 stk. 5");

  /** Withdrawn or lapsed consent puts the case on hold until settled; a valid consent resumes it. */
  public static final RuleRef HOLD_ON_WITHDRAWAL = new RuleRef("CONS-005", "guide pkt. 13 (sættes i bero)");

  /** Only the clinic that owns the case asks for a look-up in its own records. */
  public static final RuleRef OWN_CASE_LOOKUP = new RuleRef("CONS-006", "bkg 2019 §3; guide pkt. 8");

  /** A coordinator is not the citizen's GP and does not treat (or did not treat) the citizen. */
  public static final RuleRef COORDINATOR_INDEPENDENT = new RuleRef("IND-001", "bkg 2019 §12 stk. 2");

  /** The same person in two roles of the citizen's cases only with the citizen's agreement. */
  public static final RuleRef SAME_PERSON_AGREED = new RuleRef("IND-002", "bkg 2019 §13 stk. 3, §26 stk. 7");

  private ConsentRules() {}
}
