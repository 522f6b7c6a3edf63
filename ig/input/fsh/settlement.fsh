// Settlement (afregning): what is charged, by which rule and source. Prices are the municipality-region agreement's
// (gateway.settlement.agreements, README "Settlement"); the one price the bekendtgørelse sets itself, the LÆ 275
// assessment at 14,000 kr per case at the 2011 price level (bkg 2019 §18 stk. 2, bilag 1), is on its definition.
//   guide = region-sjaelland-guide-klinisk-funktion-2025.txt, bkg = bekendtgoerelse-2019-draft-with-changes.txt,
//   Midtjylland = region-midtjylland-samarbejdsaftale-2013-draft.txt

CodeSystem: KfChargeCodes
Id: kf-charge-codes
Title: "Charges (afregningsposter)"
Description: "What the region charges a municipality for, each with its unit and source. Dansk: Afregningsposter."
* insert KfCodeSystem
* ^property[+].code = #unit
* ^property[=].type = #string
* ^property[=].description = "What one unit of the quantity is. Dansk: enhed."
* ^property[+].code = #source
* ^property[=].type = #string
* ^property[=].description = "The paragraphs the charge comes from. Dansk: kilde."
* #le275-assessment "LÆ 275 assessment" "A Klinisk Funktion assessment with its certificate (LÆ 275), per case."
* insert Da(#le275-assessment, "Vurdering i klinisk funktion LÆ 275 pr. sag")
* #le275-assessment ^property[+].code = #unit
* #le275-assessment ^property[=].valueString = "case"
* #le275-assessment ^property[+].code = #source
* #le275-assessment ^property[=].valueString = "bkg 2019 §18 stk. 2, bilag 1"
* #meeting-day-points "Meeting-day points" "Points of a service on a meeting day, 1 point = 20 minutes."
* insert Da(#meeting-day-points, "Point på en mødedag")
* #meeting-day-points ^property[+].code = #unit
* #meeting-day-points ^property[=].valueString = "point"
* #meeting-day-points ^property[+].code = #source
* #meeting-day-points ^property[=].valueString = "guide pkt. 1, 6, 7"
* #medical-estimate-half-hours "Lægeskøn, started half hours" "A written medical estimate at the hourly rate per started half hour."
* insert Da(#medical-estimate-half-hours, "Lægeskøn pr. påbegyndt halve time")
* #medical-estimate-half-hours ^property[+].code = #unit
* #medical-estimate-half-hours ^property[=].valueString = "started half hour"
* #medical-estimate-half-hours ^property[+].code = #source
* #medical-estimate-half-hours ^property[=].valueString = "guide pkt. 11"
* #no-show-fee "No-show fee" "The citizen did not show up for a LÆ 275 consultation."
* insert Da(#no-show-fee, "Gebyr for manglende fremmøde")
* #no-show-fee ^property[+].code = #unit
* #no-show-fee ^property[=].valueString = "fee"
* #no-show-fee ^property[+].code = #source
* #no-show-fee ^property[=].valueString = "guide pkt. 8"
* #late-cancellation-fee "Late cancellation fee" "A LÆ 275 consultation cancelled later than 24 hours before it."
* insert Da(#late-cancellation-fee, "Gebyr for afbud senere end 24 timer før")
* #late-cancellation-fee ^property[+].code = #unit
* #late-cancellation-fee ^property[=].valueString = "fee"
* #late-cancellation-fee ^property[+].code = #source
* #late-cancellation-fee ^property[=].valueString = "guide pkt. 8"
* #started-coordinator-case "Started coordinator case" "A case sent to the region for the rehabilitation team; it runs until 6 months after it ended."
* insert Da(#started-coordinator-case, "Påbegyndt sag hos sundhedskoordinator")
* #started-coordinator-case ^property[+].code = #unit
* #started-coordinator-case ^property[=].valueString = "case"
* #started-coordinator-case ^property[+].code = #source
* #started-coordinator-case ^property[=].valueString = "Midtjylland aftale 7.1; bkg 2019 §17"
* #coordinator-instalment "Coordinator function, monthly instalment" "One twelfth of the year's forecast of cases at the case price, paid monthly in arrears."
* insert Da(#coordinator-instalment, "Månedlig rate for sundhedskoordinatorfunktionen")
* #coordinator-instalment ^property[+].code = #unit
* #coordinator-instalment ^property[=].valueString = "month"
* #coordinator-instalment ^property[+].code = #source
* #coordinator-instalment ^property[=].valueString = "bkg 2019 §17 stk. 2, §19 stk. 2, bilag 1; Midtjylland aftale 7.3"
* #deviation-settlement "Year-end deviation settlement" "Cases beyond the forecast's tolerance billed, or below it credited, after the calendar year."
* insert Da(#deviation-settlement, "Regulering efter kalenderåret")
* #deviation-settlement ^property[+].code = #unit
* #deviation-settlement ^property[=].valueString = "case"
* #deviation-settlement ^property[+].code = #source
* #deviation-settlement ^property[=].valueString = "Midtjylland aftale 7.3; bkg 2019 §17 stk. 4"

ValueSet: KfChargeCodesVS
Id: kf-charge-codes
Title: "Charges"
Description: "All charges. Dansk: Alle afregningsposter."
* insert AllCodesOf(http://kf-gateway.dk/fhir/CodeSystem/kf-charge-codes)

CodeSystem: KfSettlementEvents
Id: kf-settlement-events
Title: "Billable events recorded on a Task"
Description: "Events the clinic records on a Task as a Task.output for billing. Dansk: Hændelser der afregnes."
* insert KfCodeSystem
* #no-show "No-show" "The citizen did not show up for the LÆ 275 consultation at valueDateTime (guide pkt. 8)."
* insert Da(#no-show, "Manglende fremmøde")

Extension: KfPriceRule
Id: kf-price-rule
Title: "Price rule (afregningsregel)"
Description: "The gateway's rule that made a ChargeItem, and its source paragraph. Dansk: Afregningsregel og kilde."
Context: ChargeItem
* extension contains rule 1..1 and source 1..1
* extension[rule].value[x] only Coding
* extension[rule] ^short = "Rule id, e.g. SET-003 (system http://kf-gateway.dk/fhir/rule)"
* extension[source].value[x] only string
* extension[source] ^short = "Source, e.g. guide pkt. 11"

Extension: KfSettlementPeriod
Id: kf-settlement-period
Title: "Settled month"
Description: "The calendar month an Invoice settles (paid monthly in arrears, bkg 2019 §19 stk. 2). Dansk: Afregningsmåned."
Context: Invoice
* value[x] only Period

Extension: KfPaymentDue
Id: kf-payment-due
Title: "Payment due date"
Description: "The last day of payment by the agreement's terms (bkg 2019 §19 stk. 3: 14 days; Midtjylland aftale 7.3: 30 days). Dansk: Sidste rettidige betalingsdag."
Context: Invoice
* value[x] only date

RuleSet: KfChargeDefinition(code)
* url = "http://kf-gateway.dk/fhir/ChargeItemDefinition/{code}"
* status = #active
* experimental = false
* publisher = "kf-gateway"
* jurisdiction = urn:iso:std:iso:3166#DK "Denmark"
* code = http://kf-gateway.dk/fhir/CodeSystem/kf-charge-codes#{code}

Instance: le275-assessment
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(le275-assessment)
* title = "LÆ 275 assessment, per case"
* description = "SET-001 (bkg 2019 §18 stk. 2, bilag 1): a completed LÆ 275 referral with an assessment (triage outcome assessment-existing-information or examination) is one case. Unless agreed otherwise, 14,000 kr per case at the 2011 price level, indexed yearly with the price development of medical certificates; a referral returned with a note is no assessment."
* propertyGroup.priceComponent.type = #base
* propertyGroup.priceComponent.amount.value = 14000
* propertyGroup.priceComponent.amount.currency = #DKK

Instance: meeting-day-points
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(meeting-day-points)
* title = "Meeting-day points"
* description = "SET-002 (guide pkt. 1, 6, 7): a completed case sparring (1 point), conversation after 3½ years at the municipality (2) or right to a coordinator (3), the points from the service catalogue (kf-services), at the agreement's price per point."

Instance: medical-estimate-half-hours
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(medical-estimate-half-hours)
* title = "Lægeskøn per started half hour"
* description = "SET-003 (guide pkt. 11): a completed lægeskøn, the started half hours of the time recorded by the clinic as Task.executionPeriod, at half the agreement's hourly rate."

Instance: no-show-fee
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(no-show-fee)
* title = "No-show fee"
* description = "SET-004 (guide pkt. 8): the clinic records a Task.output kf-settlement-events#no-show with the missed LÆ 275 consultation as valueDateTime; the agreement's fee."

Instance: late-cancellation-fee
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(late-cancellation-fee)
* title = "Late cancellation fee"
* description = "SET-005 (guide pkt. 8): a LÆ 275 task cancelled later than 24 hours before its booked consultation (Task.executionPeriod.start); the agreement's fee."

Instance: started-coordinator-case
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(started-coordinator-case)
* title = "Started coordinator case"
* description = "SET-006 (Midtjylland aftale 7.1; bkg 2019 §17): a rehabilitation-team case received by the region (dated by Task.authoredOn, when the municipality sent it), unless the citizen's earlier case with the municipality is running or ended less than 6 months ago. Paid by the monthly instalments and counted for the year-end deviation, or billed per case where the agreement says so."

Instance: coordinator-instalment
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(coordinator-instalment)
* title = "Coordinator function, monthly instalment"
* description = "SET-008 (bkg 2019 §17 stk. 2, §19 stk. 2, bilag 1; Midtjylland aftale 7.3): the year's forecast of cases times the case price (agreed, or a full-time year with overhead over 202 working days of 3 cases), in 12 equal instalments paid monthly in arrears."

Instance: deviation-settlement
InstanceOf: ChargeItemDefinition
Usage: #definition
* insert KfChargeDefinition(deviation-settlement)
* title = "Year-end deviation settlement"
* description = "SET-009 (Midtjylland aftale 7.3; bkg 2019 §17 stk. 4): on the January invoice, the previous year's started cases against its forecast; beyond +5 % the cases beyond the forecast are billed at the year's case price, below 95 % the difference to 95 % of the forecast is credited."

Instance: ChargeItem-status
InstanceOf: SearchParameter
Usage: #definition
Title: "ChargeItem status"
* insert KfSearchParameter(ChargeItem-status, status, ChargeItem, token, "billable or not-billable or billed - what the next invoice takes.")
* expression = "ChargeItem.status"

Instance: ChargeItem-task
InstanceOf: SearchParameter
Usage: #definition
Title: "ChargeItem task"
* insert KfSearchParameter(ChargeItem-task, task, ChargeItem, reference, "The Task and referral a charge is for - ChargeItem.supportingInformation.")
* expression = "ChargeItem.supportingInformation"
* target[+] = #Task
* target[+] = #ServiceRequest
