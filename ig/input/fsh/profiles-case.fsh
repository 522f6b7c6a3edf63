// The case: referral, task, consent, documents, copy to the GP.

Invariant: kf-referral-case-type
Description: "A referral names its case type, except hourly advice, which covers all case types (guide pkt. 10). Dansk: Sagstypen angives."
Expression: "category.exists() or code.coding.where(system = 'http://kf-gateway.dk/fhir/CodeSystem/kf-services' and code = 'hourly-advice').exists()"
Severity: #error

Profile: KfReferral
Parent: ServiceRequest
Id: kf-referral
Title: "Referral to Klinisk Funktion (anmodning)"
Description: "A municipality's request for a service of the catalogue. Dansk: Kommunens anmodning om en ydelse fra Klinisk Funktion."
* obeys kf-referral-case-type
* intent = #order (exactly)
* code 1..1
* code from KfServicesVS (required)
* code ^short = "The service (ydelse)"
* category 0..1
* category from KfCaseTypesVS (required)
* category ^short = "Case type (sagstype)"
* subject only Reference(KfPatient)
* requester 1..1
* requester only Reference(KfPractitionerRole)
* requester ^short = "The caseworker (sagsbehandler)"
* performer 1..1
* performer only Reference(KfOrganization)
* performer ^short = "The region's Klinisk Funktion"
* authoredOn 1..1
* occurrence[x] only dateTime
* occurrence[x] ^short = "Meeting date and time, for services with a meeting (mødetidspunkt)"
* note ^short = "Questions to the coordinator (spørgsmål til sundhedskoordinatoren)"
* supportingInfo ^short = "The case documents (DocumentReference) and the consent (Consent)"

Extension: KfDeadline
Id: kf-deadline
Title: "Deadline rule (fristregel)"
Description: "Which rule set the task's due date (Task.restriction.period.end), where the rule comes from and, for a case-specific deadline, why. Dansk: Fristregel, kilde og evt. begrundelse for en anden frist."
Context: Task
* extension contains rule 1..1 and source 1..1 and reason 0..1
* extension[rule].value[x] only Coding
* extension[rule].value[x] from KfDeadlineRulesVS (required)
* extension[rule] ^short = "Deadline rule code"
* extension[source].value[x] only string
* extension[source] ^short = "Source text, e.g. bkg 2019 §23"
* extension[reason].value[x] only string
* extension[reason] ^short = "Reason for a case-specific deadline (bkg 2019 §22, §23: 'Der aftales dog en anden frist')"

Profile: KfTask
Parent: Task
Id: kf-task
Title: "Task of a referral (opgave)"
Description: "The work item of a referral at Klinisk Funktion: status, triage outcome, rejection reason, due date. Dansk: Opgaven med status, visitation og frist."
* intent = #order (exactly)
* focus 1..1
* focus only Reference(KfReferral)
* basedOn only Reference(KfReferral)
* for 1..1
* for only Reference(KfPatient)
* requester 1..1
* requester only Reference(KfPractitionerRole)
* owner 1..1
* owner only Reference(KfOrganization or KfPractitionerRole)
* authoredOn 1..1
* businessStatus from KfTriageOutcomesVS (required)
* businessStatus ^short = "Triage outcome (visitationsresultat)"
* statusReason from KfRejectionReasonsVS (required)
* statusReason ^short = "Why returned, refused or on hold"
* restriction.period.end ^short = "Due date (frist)"
* extension contains KfDeadline named deadline 0..1

Extension: KfGpContactConsent
Id: kf-gp-contact-consent
Title: "Written consent to contact the GP"
Description: "The citizen gave written consent that the coordinator may discuss the case with their GP (bkg 2019 §5 stk. 2, §11 stk. 5). Dansk: Skriftligt samtykke til drøftelse med egen læge."
Context: Consent
* value[x] only boolean

Invariant: kf-consent-source
Description: "The consent is documented by the signed form (sourceAttachment) or a journal note (sourceReference) (guide pkt. 13). Dansk: Samtykket er dokumenteret."
Expression: "source.exists()"
Severity: #error

