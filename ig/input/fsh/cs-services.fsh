// The service catalogue (ydelseskatalog). Every value is taken from the Danish source documents (guide, bekendtgørelse, agreements):
//   guide = region-sjaelland-guide-klinisk-funktion-2025.txt ("pkt." = point of the guide)
//   bkg   = bekendtgoerelse-2019-draft-with-changes.txt (in force 2019, wins over the 2016 text)
//   bilag 13 = bilag-13-ret-til-sundhedskoordinator-2021.txt
//   Midtjylland = region-midtjylland-samarbejdsaftale-2013-draft.txt
// maxPages: 75 pages is the per-case maximum for every service (guide pkt. 12); phone sparring is lower (pkt. 2: 25, pkt. 3: 50).

CodeSystem: KfServices
Id: kf-services
Title: "Klinisk Funktion services (ydelser)"
Description: "The services a municipality can order from the region's Klinisk Funktion and health coordinators, with the rules the gateway checks. Dansk: Ydelser som kommunen kan bestille hos Klinisk Funktion/sundhedskoordinatoren."
* insert KfCodeSystem
* ^property[+].code = #maxPages
* ^property[=].type = #integer
* ^property[=].description = "Pages of case documents allowed for the case (guide pkt. 2, 3, 12). Dansk: maks. antal sider."
* ^property[+].code = #points
* ^property[=].type = #decimal
* ^property[=].description = "Meeting-day points, 1 point = 20 minutes (guide pkt. 1, 6, 7). Dansk: point i pointsystemet for mødedage."
* ^property[+].code = #specificConsent
* ^property[=].type = #boolean
* ^property[=].description = "Needs the citizen's consent with the specific wording of the standard form (guide pkt. 8, 11, 13). Dansk: kræver specifikt samtykke."
* ^property[+].code = #writtenConsent
* ^property[=].type = #boolean
* ^property[=].description = "Needs the citizen's written consent (bkg 2019 §26). Dansk: kræver skriftligt samtykke."
* ^property[+].code = #deadlineRule
* ^property[=].type = #code
* ^property[=].description = "The default deadline, a code of http://kf-gateway.dk/fhir/CodeSystem/kf-deadline-rules. Dansk: fristregel."
* ^property[+].code = #orderableUntil
* ^property[=].type = #dateTime
* ^property[=].description = "The service cannot be ordered from this moment. Dansk: kan ikke bestilles fra dette tidspunkt."
* ^property[+].code = #requiresDirectPhone
* ^property[=].type = #boolean
* ^property[=].description = "The caseworker's direct phone number is needed (guide pkt. 1, 2, 3, 9). Dansk: sagsbehandlerens direkte tlf. nr. skal oplyses."
* ^property[+].code = #requiresEmploymentOffer
* ^property[=].type = #boolean
* ^property[=].description = "Needs the concrete employment offer and the citizen's description of where it ignores their health (bilag 13). Dansk: kræver konkret beskæftigelsesrettet tilbud og borgerens beskrivelse."
* ^property[+].code = #meeting
* ^property[=].type = #boolean
* ^property[=].description = "The ServiceRequest carries a meeting date in occurrenceDateTime. Dansk: ydelsen knytter sig til et møde."
* ^property[+].code = #documentLeadWorkingDays
* ^property[=].type = #integer
* ^property[=].description = "Case documents must reach the region this many working days before the meeting (bilag 13; Midtjylland 4.4). Dansk: hverdage før mødet."
* ^property[+].code = #bookingRule
* ^property[=].type = #code
* ^property[=].description = "How the service is booked: previous-working-day-24h (guide pkt. 1), one-month-notice-from-first (guide pkt. 10). Dansk: bookingsregel."
* ^property[+].code = #source
* ^property[=].type = #string
* ^property[=].description = "The paragraphs the service and its rules come from. Dansk: kilde."

