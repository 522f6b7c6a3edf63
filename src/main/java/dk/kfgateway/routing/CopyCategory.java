package dk.kfgateway.routing;

import dk.kfgateway.ig.Ig;
import java.util.Arrays;

/**
 * What a Communication of the routing carries and to whom (CodeSystem kf-communication-categories). The copies a GP
 * gets, except the certificate itself, need the citizen's written consent to contact the GP (bkg 2019 §5 stk. 2,
 * §11 stk. 5).
 */
public enum CopyCategory {
  /** The result to the requesting municipality (resultat). */
  RESULT("result", Recipient.MUNICIPALITY),
  /** The LÆ 275 certificate to the citizen (guide pkt. 8). */
  CITIZEN_COPY("citizen-copy", Recipient.CITIZEN),
  /** The specialist certificate to the GP at the same moment (bkg 2019 §15 stk. 2). */
  CERTIFICATE_COPY("certificate-copy", Recipient.GP),
  /** The background of the coordinator's GP recommendation (bkg 2019 §9). */
  GP_INFORMATION("gp-information", Recipient.GP),
  /** The recommendation of another treatment (bkg 2019 §26 stk. 4). */
  TREATMENT_RECOMMENDATION("treatment-recommendation", Recipient.GP),
  /** A copy that could not be addressed, for the secretariat. */
  ROUTING_EXCEPTION("routing-exception", Recipient.NONE);

  public static final String SYSTEM = Ig.codeSystem("kf-communication-categories");

  /** Who a category goes to. */
  public enum Recipient { MUNICIPALITY, CITIZEN, GP, NONE }

  private final String code;
  private final Recipient recipient;

  CopyCategory(String code, Recipient recipient) {
    this.code = code;
    this.recipient = recipient;
  }

  public String code() {
    return code;
  }

  public Recipient recipient() {
    return recipient;
  }

  boolean needsGpContactConsent() {
    return recipient == Recipient.GP && this != CERTIFICATE_COPY;
  }

  static CopyCategory fromCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown copy category " + code));
  }
}
