/**
 * Intake of referrals (henvisninger) from jobcentres to Klinisk Funktion: reading a referral out of a transaction
 * Bundle, counting its documents' pages from the PDFs, and the pure rules that accept or refuse it. No Spring, no
 * HTTP, no JPA: the HAPI interceptor that calls {@link dk.kfgateway.referral.IntakeRules} lives elsewhere.
 *
 * <table>
 *   <caption>Rules of this package</caption>
 *   <tr><th>id</th><th>rule</th><th>source</th></tr>
 *   <tr><td>REF-001</td><td>the service is in the catalogue</td><td>IG CodeSystem kf-services</td></tr>
 *   <tr><td>REF-002</td><td>the service is still orderable at submission</td><td>the service's source; guide pkt. 5
 *       (obviously pointless, discontinued 1.7.2026)</td></tr>
 *   <tr><td>REF-003</td><td>pages within the service's own limit</td><td>guide pkt. 2 (25), pkt. 3 (50)</td></tr>
 *   <tr><td>REF-004</td><td>at most 75 pages per case</td><td>guide pkt. 12</td></tr>
 *   <tr><td>REF-005</td><td>every document dated, titled, typed, authored</td><td>guide pkt. 12</td></tr>
 *   <tr><td>REF-006</td><td>caseworker's direct phone number</td><td>guide pkt. 2, 3</td></tr>
 *   <tr><td>REF-007</td><td>employment offer and citizen's description</td><td>bilag 13 (2021); guide pkt. 7</td></tr>
 *   <tr><td>REF-008</td><td>meeting date where the service is a meeting</td><td>the service's source</td></tr>
 *   <tr><td>REF-009</td><td>the Task fits the referral</td><td>IG profile kf-task</td></tr>
 *   <tr><td>REF-010</td><td>every document is a readable PDF in the Bundle</td><td>guide pkt. 12; IG profile
 *       kf-documentreference</td></tr>
 * </table>
 */
package dk.kfgateway.referral;
