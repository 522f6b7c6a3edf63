// Search parameters the workflow needs beyond FHIR R4's own. Tasks by service: chain through the focus,
// e.g. Task?focus:ServiceRequest.code=http://kf-gateway.dk/fhir/CodeSystem/kf-services|le275-certificate.
// Documents of a referral: DocumentReference?related=ServiceRequest/{id} (R4's own "related" parameter).

RuleSet: KfSearchParameter(id, code, base, type, description)
* url = "http://kf-gateway.dk/fhir/SearchParameter/{id}"
* name = "{code}"
* status = #active
* experimental = false
* publisher = "kf-gateway"
* description = {description}
* code = #{code}
* base = #{base}
* type = #{type}
* xpathUsage = #normal

Instance: Task-due
InstanceOf: SearchParameter
Usage: #definition
Title: "Task due date"
* insert KfSearchParameter(Task-due, due, Task, date, "The task's due date - frist. Work lists sort and filter by it.")
* expression = "Task.restriction.period.end"

Instance: Task-deadline-rule
InstanceOf: SearchParameter
Usage: #definition
Title: "Task deadline rule"
* insert KfSearchParameter(Task-deadline-rule, deadline-rule, Task, token, "The rule that set the task's due date - kf-deadline-rules.")
* expression = "Task.extension('http://kf-gateway.dk/fhir/StructureDefinition/kf-deadline').extension('rule').value.ofType(Coding)"

Instance: Task-status-reason
InstanceOf: SearchParameter
Usage: #definition
Title: "Task status reason"
* insert KfSearchParameter(Task-status-reason, status-reason, Task, token, "Why a task was returned or put on hold - kf-rejection-reasons.")
* expression = "Task.statusReason"

Instance: Communication-about
InstanceOf: SearchParameter
Usage: #definition
Title: "Communication about"
* insert KfSearchParameter(Communication-about, about, Communication, reference, "The referral a GP copy is about. FHIR R4 has no search parameter on Communication.about.")
* expression = "Communication.about"
* target[+] = #ServiceRequest
* target[+] = #Task

Instance: DocumentReference-page-count
InstanceOf: SearchParameter
Usage: #definition
Title: "DocumentReference page count"
* insert KfSearchParameter(DocumentReference-page-count, page-count, DocumentReference, number, "Number of pages of the document - guide pkt. 12.")
* expression = "DocumentReference.extension('http://kf-gateway.dk/fhir/StructureDefinition/kf-page-count').value.ofType(integer)"

Instance: Binary-security-context
InstanceOf: SearchParameter
Usage: #definition
Title: "Binary security context"
* insert KfSearchParameter(Binary-security-context, security-context, Binary, reference, "The resource a Binary belongs to - its DocumentReference - whose access the Binary follows. FHIR R4 has no search parameter on Binary.securityContext.")
* expression = "Binary.securityContext"
