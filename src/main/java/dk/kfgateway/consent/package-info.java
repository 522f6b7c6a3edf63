/**
 * Consent enforcement (samtykke): the citizen's consent decides whether health information of a case may change
 * hands (guide pkt. 13; bkg 2019 §3, §5 stk. 2, §11 stk. 5), and the independence of the health coordinator (bkg 2019
 * §12 stk. 2, §13 stk. 3, §26 stk. 7). Its public face is {@link dk.kfgateway.consent.ConsentDecisions} (with
 * {@link dk.kfgateway.consent.ConsentQuestion} and {@link dk.kfgateway.consent.ConsentDecision}); the rest are the
 * places that ask it: intake and triage, the EHR's {@code $authorize-lookup}, the release of documents and citizen to
 * the clinic, withdrawal (on hold and resume), contact with the GP and the assignment of a coordinator.
 */
package dk.kfgateway.consent;
