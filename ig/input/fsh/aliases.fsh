// Identifier systems of dk-core (http://hl7.dk/fhir/core), used without depending on the dk-core package
// (no registry reachable offline serves it).
Alias: $cpr = urn:oid:1.2.208.176.1.2
Alias: $sor = urn:oid:1.2.208.176.1.1
Alias: $ydernummer = urn:oid:1.2.208.176.1.4
Alias: $autorisation = https://autregweb.sst.dk
Alias: $municipality = http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes

// This IG's code systems, by canonical URL (usable in FHIRPath strings and example codings)
Alias: $kfServices = http://kf-gateway.dk/fhir/CodeSystem/kf-services
Alias: $kfCaseTypes = http://kf-gateway.dk/fhir/CodeSystem/kf-case-types
Alias: $kfDocTypes = http://kf-gateway.dk/fhir/CodeSystem/kf-document-types
Alias: $kfTriage = http://kf-gateway.dk/fhir/CodeSystem/kf-triage-outcomes
Alias: $kfRejection = http://kf-gateway.dk/fhir/CodeSystem/kf-rejection-reasons
Alias: $kfDeadlineRules = http://kf-gateway.dk/fhir/CodeSystem/kf-deadline-rules
Alias: $kfOrgTypes = http://kf-gateway.dk/fhir/CodeSystem/kf-organization-types
Alias: $kfRoles = http://kf-gateway.dk/fhir/CodeSystem/kf-practitioner-roles
Alias: $kfConsentPurposes = http://kf-gateway.dk/fhir/CodeSystem/kf-consent-purposes

// FHIR core terminology (in hl7.fhir.r4.core, so it resolves offline)
Alias: $consentScope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $loinc = http://loinc.org
Alias: $v3ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