// bkg §5-§8 (the coordinator advises the rehabilitation team), §21 (available 14 days after receipt);
// bilag 13 / Midtjylland 4.4: case documents 10 working days before the meeting
* #rehab-team-advice "Health advice for the rehabilitation team" "Health-professional advice from the health coordinator to the rehabilitation team meeting."
* insert Da(#rehab-team-advice, "Sundhedsfaglig rådgivning i rehabiliteringsteamet")
* insert IntegerProperty(#rehab-team-advice, maxPages, 75)
* insert CodeProperty(#rehab-team-advice, deadlineRule, calendar-days-14)
* insert BooleanProperty(#rehab-team-advice, meeting, true)
* insert IntegerProperty(#rehab-team-advice, documentLeadWorkingDays, 10)
* insert StringProperty(#rehab-team-advice, source, "bkg 2019 §5-§8 and §21; guide pkt. 12; Midtjylland aftale 4.4")

// bkg §11 (advice in running cases; stk. 4 no advice on benefits), §22 (statement within 14 days of receipt)
* #running-case-statement "Statement in a running case" "The health coordinator's written statement in a running case (jobafklaringsforløb, ressourceforløb, fleksjob, sygedagpenge category 3 ...)."
* insert Da(#running-case-statement, "Udtalelse fra sundhedskoordinator i løbende sag")
* insert IntegerProperty(#running-case-statement, maxPages, 75)
* insert CodeProperty(#running-case-statement, deadlineRule, calendar-days-14)
* insert StringProperty(#running-case-statement, source, "bkg 2019 §11 and §22; guide pkt. 12")

// guide pkt. 1: 20 minutes = 1 point; booked in the meeting note the previous working day and >= 24 h before;
// the note names the caseworker and their direct phone number; documents are not read
* #case-sparring "Case sparring on a meeting day" "20 minutes of case sparring with the health coordinator on a meeting day in the municipality; no documents are read."
* insert Da(#case-sparring, "Sundhedsfaglig sagssparring på en mødedag")
* insert IntegerProperty(#case-sparring, maxPages, 75)
* insert DecimalProperty(#case-sparring, points, 1)
* insert CodeProperty(#case-sparring, deadlineRule, meeting-date)
* insert BooleanProperty(#case-sparring, meeting, true)
* insert BooleanProperty(#case-sparring, requiresDirectPhone, true)
* insert CodeProperty(#case-sparring, bookingRule, previous-working-day-24h)
* insert StringProperty(#case-sparring, source, "guide pkt. 1")

// guide pkt. 2: max 25 pages; "Vær opmærksom på at skrive sagsbehandlerens direkte tlf. nr."; time agreed by phone
* #phone-sparring-dictated "Phone sparring, note dictated to the caseworker" "Phone sparring with the health coordinator; a short note is dictated to the caseworker."
* insert Da(#phone-sparring-dictated, "Telefonisk sparring med kort notat dikteret til sagsbehandleren")
* insert IntegerProperty(#phone-sparring-dictated, maxPages, 25)
* insert CodeProperty(#phone-sparring-dictated, deadlineRule, by-agreement)
* insert BooleanProperty(#phone-sparring-dictated, requiresDirectPhone, true)
* insert StringProperty(#phone-sparring-dictated, source, "guide pkt. 2")

// guide pkt. 3: max 50 pages; direct phone number; note with summary, conclusion and recommendations
* #phone-sparring-written "Phone sparring, note written by the coordinator" "Phone sparring; the health coordinator writes a note with a summary of the health information, a conclusion and recommendations."
* insert Da(#phone-sparring-written, "Telefonisk sparring med notat fra sundhedskoordinatoren")
* insert IntegerProperty(#phone-sparring-written, maxPages, 50)
* insert CodeProperty(#phone-sparring-written, deadlineRule, by-agreement)
* insert BooleanProperty(#phone-sparring-written, requiresDirectPhone, true)
* insert StringProperty(#phone-sparring-written, source, "guide pkt. 3")

// guide pkt. 4: answered within 48 hours on working days, in writing with a form (pension act §18 stk. 2 nr. 2)
* #terminal-assessment "Assessment of possible terminal illness" "Quick assessment whether the citizen is terminally ill (social pension act §18 stk. 2 nr. 2)."
* insert Da(#terminal-assessment, "Sundhedsfaglig vurdering af mulig terminal sygdom")
* insert IntegerProperty(#terminal-assessment, maxPages, 75)
* insert CodeProperty(#terminal-assessment, deadlineRule, working-hours-48)
* insert StringProperty(#terminal-assessment, source, "guide pkt. 4; bkg 2019 §10 and §21 stk. 3")

// guide pkt. 5: "(Udgår pr. 1.7.2026)"; bkg §10; no deadline of its own in the bkg: agreed (bkg §20)
* #obviously-pointless-statement "Statement: obviously pointless (pension act §18 stk. 2 nr. 1)" "The coordinator's statement that it is obvious the citizen's work capacity cannot be improved. Discontinued from 1 July 2026."
* insert Da(#obviously-pointless-statement, "Udtalelse om åbenbart formålsløst forløb - ÅF")
* insert IntegerProperty(#obviously-pointless-statement, maxPages, 75)
* insert CodeProperty(#obviously-pointless-statement, deadlineRule, by-agreement)
* insert DateTimeProperty(#obviously-pointless-statement, orderableUntil, 2026-07-01T00:00:00+02:00)
* insert StringProperty(#obviously-pointless-statement, source, "guide pkt. 5; bkg 2019 §10 and §20")

// guide pkt. 6 a): at the municipality on a meeting day, 40 minutes = 2 points; bkg §11 stk. 3
* #jaf-conversation-municipality "Conversation after 3½ years of jobafklaringsforløb, at the municipality" "The coordinator's conversation with the citizen on a meeting day in the municipality."
* insert Da(#jaf-conversation-municipality, "Samtale efter 3½ år i jobafklaringsforløb i kommunen")
* insert IntegerProperty(#jaf-conversation-municipality, maxPages, 75)
* insert DecimalProperty(#jaf-conversation-municipality, points, 2)
* insert CodeProperty(#jaf-conversation-municipality, deadlineRule, meeting-date)
* insert BooleanProperty(#jaf-conversation-municipality, meeting, true)
* insert StringProperty(#jaf-conversation-municipality, source, "guide pkt. 6 a; bkg 2019 §11 stk. 3")

// guide pkt. 6 b): at Klinisk Funktion, which sets the time; statement in a running case: bkg §22 (14 days)
* #jaf-conversation-clinic "Conversation after 3½ years of jobafklaringsforløb, at Klinisk Funktion" "The citizen is called to a conversation with the coordinator at Klinisk Funktion; the coordinator writes a statement."
* insert Da(#jaf-conversation-clinic, "Samtale efter 3½ år i jobafklaringsforløb hos Klinisk Funktion")
* insert IntegerProperty(#jaf-conversation-clinic, maxPages, 75)
* insert CodeProperty(#jaf-conversation-clinic, deadlineRule, calendar-days-14)
* insert StringProperty(#jaf-conversation-clinic, source, "guide pkt. 6 b; bkg 2019 §11 stk. 3 and §22")

// guide pkt. 7 a): 30 min talk + 30 min statement = 3 points/60 min; bilag 13: prerequisites (1) employment offer,
// (2) the citizen's description; the case reaches the coordinator 10 working days before the meeting
* #right-to-coordinator "Right to a health coordinator in ressourceforløb" "Conversation with the coordinator about a concrete employment offer the citizen finds does not respect their health."
* insert Da(#right-to-coordinator, "Ret til sundhedskoordinator i ressourceforløb")
* insert IntegerProperty(#right-to-coordinator, maxPages, 75)
* insert DecimalProperty(#right-to-coordinator, points, 3)
* insert CodeProperty(#right-to-coordinator, deadlineRule, meeting-date)
* insert BooleanProperty(#right-to-coordinator, meeting, true)
* insert IntegerProperty(#right-to-coordinator, documentLeadWorkingDays, 10)
* insert BooleanProperty(#right-to-coordinator, requiresEmploymentOffer, true)
* insert StringProperty(#right-to-coordinator, source, "guide pkt. 7; bilag 13 of 2021")

// guide pkt. 8 and 13: specific consent or the request is returned; bkg §13-§15; §23: 14 days after the
// consultation and at most 30 days after receipt (the rule kept here is the outer one)
* #le275-certificate "LÆ 275 medical certificate from Klinisk Funktion" "Specialist medical certificate (socialmedicinsk vurdering) on existing information or after an examination."
* insert Da(#le275-certificate, "LÆ 275 Lægeattest fra Klinisk Funktion")
* insert IntegerProperty(#le275-certificate, maxPages, 75)
* insert BooleanProperty(#le275-certificate, specificConsent, true)
* insert CodeProperty(#le275-certificate, deadlineRule, calendar-days-30)
* insert StringProperty(#le275-certificate, source, "guide pkt. 8 and 13; bkg 2019 §13-§15 and §23")

// guide pkt. 9: only right after the certificate; the caseworker mails the secretariat with their direct phone number
* #round-table-talk "Round-table talk after an examination" "Talk between caseworker, citizen and the examining doctor or psychologist right after the certificate was delivered."
* insert Da(#round-table-talk, "Rundbordssamtale efter undersøgelse i Klinisk Funktion")
* insert IntegerProperty(#round-table-talk, maxPages, 75)
* insert CodeProperty(#round-table-talk, deadlineRule, by-agreement)
* insert BooleanProperty(#round-table-talk, requiresDirectPhone, true)
* insert StringProperty(#round-table-talk, source, "guide pkt. 9")

// guide pkt. 10: a day or hours booked, at least one month's notice from the 1st of a month
* #hourly-advice "Hourly health advice (at the municipality or virtual)" "A day or a number of hours of advice from the coordinator, agreed with the municipality."
* insert Da(#hourly-advice, "Timebaseret sundhedsfaglig rådgivning")
* insert IntegerProperty(#hourly-advice, maxPages, 75)
* insert CodeProperty(#hourly-advice, deadlineRule, by-agreement)
* insert CodeProperty(#hourly-advice, bookingRule, one-month-notice-from-first)
* insert StringProperty(#hourly-advice, source, "guide pkt. 10")

// guide pkt. 11: needs a specific consent; "Det tilstræbes at lægeskønnet leveres indenfor 10 arbejdsdage"
* #medical-estimate "Medical estimate on existing information (lægeskøn)" "Written medical estimate summarising health, function and work restrictions from the case's health information."
* insert Da(#medical-estimate, "Lægeskøn fra Klinisk Funktion")
* insert IntegerProperty(#medical-estimate, maxPages, 75)
* insert BooleanProperty(#medical-estimate, specificConsent, true)
* insert CodeProperty(#medical-estimate, deadlineRule, working-days-10)
* insert StringProperty(#medical-estimate, source, "guide pkt. 11")

// bkg 2019 §26 (2016: §27): the citizen's written consent; no deadline of its own: agreed (bkg §20)
* #other-treatment-assessment "Assessment whether another treatment can be recommended" "Statement from the coordinator when a citizen refuses medical treatment."
* insert Da(#other-treatment-assessment, "Vurdering af om der kan anbefales en anden behandling")
* insert IntegerProperty(#other-treatment-assessment, maxPages, 75)
* insert BooleanProperty(#other-treatment-assessment, writtenConsent, true)
* insert CodeProperty(#other-treatment-assessment, deadlineRule, by-agreement)
* insert StringProperty(#other-treatment-assessment, source, "bkg 2019 §26; bkg 2016 §27")

ValueSet: KfServicesVS
Id: kf-services
Title: "Klinisk Funktion services"
Description: "All services of the catalogue. Dansk: Alle ydelser."
* insert AllCodesOf($kfServices)