Profile: KfConsent
Parent: Consent
Id: kf-consent
Title: "Citizen's consent (samtykke)"
Description: "The citizen's consent to exchange information between the municipality and the region's health staff (guide pkt. 13), as the gateway enforces it (see consent.fsh). Dansk: Borgerens samtykke."
* obeys kf-consent-source
* extension contains KfGpContactConsent named gpContactConsent 0..1
* extension[gpContactConsent] ^short = "Written consent to contact the GP (bkg 2019 §5 stk. 2, §11 stk. 5)"
* status ^short = "active while in force; inactive, rejected or entered-in-error when withdrawn (the case goes on hold)"
* patient 1..1
* patient only Reference(KfPatient)
* patient ^short = "The citizen (name and CPR on the Patient)"
* dateTime 1..1
* dateTime ^short = "Date of the consent (dato)"
* organization 1..1
* organization only Reference(KfOrganization)
* organization ^short = "The municipality (kommune)"
* source[x] 1..1
* source[x] only Attachment or Reference(KfDocumentReference)
* source[x] ^short = "The signed form (sourceAttachment or a consent-form document), or the journal note saying the citizen was informed of the form's content (consent-journal-note)"
* policy 1..1
* policy.uri 1..1
* policy.uri ^short = "Version of the consent wording (ordlyd); LÆ 275 and lægeskøn need http://kf-gateway.dk/fhir/consent-wording/eg-sundhed-samtykke-2025"
* provision 1..1
* provision.type 1..1
* provision.period 1..1
* provision.period.start 1..1
* provision.period ^short = "When the consent is in force"
* provision.actor 1..*
* provision.actor.role 1..1
* provision.actor.reference 1..1
* provision.actor.reference only Reference(KfOrganization or KfPractitionerRole)
* provision.actor ^short = "The parties allowed to exchange: the municipality, the region's Klinisk Funktion, its health coordinators"
* provision.purpose 1..*
* provision.purpose from KfConsentPurposesVS (extensible)
* provision.purpose ^short = "information-exchange; gp-contact; same-person (one person as coordinator and assessor)"

Invariant: kf-attachment-content
Description: "The document's content is inline (data) or a link (url, e.g. to a Binary). Dansk: Indholdet er vedlagt eller linket."
Expression: "data.exists() or url.exists()"
Severity: #error

Extension: KfPageCount
Id: kf-page-count
Title: "Page count (antal sider)"
Description: "Number of pages of the document, for the page limits (guide pkt. 2, 3, 12). Dansk: Antal sider."
Context: DocumentReference
* value[x] only integer

Profile: KfDocumentReference
Parent: DocumentReference
Id: kf-documentreference
Title: "Case document (sagsdokument)"
Description: "A document of the case, dated and named, showing when and by whom it was written (guide pkt. 12). Dansk: Dokument i sagen."
* extension contains KfPageCount named pageCount 0..1
* type 1..1
* type from KfDocumentTypesVS (required)
* subject 1..1
* subject only Reference(KfPatient)
* date 1..1
* author 1..*
* context.related ^short = "The referral (ServiceRequest) the document belongs to"
* content.attachment obeys kf-attachment-content
* content.attachment.title 1..1
* content.attachment.title ^short = "Document name (dokumentnavn)"
* content.attachment.contentType 1..1

Profile: KfCommunication
Parent: Communication
Id: kf-communication
Title: "Result or copy of a result (resultat og kopier)"
Description: "A completed referral's result to the municipality, or a copy to the citizen or the GP, all sent at the moment of completion (bkg 2019 §9, §15 stk. 2, §26 stk. 4; guide pkt. 8); without recipient, a routing exception for the secretariat. Dansk: Resultat til kommunen og kopier til borger og egen læge."
* subject 1..1
* subject only Reference(KfPatient)
* about 1..*
* about only Reference(KfReferral)
* category 0..1
* category from KfCommunicationCategoriesVS (required)
* category ^short = "result, citizen-copy, certificate-copy, gp-information, treatment-recommendation, routing-exception"
* sent 1..1
* sender 1..1
* sender only Reference(KfOrganization or KfPractitionerRole)
* recipient 0..*
* recipient only Reference(KfOrganization or KfPractitionerRole or KfPatient)
* recipient ^short = "The municipality, the citizen or the GP clinic; none for a routing exception"
* payload 1..*
* payload.content[x] only Reference(KfDocumentReference)
