// The smaller code systems of the IG. Each value set has the id of its code system and holds all its codes.

CodeSystem: KfCaseTypes
Id: kf-case-types
Title: "Case types (sagstyper)"
Description: "The kind of employment case the referral belongs to (bkg 2019 §1, §13; guide 'Målgrupper'). Dansk: Sagstype/målgruppe."
* insert KfCodeSystem
* #ressourceforloeb "Resource programme" "Ressourceforløb."
* insert Da(#ressourceforloeb, "Ressourceforløb")
* #jobafklaringsforloeb "Job clarification programme" "Jobafklaringsforløb."
* insert Da(#jobafklaringsforloeb, "Jobafklaringsforløb")
* #fleksjob "Flex job" "Fleksjob."
* insert Da(#fleksjob, "Fleksjob")
* #foertidspension "Disability pension" "Førtidspension."
* insert Da(#foertidspension, "Førtidspension")
* #sygedagpenge-kat3 "Sickness benefit, category 3" "Sygedagpengesag visiteret til kategori 3 (sygedagpengeloven §12)."
* insert Da(#sygedagpenge-kat3, "Sygedagpenge kategori 3")
* #selvstaendig-tilskud "Subsidy for the self-employed" "Tilskud til selvstændigt erhvervsdrivende."
* insert Da(#selvstaendig-tilskud, "Tilskud til selvstændigt erhvervsdrivende")
* #seniorpension "Senior pension" "Seniorpension."
* insert Da(#seniorpension, "Seniorpension")
* #kontanthjaelp "Social assistance" "Kontanthjælp (guide pkt. 10 and 11)."
* insert Da(#kontanthjaelp, "Kontanthjælp")

ValueSet: KfCaseTypesVS
Id: kf-case-types
Title: "Case types"
Description: "All case types. Dansk: Alle sagstyper."
* insert AllCodesOf($kfCaseTypes)

CodeSystem: KfDocumentTypes
Id: kf-document-types
Title: "Document types (dokumenttyper)"
Description: "Types of the documents exchanged in a case (guide pkt. 12, 13; bilag 13). Dansk: Dokumenttyper."
* insert KfCodeSystem
* #le125 "LÆ 125 medical certificate" "Statusattest (LÆ 125)."
* insert Da(#le125, "LÆ 125 Lægeattest")
* #le135 "LÆ 135 medical certificate" "LÆ 135."
* insert Da(#le135, "LÆ 135 Lægeattest")
* #le145 "LÆ 145 medical certificate" "LÆ 145."
* insert Da(#le145, "LÆ 145 Lægeattest")
* #le155 "LÆ 155 medical certificate" "LÆ 155."
* insert Da(#le155, "LÆ 155 Lægeattest")
* #le265 "LÆ 265 medical certificate" "LÆ 265 (the GP's certificate for the rehabilitation team)."
* insert Da(#le265, "LÆ 265 Lægeattest")
* #le275 "LÆ 275 medical certificate from Klinisk Funktion" "LÆ 275 (guide pkt. 8)."
* insert Da(#le275, "LÆ 275 Lægeattest fra Klinisk Funktion")
* #psyk125 "PSYK 125 psychologist's statement" "PSYK 125."
* insert Da(#psyk125, "PSYK 125 Psykologstatus")
* #psyk135 "PSYK 135 psychologist's statement" "PSYK 135."
* insert Da(#psyk135, "PSYK 135 Psykologattest")
* #epicrisis "Epicrisis" "Discharge summary from a hospital."
* insert Da(#epicrisis, "Epikrise")
* #journal-extract "Journal extract" "Extract of a patient record; the period it covers must be stated (guide pkt. 12)."
* insert Da(#journal-extract, "Journaludskrift")
* #rehab-plan-preparatory "Rehabilitation plan, preparatory part" "Rehabiliteringsplanens forberedende del."
* insert Da(#rehab-plan-preparatory, "Rehabiliteringsplanens forberedende del")
* #my-plan "My plan / action plan" "Min plan, indsatsplan or helhedsorienteret plan."
* insert Da(#my-plan, "Min plan / indsatsplan")
* #consent-form "Consent form" "The citizen's signed consent (guide pkt. 13)."
* insert Da(#consent-form, "Samtykkeerklæring")
* #statement "Statement" "The health coordinator's statement (udtalelse)."
* insert Da(#statement, "Udtalelse")
* #note "Note" "A note, e.g. a sparring note or a triage note."
* insert Da(#note, "Notat")
* #medical-estimate "Medical estimate" "Lægeskøn (guide pkt. 11)."
* insert Da(#medical-estimate, "Lægeskøn")
* #employment-offer "Employment offer" "The concrete employment offer with its content and demands (bilag 13, prerequisite 1)."
* insert Da(#employment-offer, "Konkret beskæftigelsesrettet tilbud")
* #citizen-description "Citizen's description" "Where the citizen finds that the offer does not respect their health (bilag 13, prerequisite 2)."
* insert Da(#citizen-description, "Borgerens beskrivelse")
* #terminal-assessment-form "Terminal assessment form" "The form answering a terminal-illness assessment (guide pkt. 4)."
* insert Da(#terminal-assessment-form, "Skema til vurdering af mulig terminal sygdom")
* #consent-journal-note "Journal note documenting oral consent" "Oral consent documented by a journal note (guide pkt. 13)."
* insert Da(#consent-journal-note, "Journalnotat om mundtligt samtykke")

ValueSet: KfDocumentTypesVS
Id: kf-document-types
Title: "Document types"
Description: "All document types. Dansk: Alle dokumenttyper."
* insert AllCodesOf($kfDocTypes)

CodeSystem: KfTriageOutcomes
Id: kf-triage-outcomes
Title: "Triage outcomes (visitationsresultater)"
Description: "How Klinisk Funktion triaged a LÆ 275 request (guide pkt. 8). Dansk: Resultat af visitationen."
* insert KfCodeSystem
* #returned-with-note "Returned with a reasoned triage note" "The request is returned to the municipality with a reasoned note (guide pkt. 8)."
* insert Da(#returned-with-note, "Tilbagevist med begrundet visitationsnotat")
* #assessment-existing-information "Assessment on existing information (VPF)" "Vurdering på det foreliggende grundlag (guide pkt. 8)."
* insert Da(#assessment-existing-information, "Vurdering på det foreliggende grundlag - VPF")
* #examination "Examination" "The citizen is called to an examination at Klinisk Funktion (guide pkt. 8)."
* insert Da(#examination, "Undersøgelse i Klinisk Funktion")

ValueSet: KfTriageOutcomesVS
Id: kf-triage-outcomes
Title: "Triage outcomes"
Description: "All triage outcomes. Dansk: Alle visitationsresultater."
* insert AllCodesOf($kfTriage)

CodeSystem: KfRejectionReasons
Id: kf-rejection-reasons
Title: "Reasons to return or hold a request (begrundelser)"
Description: "Why a request is returned, refused or put on hold (Task.statusReason). Dansk: Begrundelse for tilbagevisning eller berostillelse."
* insert KfCodeSystem
* #missing-specific-consent "Specific consent missing" "A LÆ 275 or lægeskøn request without consent with the specific wording is returned (guide pkt. 8, 11, 13)."
* insert Da(#missing-specific-consent, "Specifikt samtykke mangler")
* #missing-written-consent "Written consent missing" "The service needs the citizen's written consent (bkg 2019 §26)."
* insert Da(#missing-written-consent, "Skriftligt samtykke mangler")
* #sufficiently-informed "Case already sufficiently informed" "The case is already sufficiently informed about the citizen's health (guide pkt. 8)."
* insert Da(#sufficiently-informed, "Sagen er allerede tilstrækkeligt helbredsmæssigt oplyst")
* #inform-via-gp-first "Inform the case through the GP first" "The case should be informed further through the citizen's own GP first (guide pkt. 8)."
* insert Da(#inform-via-gp-first, "Sagen bør oplyses yderligere via egen læge")
* #page-limit-exceeded "Too many pages" "The case documents exceed the pages allowed (guide pkt. 2, 3, 12)."
* insert Da(#page-limit-exceeded, "For mange sider")
* #documents-not-dated-or-named "Documents not dated or named" "Each document must show when it was written and by whom (guide pkt. 12)."
* insert Da(#documents-not-dated-or-named, "Dokumenter er ikke korrekt dateret og navngivet")
* #missing-employment-offer "Employment offer missing" "The concrete employment offer is missing (bilag 13, prerequisite 1)."
* insert Da(#missing-employment-offer, "Konkret beskæftigelsesrettet tilbud mangler")
* #missing-citizen-description "Citizen's description missing" "The citizen's description of where the offer ignores their health is missing (bilag 13, prerequisite 2)."
* insert Da(#missing-citizen-description, "Borgerens beskrivelse mangler")
* #missing-direct-phone "Caseworker's direct phone missing" "The caseworker's direct phone number is missing (guide pkt. 2, 3)."
* insert Da(#missing-direct-phone, "Sagsbehandlerens direkte tlf. nr. mangler")
* #service-discontinued "Service discontinued" "The service can no longer be ordered (guide pkt. 5: from 1 July 2026)."
* insert Da(#service-discontinued, "Ydelsen er udgået")
* #coordinator-not-independent "Coordinator not independent" "The coordinator is or was the citizen's GP or treats or treated the citizen (bkg 2019 §12 stk. 2)."
* insert Da(#coordinator-not-independent, "Sundhedskoordinatoren er inhabil")
* #consent-questioned "Consent questioned or withdrawn: on hold" "The citizen questions or withdraws consent; the examination is on hold until settled (guide pkt. 13)."
* insert Da(#consent-questioned, "Samtykke afklares - sagen er sat i bero")

ValueSet: KfRejectionReasonsVS
Id: kf-rejection-reasons
Title: "Rejection reasons"
Description: "All reasons to return or hold a request. Dansk: Alle begrundelser."
* insert AllCodesOf($kfRejection)

CodeSystem: KfDeadlineRules
Id: kf-deadline-rules
Title: "Deadline rules (fristregler)"
Description: "Default deadlines; each holds 'unless otherwise agreed' and a case may get another with a reason (bkg 2019 §20-§24). Dansk: Fristregler."
* insert KfCodeSystem
* #calendar-days-14 "14 calendar days after receipt" "bkg 2019 §21 (coordinator for the rehabilitation team), §22 (statement in a running case)."
* insert Da(#calendar-days-14, "14 dage efter modtagelsen")
* #calendar-days-30 "30 calendar days after receipt" "bkg 2019 §23: LÆ 275 at most 30 days after receipt (and 14 days after the consultation)."
* insert Da(#calendar-days-30, "30 dage efter modtagelsen")
* #working-hours-48 "48 hours on working days" "guide pkt. 4: terminal-illness assessment."
* insert Da(#working-hours-48, "48 timer på arbejdsdage")
* #working-days-10 "10 working days" "guide pkt. 11: lægeskøn."
* insert Da(#working-days-10, "10 arbejdsdage")
* #meeting-date "The meeting date" "Due at the booked meeting (ServiceRequest.occurrenceDateTime)."
* insert Da(#meeting-date, "Mødedatoen")
* #by-agreement "By agreement" "No default deadline: agreed between municipality and region or with the caseworker (bkg 2019 §20)."
* insert Da(#by-agreement, "Efter aftale")

ValueSet: KfDeadlineRulesVS
Id: kf-deadline-rules
Title: "Deadline rules"
Description: "All deadline rules. Dansk: Alle fristregler."
* insert AllCodesOf($kfDeadlineRules)

CodeSystem: KfOrganizationTypes
Id: kf-organization-types
Title: "Organization types"
Description: "The kinds of organization taking part. Dansk: Organisationstyper."
* insert KfCodeSystem
* #municipality "Municipality (jobcentre)" "A Danish municipality and its jobcentre."
* insert Da(#municipality, "Kommune / jobcenter")
* #klinisk-funktion "Klinisk Funktion" "A region's clinical function for health-professional advice and assessment."
* insert Da(#klinisk-funktion, "Klinisk Funktion")
* #gp-clinic "GP clinic" "The citizen's general practitioner's clinic."
* insert Da(#gp-clinic, "Lægepraksis")

ValueSet: KfOrganizationTypesVS
Id: kf-organization-types
Title: "Organization types"
Description: "All organization types. Dansk: Alle organisationstyper."
* insert AllCodesOf($kfOrgTypes)

CodeSystem: KfPractitionerRoles
Id: kf-practitioner-roles
Title: "Practitioner roles"
Description: "The roles people act in. Dansk: Roller."
* insert KfCodeSystem
* #caseworker "Caseworker" "Caseworker or job broker at the municipality."
* insert Da(#caseworker, "Sagsbehandler")
* #health-coordinator "Health coordinator" "Physician or psychologist of Klinisk Funktion advising the municipality (bkg 2019 §5-§12)."
* insert Da(#health-coordinator, "Sundhedskoordinator")
* #secretary "Secretary" "Klinisk Funktion's secretariat."
* insert Da(#secretary, "Sekretær")
* #gp "General practitioner" "The citizen's own doctor."
* insert Da(#gp, "Praktiserende læge")

ValueSet: KfPractitionerRolesVS
Id: kf-practitioner-roles
Title: "Practitioner roles"
Description: "All practitioner roles. Dansk: Alle roller."
* insert AllCodesOf($kfRoles)

CodeSystem: KfConsentPurposes
Id: kf-consent-purposes
Title: "Consent purposes"
Description: "What the citizen consents to (guide pkt. 13; bkg 2019 §11 stk. 5). Dansk: Formål med samtykket."
* insert KfCodeSystem
* #information-exchange "Exchange of relevant information" "The municipality and the region's health staff may exchange relevant information about the case (guide pkt. 13)."
* insert Da(#information-exchange, "Udveksling af relevante oplysninger mellem kommunen og regionens sundhedsfaglige medarbejdere")
* #gp-contact "Contact with the GP" "The coordinator may discuss the case with the citizen's GP (bkg 2019 §5 stk. 2, §11 stk. 5)."
* insert Da(#gp-contact, "Drøftelse med egen læge")
* #same-person "Same person in two roles" "The same person may do the coordinator role and the Klinisk Funktion assessment, or the coordinator role in another of the citizen's cases (bkg 2019 §13 stk. 3, §26 stk. 7)."
* insert Da(#same-person, "Samme person som sundhedskoordinator og i Klinisk Funktion")

ValueSet: KfConsentPurposesVS
Id: kf-consent-purposes
Title: "Consent purposes"
Description: "All consent purposes. Dansk: Alle formål."
* insert AllCodesOf($kfConsentPurposes)

// dk-core's municipality code system is not available offline. Only the 17 municipalities of Region Sjælland
// are listed, so the system is a fragment and nothing in this IG binds a required value set to it:
// unknown municipality codes are not errors.
CodeSystem: DkCoreMunicipalityCodes
Id: dk-core-municipality-codes
Title: "DK municipality codes (fragment)"
Description: "Fragment of dk-core's municipality codes (kommunekoder): the municipalities of Region Sjælland. Dansk: Kommunekoder."
* ^url = $municipality
* insert KfTerminologyMetadata
* ^caseSensitive = true
* ^content = #fragment
* #0253 "Greve"
* #0259 "Køge"
* #0265 "Roskilde"
* #0269 "Solrød"
* #0306 "Odsherred"
* #0316 "Holbæk"
* #0320 "Faxe"
* #0326 "Kalundborg"
* #0329 "Ringsted"
* #0330 "Slagelse"
* #0336 "Stevns"
* #0340 "Sorø"
* #0350 "Lejre"
* #0360 "Lolland"
* #0370 "Næstved"
* #0376 "Guldborgsund"
* #0390 "Vordingborg"

CodeSystem: KfAccess
Id: kf-access
Title: "Access labels"
Description: "Who may see a piece of case data (bkg 2019 §3; sundhedsloven §42a): the gateway labels every resource of a case in meta.security with one code per organisation that may see it; the code is the id of the Organization (municipality-holbaek for Organization/municipality-holbaek). Written only by the gateway, in the transaction that changes the case, and never shown to clients. Dansk: Adgangsmærker."
* insert KfTerminologyMetadata
* ^caseSensitive = true
* ^content = #not-present
