/**
 * The audit trail (logning af adgang til helbredsoplysninger): one {@code AuditEvent} for every access to and change of
 * citizen data and for every consent decision (bkg 2019 §3; sundhedsloven §42a). Its public face is {@link
 * dk.kfgateway.audit.AuditTrail} and {@link dk.kfgateway.audit.AuditRecord}; the trail is read-only through the API.
 */
package dk.kfgateway.audit;
