// Results routing (bkg 2019 §9, §15 stk. 2, §26 stk. 4; guide pkt. 8): who gets the result of a completed referral,
// as data. The gateway reads CodeSystem kf-result-routing at start: one concept per row of the routing table.

Alias: $kfCommCategories = http://kf-gateway.dk/fhir/CodeSystem/kf-communication-categories
Alias: $kfTaskOutputTypes = http://kf-gateway.dk/fhir/CodeSystem/kf-task-output-types

CodeSystem: KfCommunicationCategories
Id: kf-communication-categories
Title: "Copies of a result (kopier)"
Description: "What a Communication of the gateway carries and to whom. Dansk: Modtagere af resultatet."
* insert KfCodeSystem
* #result "Result to the municipality" "The statement, note or certificate to the requesting municipality (bkg 2019 §22-§23)."
* insert Da(#result, "Resultat til kommunen")
* #citizen-copy "Copy to the citizen" "The LÆ 275 certificate to the citizen (guide pkt. 8)."
* insert Da(#citizen-copy, "Kopi til borgeren")
* #certificate-copy "Certificate copy to the GP" "The GP's copy of the specialist certificate, at the same time as the municipality's (bkg 2019 §15 stk. 2)."
* insert Da(#certificate-copy, "Kopi af speciallægeattesten til egen læge")
* #gp-information "Background to the GP" "The coordinator recommended that the citizen see their GP and the municipality follows it: the GP is told why (bkg 2019 §9)."
* insert Da(#gp-information, "Orientering af egen læge om baggrunden")
* #treatment-recommendation "Recommended treatment to the GP" "The coordinator's statement recommending another treatment, unless the citizen objects (bkg 2019 §26 stk. 4)."
* insert Da(#treatment-recommendation, "Udtalelse om anden behandling til egen læge")
* #routing-exception "Routing exception" "A copy could not be addressed (e.g. no known GP): for the clinic's secretariat to resolve."
* insert Da(#routing-exception, "Fejl i forsendelse - til sekretariatet")

ValueSet: KfCommunicationCategoriesVS
Id: kf-communication-categories
Title: "Copies of a result"
Description: "All copy categories. Dansk: Alle kategorier."
* insert AllCodesOf($kfCommCategories)

CodeSystem: KfTaskOutputTypes
Id: kf-task-output-types
Title: "Task outputs (resultater)"
Description: "What a completed referral's Task.output holds: the result document and the coordinator's recommendations. Dansk: Opgavens resultater."
* insert KfCodeSystem
* #result "Result document" "The statement, note or certificate (a DocumentReference)."
* insert Da(#result, "Resultat")
* #gp-visit-recommended "Recommends that the citizen see their GP" "valueBoolean true: the coordinator recommends that the municipality asks the citizen to see their GP (bkg 2019 §9)."
* insert Da(#gp-visit-recommended, "Anbefaler at borgeren går til egen læge")
* #other-treatment-recommended "Recommends another treatment" "valueBoolean true: the statement recommends another treatment (bkg 2019 §26 stk. 4)."
* insert Da(#other-treatment-recommended, "Anbefaler en anden behandling")
* #citizen-objects-gp-information "Citizen objects to informing the GP" "valueBoolean true: the citizen does not consent to the GP being informed (bkg 2019 §26 stk. 4)."
* insert Da(#citizen-objects-gp-information, "Borgeren ønsker ikke egen læge orienteret")

ValueSet: KfTaskOutputTypesVS
Id: kf-task-output-types
Title: "Task outputs"
Description: "All Task output types. Dansk: Alle resultattyper."
* insert AllCodesOf($kfTaskOutputTypes)

RuleSet: Route(row, service, trigger, source)
* {row} ^property[+].code = #service
* {row} ^property[=].valueCode = #{service}
* {row} ^property[+].code = #trigger
* {row} ^property[=].valueCode = #{trigger}
* {row} ^property[+].code = #source
* {row} ^property[=].valueString = "{source}"

RuleSet: ResultType(row, type)
* {row} ^property[+].code = #resultType
* {row} ^property[=].valueCode = #{type}

RuleSet: Copy(row, category)
* {row} ^property[+].code = #copy
* {row} ^property[=].valueCode = #{category}

CodeSystem: KfResultRouting
Id: kf-result-routing
Title: "Routing of results (routingtabel)"
Description: "One row per rule: for a service (any = every service) and the result document types that fit it, the copies made when the trigger holds. The result types of the completion rows are the documents a service may be completed with. Dansk: Hvem får resultatet."
* insert KfCodeSystem
* ^property[+].code = #service
* ^property[=].type = #code
* ^property[=].description = "A code of kf-services, or any for every service."
* ^property[+].code = #resultType
* ^property[=].type = #code
* ^property[=].description = "A result document type (kf-document-types) the row applies to; none: any."
* ^property[+].code = #trigger
* ^property[=].type = #code
* ^property[=].description = "completion (the Task is completed), other-treatment-recommended (completion with that output, unless the citizen objects), gp-visit-followed (the municipality follows the coordinator's GP recommendation)."
* ^property[+].code = #copy
* ^property[=].type = #code
* ^property[=].description = "A copy made (kf-communication-categories)."
* ^property[+].code = #source
* ^property[=].type = #string
* ^property[=].description = "The paragraph the row comes from."
* #le275-certificate "LÆ 275 certificate: municipality, citizen and GP at the same moment"
* insert Route(#le275-certificate, le275-certificate, completion, bkg 2019 §15 stk. 2; guide pkt. 8)
* insert ResultType(#le275-certificate, le275)
* insert Copy(#le275-certificate, result)
* insert Copy(#le275-certificate, citizen-copy)
* insert Copy(#le275-certificate, certificate-copy)
* #le275-triage-note "LÆ 275 returned with a reasoned note: to the municipality"
* insert Route(#le275-triage-note, le275-certificate, completion, guide pkt. 8)
* insert ResultType(#le275-triage-note, note)
* insert Copy(#le275-triage-note, result)
* #rehab-team-advice "Advice for the rehabilitation team"
* insert Route(#rehab-team-advice, rehab-team-advice, completion, bkg 2019 §5-§8)
* insert ResultType(#rehab-team-advice, statement)
* insert ResultType(#rehab-team-advice, note)
* insert Copy(#rehab-team-advice, result)
* #running-case-statement "Statement in a running case"
* insert Route(#running-case-statement, running-case-statement, completion, bkg 2019 §11 and §22)
* insert ResultType(#running-case-statement, statement)
* insert Copy(#running-case-statement, result)
* #case-sparring "Case sparring: the meeting note"
* insert Route(#case-sparring, case-sparring, completion, guide pkt. 1)
* insert ResultType(#case-sparring, note)
* insert Copy(#case-sparring, result)
* #phone-sparring-dictated "Phone sparring, dictated note"
* insert Route(#phone-sparring-dictated, phone-sparring-dictated, completion, guide pkt. 2)
* insert ResultType(#phone-sparring-dictated, note)
* insert Copy(#phone-sparring-dictated, result)
* #phone-sparring-written "Phone sparring, the coordinator's note"
* insert Route(#phone-sparring-written, phone-sparring-written, completion, guide pkt. 3)
* insert ResultType(#phone-sparring-written, note)
* insert Copy(#phone-sparring-written, result)
* #terminal-assessment "Terminal-illness assessment: the form"
* insert Route(#terminal-assessment, terminal-assessment, completion, guide pkt. 4)
* insert ResultType(#terminal-assessment, terminal-assessment-form)
* insert Copy(#terminal-assessment, result)
* #obviously-pointless-statement "Statement: obviously pointless"
* insert Route(#obviously-pointless-statement, obviously-pointless-statement, completion, guide pkt. 5; bkg 2019 §10)
* insert ResultType(#obviously-pointless-statement, statement)
* insert Copy(#obviously-pointless-statement, result)
* #jaf-conversation-municipality "Conversation at the municipality"
* insert Route(#jaf-conversation-municipality, jaf-conversation-municipality, completion, guide pkt. 6 a)
* insert ResultType(#jaf-conversation-municipality, note)
* insert ResultType(#jaf-conversation-municipality, statement)
* insert Copy(#jaf-conversation-municipality, result)
* #jaf-conversation-clinic "Conversation at Klinisk Funktion: the statement"
* insert Route(#jaf-conversation-clinic, jaf-conversation-clinic, completion, guide pkt. 6 b; bkg 2019 §22)
* insert ResultType(#jaf-conversation-clinic, statement)
* insert Copy(#jaf-conversation-clinic, result)
* #right-to-coordinator "Right to a health coordinator: the written advice"
* insert Route(#right-to-coordinator, right-to-coordinator, completion, guide pkt. 7; bilag 13)
* insert ResultType(#right-to-coordinator, statement)
* insert Copy(#right-to-coordinator, result)
* #round-table-talk "Round-table talk: the note"
* insert Route(#round-table-talk, round-table-talk, completion, guide pkt. 9)
* insert ResultType(#round-table-talk, note)
* insert Copy(#round-table-talk, result)
* #hourly-advice "Hourly advice: the note"
* insert Route(#hourly-advice, hourly-advice, completion, guide pkt. 10)
* insert ResultType(#hourly-advice, note)
* insert Copy(#hourly-advice, result)
* #medical-estimate "Lægeskøn"
* insert Route(#medical-estimate, medical-estimate, completion, guide pkt. 11)
* insert ResultType(#medical-estimate, medical-estimate)
* insert Copy(#medical-estimate, result)
* #other-treatment-assessment "Assessment of another treatment: the statement"
* insert Route(#other-treatment-assessment, other-treatment-assessment, completion, bkg 2019 §26)
* insert ResultType(#other-treatment-assessment, statement)
* insert Copy(#other-treatment-assessment, result)
* #other-treatment-to-gp "Another treatment recommended: the GP is informed unless the citizen objects"
* insert Route(#other-treatment-to-gp, other-treatment-assessment, other-treatment-recommended, bkg 2019 §26 stk. 4)
* insert ResultType(#other-treatment-to-gp, statement)
* insert Copy(#other-treatment-to-gp, treatment-recommendation)
* #gp-visit-followed "GP visit recommended and followed: the GP is told the background"
* insert Route(#gp-visit-followed, any, gp-visit-followed, bkg 2019 §9)
* insert Copy(#gp-visit-followed, gp-information)
