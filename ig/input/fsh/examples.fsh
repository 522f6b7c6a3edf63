// One consistent case: Holbæk municipality asks Klinisk Funktion, Region Sjælland (Holbæk), for a LÆ 275
// certificate for a fictional citizen (CPR born 2030, see CONTRACT.md); the certificate is copied to the GP.
// SOR codes, ydernummer and authorisation ids are made up.

RuleSet: TinyPdf(title)
* content.attachment.contentType = #application/pdf
* content.attachment.language = #da
* content.attachment.title = {title}
* content.attachment.data = "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAgMTAwXSA+PgplbmRvYmoKeHJlZgowIDQKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMDAwMDExNSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDQgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjE4NgolJUVPRgo="
* extension[pageCount].valueInteger = 1

Instance: municipality-holbaek
InstanceOf: KfOrganization
Usage: #example
Title: "Holbæk Kommune, Jobcenter"
* identifier[sor].system = $sor
* identifier[sor].value = "900000000000316"
* identifier[municipalityCode].system = $municipality
* identifier[municipalityCode].value = "0316"
* type = $kfOrgTypes#municipality "Municipality (jobcentre)"
* name = "Holbæk Kommune, Jobcenter Holbæk"

Instance: klinisk-funktion-holbaek
InstanceOf: KfOrganization
Usage: #example
Title: "Klinisk Funktion, Region Sjælland (Holbæk)"
* identifier[sor].system = $sor
* identifier[sor].value = "900000000000085"
* type = $kfOrgTypes#klinisk-funktion "Klinisk Funktion"
* name = "Klinisk Funktion, Arbejds- og Socialmedicinsk Afdeling, Holbæk Sygehus"
* telecom[+].system = #phone
* telecom[=].value = "+45 59 48 98 52"
* address.line = "Smedelundsgade 60"
* address.postalCode = "4300"
* address.city = "Holbæk"
* address.country = "DK"

Instance: gp-clinic-testvej
InstanceOf: KfOrganization
Usage: #example
Title: "GP clinic (lægepraksis)"
* identifier[sor].system = $sor
* identifier[sor].value = "900000000012345"
* identifier[ydernummer].system = $ydernummer
* identifier[ydernummer].value = "099999"
* type = $kfOrgTypes#gp-clinic "GP clinic"
* name = "Lægerne i Testvej"

Instance: practitioner-caseworker
InstanceOf: KfPractitioner
Usage: #example
Title: "Caseworker (sagsbehandler)"
* name.family = "Jensen"
* name.given = "Mette"

Instance: practitioner-coordinator
InstanceOf: KfPractitioner
Usage: #example
Title: "Health coordinator (sundhedskoordinator)"
* identifier[authorisationId].system = $autorisation
* identifier[authorisationId].value = "0ZZ99"
* name.family = "Holm"
* name.given = "Anders"
* name.prefix = "Overlæge"

Instance: caseworker-holbaek
InstanceOf: KfPractitionerRole
Usage: #example
Title: "Mette Jensen, caseworker at Jobcenter Holbæk"
* practitioner = Reference(practitioner-caseworker)
* organization = Reference(municipality-holbaek)
* code = $kfRoles#caseworker "Caseworker"
* telecom[+].system = #phone
* telecom[=].use = #work
* telecom[=].value = "+45 72 36 00 00"
* telecom[+].system = #email
* telecom[=].use = #work
* telecom[=].value = "mette.jensen@example.dk"

Instance: coordinator-holbaek
InstanceOf: KfPractitionerRole
Usage: #example
Title: "Anders Holm, health coordinator at Klinisk Funktion"
* practitioner = Reference(practitioner-coordinator)
* organization = Reference(klinisk-funktion-holbaek)
* code = $kfRoles#health-coordinator "Health coordinator"

Instance: citizen-example
InstanceOf: KfPatient
Usage: #example
Title: "Fictional citizen (borger)"
* identifier[cpr].system = $cpr
* identifier[cpr].value = "0101304123"
* name.family = "Testesen"
* name.given = "Karen"
* birthDate = "2030-01-01"
* generalPractitioner = Reference(gp-clinic-testvej)

Instance: le275-referral
InstanceOf: KfReferral
Usage: #example
Title: "Request for a LÆ 275 certificate (anmodning om LÆ 275)"
* status = #active
* intent = #order
* code = $kfServices#le275-certificate "LÆ 275 medical certificate from Klinisk Funktion"
* category = $kfCaseTypes#ressourceforloeb "Resource programme"
* subject = Reference(citizen-example)
* requester = Reference(caseworker-holbaek)
* performer = Reference(klinisk-funktion-holbaek)
* authoredOn = "2025-11-03T09:30:00+01:00"
* note.text = "Hvordan påvirker borgerens helbred funktionsevnen i forhold til arbejde? Sagen er sparret med sundhedskoordinator Anders Holm."
* supportingInfo[+] = Reference(le275-consent)
* supportingInfo[+] = Reference(doc-consent-form)
* supportingInfo[+] = Reference(doc-le265)
* supportingInfo[+] = Reference(doc-epicrisis)

