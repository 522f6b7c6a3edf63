package dk.kfgateway.consent;

import dk.kfgateway.ig.Ig;

/** The IG's names the consent rules read: wording, purposes, extensions, reason codes. */
public final class ConsentCodes {

  /** The wording of EG Sundhed's consent form, which LÆ 275 and lægeskøn require (guide pkt. 13). */
  public static final String SPECIFIC_WORDING = Ig.CANONICAL + "/consent-wording/eg-sundhed-samtykke-2025";

  public static final String PURPOSES = Ig.codeSystem(Ig.CS_CONSENT_PURPOSES);
  /** Exchange of relevant information between the municipality and the region's health staff (guide pkt. 13). */
  public static final String INFORMATION_EXCHANGE = "information-exchange";
  /** The coordinator discusses the case with the citizen's GP (bkg 2019 §5 stk. 2, §11 stk. 5). */
  public static final String GP_CONTACT = "gp-contact";
  /** One person as coordinator and Klinisk Funktion assessor, or coordinator again (§13 stk. 3, §26 stk. 7). */
  public static final String SAME_PERSON = "same-person";

  /** Written consent to contact the GP, on the Consent. */
  public static final String EXT_GP_CONTACT = Ig.EXT_GP_CONTACT_CONSENT;
  /** Practitioners who treat or treated the citizen, declared by the clinic on the Task (bkg 2019 §12 stk. 2). */
  public static final String EXT_TREATING_PRACTITIONER = Ig.structureDefinition("kf-treating-practitioner");

  public static final String REJECTION_REASONS = Ig.codeSystem(Ig.CS_REJECTION_REASONS);
  public static final String MISSING_SPECIFIC_CONSENT = "missing-specific-consent";
  public static final String CONSENT_QUESTIONED = "consent-questioned";

  /** kf-communication-categories; the certificate copy goes to the GP by law, without consent (bkg 2019 §15 stk. 2). */
  public static final String COMMUNICATION_CATEGORIES = Ig.codeSystem("kf-communication-categories");
  public static final String CERTIFICATE_COPY = "certificate-copy";

  /** The text guide pkt. 13 gives for returning a LÆ 275 request without the specific consent. */
  public static final String RETURN_TEXT =
      "Anmodninger om LÆ 275 som ikke indeholder et samtykke med den specifikke ordlyd, kan ikke visiteres til"
          + " Klinisk Funktion og vil blive tilbagevist. Begrundelsen er, at der ved visitation af sagen skal foretages"
          + " opslag i Sundhedsplatformen. (guide pkt. 13)";

  private ConsentCodes() {}
}
