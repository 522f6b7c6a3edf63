// Consent enforcement (dk.kfgateway.consent): what the gateway reads besides the KfConsent profile.

Extension: KfTreatingPractitioner
Id: kf-treating-practitioner
Title: "Treating practitioner (behandlende læge)"
Description: "A practitioner who treats or treated the citizen, declared by Klinisk Funktion on the case's Task; such a practitioner cannot be the case's health coordinator (bkg 2019 §12 stk. 2). Dansk: Læge der behandler eller har behandlet borgeren."
Context: Task
* value[x] only Reference(KfPractitioner or KfPractitionerRole)

Instance: consent-oral-journal-note
InstanceOf: KfConsent
Usage: #example
Title: "Oral consent documented by a journal note, with written consent to GP contact"
* status = #active
* scope = $consentScope#patient-privacy "Privacy Consent"
* category = $loinc#59284-0 "Patient Consent"
* patient = Reference(citizen-example)
* dateTime = "2025-10-28T10:00:00+01:00"
* organization = Reference(municipality-holbaek)
* sourceReference = Reference(doc-consent-journal-note)
* policy.uri = "http://kf-gateway.dk/fhir/consent-wording/eg-sundhed-samtykke-2025"
* provision.type = #permit
* provision.period.start = "2025-10-28"
* provision.period.end = "2026-10-28"
* provision.actor[+].role = $v3ParticipationType#IRCP "information recipient"
* provision.actor[=].reference = Reference(municipality-holbaek)
* provision.actor[+].role = $v3ParticipationType#IRCP "information recipient"
* provision.actor[=].reference = Reference(klinisk-funktion-holbaek)
* provision.purpose[+] = $kfConsentPurposes#information-exchange "Exchange of relevant information"
* provision.purpose[+] = $kfConsentPurposes#gp-contact "Contact with the GP"
* extension[gpContactConsent].valueBoolean = true

Instance: doc-consent-journal-note
InstanceOf: KfDocumentReference
Usage: #example
Title: "Journal note documenting oral consent (journalnotat)"
* status = #current
* type = $kfDocTypes#consent-journal-note "Journal note documenting oral consent"
* description = "Borgeren er informeret om oplysningerne i samtykkeerklæringen i EG Sundhed og giver mundtligt samtykke. Holbæk Kommune, 28.10.2025, navn og CPR nr. fremgår."
* subject = Reference(citizen-example)
* date = "2025-10-28T10:00:00+01:00"
* author = Reference(caseworker-holbaek)
* context.related = Reference(le275-referral)
* insert TinyPdf("Journalnotat om mundtligt samtykke 28.10.2025")
