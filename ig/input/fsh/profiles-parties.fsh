// The parties: citizen, organizations, people and their roles. Identifier systems follow dk-core.

Invariant: kf-cpr-format
Description: "A CPR number has 10 digits, the first six a day and month that exist (DDMMYY + 4). Dansk: CPR-nummeret har 10 cifre, de første seks en dato."
Expression: "value.matches('^(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{6}$')"
Severity: #error

Profile: KfPatient
Parent: Patient
Id: kf-patient
Title: "Citizen (borger)"
Description: "The citizen the case is about, identified by CPR number. Dansk: Borgeren, identificeret ved CPR-nummer."
* identifier 1..*
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Slice by identifier system (dk-core)"
* identifier contains cpr 1..1
* identifier[cpr] ^short = "CPR number (CPR-nummer)"
* identifier[cpr] obeys kf-cpr-format
* identifier[cpr].system 1..1
* identifier[cpr].system = $cpr (exactly)
* identifier[cpr].value 1..1
* name 1..*
* name ^short = "Name, required on the consent form (guide pkt. 13)"
* generalPractitioner only Reference(KfOrganization)
* generalPractitioner ^short = "The citizen's GP clinic (gets copies, bkg 2019 §15 stk. 2)"

Invariant: kf-org-gp-ydernummer
Description: "A GP clinic has a ydernummer. Dansk: En lægepraksis har et ydernummer."
Expression: "type.coding.where(system = 'http://kf-gateway.dk/fhir/CodeSystem/kf-organization-types' and code = 'gp-clinic').exists() implies identifier.where(system = 'urn:oid:1.2.208.176.1.4').exists()"
Severity: #error

Invariant: kf-org-municipality-code
Description: "A municipality has its municipality code. Dansk: En kommune har sin kommunekode."
Expression: "type.coding.where(system = 'http://kf-gateway.dk/fhir/CodeSystem/kf-organization-types' and code = 'municipality').exists() implies identifier.where(system = 'http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes').exists()"
Severity: #error

Invariant: kf-municipality-code-format
Description: "A municipality code has 4 digits, e.g. 0316. Dansk: Kommunekoden har 4 cifre."
Expression: "value.matches('^[0-9]{4}$')"
Severity: #error

Profile: KfOrganization
Parent: Organization
Id: kf-organization
Title: "Organization (municipality, Klinisk Funktion, GP clinic)"
Description: "A municipality (jobcentre), a region's Klinisk Funktion or a GP clinic. Dansk: Kommune, Klinisk Funktion eller lægepraksis."
* obeys kf-org-gp-ydernummer and kf-org-municipality-code
* identifier 1..*
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains sor 1..1 and ydernummer 0..1 and municipalityCode 0..1
* identifier[sor] ^short = "SOR code (Sundhedsvæsenets Organisationsregister)"
* identifier[sor].system 1..1
* identifier[sor].system = $sor (exactly)
* identifier[sor].value 1..1
* identifier[ydernummer] ^short = "Ydernummer (GP clinics)"
* identifier[ydernummer].system 1..1
* identifier[ydernummer].system = $ydernummer (exactly)
* identifier[ydernummer].value 1..1
* identifier[municipalityCode] ^short = "Municipality code (kommunekode, municipalities)"
* identifier[municipalityCode] obeys kf-municipality-code-format
* identifier[municipalityCode].system 1..1
* identifier[municipalityCode].system = $municipality (exactly)
* identifier[municipalityCode].value 1..1
* type 1..1
* type from KfOrganizationTypesVS (required)
* name 1..1

Profile: KfPractitioner
Parent: Practitioner
Id: kf-practitioner
Title: "Person (caseworker, coordinator, GP)"
Description: "A person acting in a case; health professionals carry their authorisation id. Dansk: Sagsbehandler, sundhedskoordinator eller læge."
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains authorisationId 0..1
* identifier[authorisationId] ^short = "Authorisation id (autorisations-id, Styrelsen for Patientsikkerhed)"
* identifier[authorisationId].system 1..1
* identifier[authorisationId].system = $autorisation (exactly)
* identifier[authorisationId].value 1..1
* name 1..*

Invariant: kf-caseworker-direct-phone
Description: "A caseworker has a direct phone number (telecom system phone, use work; guide pkt. 2, 3). Dansk: En sagsbehandler har et direkte tlf. nr."
Expression: "code.coding.where(system = 'http://kf-gateway.dk/fhir/CodeSystem/kf-practitioner-roles' and code = 'caseworker').exists() implies telecom.where(system = 'phone' and use = 'work' and value.exists()).exists()"
Severity: #error

Profile: KfPractitionerRole
Parent: PractitionerRole
Id: kf-practitionerrole
Title: "Role (caseworker, health coordinator, secretary, GP)"
Description: "A person's role at an organization; a caseworker's direct phone is telecom phone/work. Dansk: Rolle; sagsbehandlerens direkte tlf. nr. er telecom phone/work."
* obeys kf-caseworker-direct-phone
* practitioner 1..1
* practitioner only Reference(KfPractitioner)
* organization 1..1
* organization only Reference(KfOrganization)
* code 1..1
* code from KfPractitionerRolesVS (required)
* telecom ^short = "Direct phone: system phone, use work (direkte tlf. nr.)"