Instance: le275-task
InstanceOf: KfTask
Usage: #example
Title: "Task of the LÆ 275 request, triaged to an examination"
* status = #in-progress
* intent = #order
* businessStatus = $kfTriage#examination "Examination"
* focus = Reference(le275-referral)
* basedOn = Reference(le275-referral)
* for = Reference(citizen-example)
* requester = Reference(caseworker-holbaek)
* owner = Reference(klinisk-funktion-holbaek)
* authoredOn = "2025-11-03T09:30:00+01:00"
* restriction.period.end = "2025-12-03T23:59:59+01:00"
* extension[deadline].extension[rule].valueCoding = $kfDeadlineRules#calendar-days-30 "30 calendar days after receipt"
* extension[deadline].extension[source].valueString = "bkg 2019 §23"

Instance: le275-consent
InstanceOf: KfConsent
Usage: #example
Title: "The citizen's specific consent (samtykke)"
* status = #active
* scope = $consentScope#patient-privacy "Privacy Consent"
* category = $loinc#59284-0 "Patient Consent"
* patient = Reference(citizen-example)
* dateTime = "2025-10-28T10:00:00+01:00"
* organization = Reference(municipality-holbaek)
* sourceReference = Reference(doc-consent-form)
* policy.uri = "http://kf-gateway.dk/fhir/consent-wording/eg-sundhed-samtykke-2025"
* provision.type = #permit
* provision.period.start = "2025-10-28"
* provision.period.end = "2026-10-28"
* provision.actor[+].role = $v3ParticipationType#IRCP "information recipient"
* provision.actor[=].reference = Reference(municipality-holbaek)
* provision.actor[+].role = $v3ParticipationType#IRCP "information recipient"
* provision.actor[=].reference = Reference(klinisk-funktion-holbaek)
* provision.purpose = $kfConsentPurposes#information-exchange "Exchange of relevant information"
* extension[gpContactConsent].valueBoolean = false

Instance: doc-consent-form
InstanceOf: KfDocumentReference
Usage: #example
Title: "Signed consent form (samtykkeerklæring)"
* status = #current
* type = $kfDocTypes#consent-form "Consent form"
* subject = Reference(citizen-example)
* date = "2025-10-28T10:00:00+01:00"
* author = Reference(caseworker-holbaek)
* context.related = Reference(le275-referral)
* insert TinyPdf("Samtykkeerklæring EG Sundhed 28.10.2025")

Instance: doc-le265
InstanceOf: KfDocumentReference
Usage: #example
Title: "The GP's LÆ 265 certificate"
* status = #current
* type = $kfDocTypes#le265 "LÆ 265 medical certificate"
* subject = Reference(citizen-example)
* date = "2025-09-15T12:00:00+02:00"
* author = Reference(gp-clinic-testvej)
* context.related = Reference(le275-referral)
* insert TinyPdf("LÆ 265 fra egen læge 15.09.2025")

Instance: doc-epicrisis
InstanceOf: KfDocumentReference
Usage: #example
Title: "Epicrisis from the hospital"
* status = #current
* type = $kfDocTypes#epicrisis "Epicrisis"
* subject = Reference(citizen-example)
* date = "2025-08-20T08:00:00+02:00"
* author = Reference(klinisk-funktion-holbaek)
* context.related = Reference(le275-referral)
* insert TinyPdf("Epikrise 20.08.2025")

Instance: doc-le275-certificate
InstanceOf: KfDocumentReference
Usage: #example
Title: "The LÆ 275 certificate from Klinisk Funktion"
* status = #current
* type = $kfDocTypes#le275 "LÆ 275 medical certificate from Klinisk Funktion"
* subject = Reference(citizen-example)
* date = "2025-12-01T14:00:00+01:00"
* author = Reference(coordinator-holbaek)
* context.related = Reference(le275-referral)
* insert TinyPdf("LÆ 275 Lægeattest fra Klinisk Funktion 01.12.2025")

Instance: gp-copy-le275
InstanceOf: KfCommunication
Usage: #example
Title: "Copy of the LÆ 275 certificate to the GP"
* status = #completed
* subject = Reference(citizen-example)
* about = Reference(le275-referral)
* sent = "2025-12-01T14:05:00+01:00"
* sender = Reference(klinisk-funktion-holbaek)
* recipient = Reference(gp-clinic-testvej)
* payload.contentReference = Reference(doc-le275-certificate)
