package dk.kfgateway.ig;

import dk.kfgateway.rules.RuleRef;

/**
 * Names of the implementation guide that code elsewhere relies on (see the IG's FSH in {@code ig/input/fsh}).
 *
 * <p>Why a constants class: profile and code system URLs are a contract between the IG and the gateway's
 * rules; spelling them once here keeps a rename from silently breaking validation or a rule's lookup.
 */
public final class Ig {

    public static final String CANONICAL = "http://kf-gateway.dk/fhir";
    /** IG-001: a resource of a profiled type conforms to its gateway profile. */
    public static final RuleRef CONFORMANCE = new RuleRef("IG-001", "the gateway's implementation guide (profiles/)");
    public static final String PACKAGE_ID = "dk.kfgateway.ig";

    public static final String PATIENT = "kf-patient";
    public static final String ORGANIZATION = "kf-organization";
    public static final String PRACTITIONER = "kf-practitioner";
    public static final String PRACTITIONER_ROLE = "kf-practitionerrole";
    public static final String REFERRAL = "kf-referral";
    public static final String TASK = "kf-task";
    public static final String CONSENT = "kf-consent";
    public static final String DOCUMENT_REFERENCE = "kf-documentreference";
    public static final String COMMUNICATION = "kf-communication";

    public static final String EXT_DEADLINE = structureDefinition("kf-deadline");
    public static final String EXT_PAGE_COUNT = structureDefinition("kf-page-count");
    public static final String EXT_GP_CONTACT_CONSENT = structureDefinition("kf-gp-contact-consent");

    public static final String CS_SERVICES = "kf-services";
    public static final String CS_CASE_TYPES = "kf-case-types";
    public static final String CS_DOCUMENT_TYPES = "kf-document-types";
    public static final String CS_TRIAGE_OUTCOMES = "kf-triage-outcomes";
    public static final String CS_REJECTION_REASONS = "kf-rejection-reasons";
    public static final String CS_DEADLINE_RULES = "kf-deadline-rules";
    public static final String CS_ORGANIZATION_TYPES = "kf-organization-types";
    public static final String CS_PRACTITIONER_ROLES = "kf-practitioner-roles";
    public static final String CS_CONSENT_PURPOSES = "kf-consent-purposes";

    /** dk-core identifier systems. */
    public static final String CPR = "urn:oid:1.2.208.176.1.2";
    public static final String SOR = "urn:oid:1.2.208.176.1.1";
    public static final String YDERNUMMER = "urn:oid:1.2.208.176.1.4";
    /** EAN location number (GS1 GLN), by which MedCom's network addresses a message's sender and receiver. */
    public static final String EAN = "urn:oid:1.3.88";
    public static final String AUTHORISATION_ID = "https://autregweb.sst.dk";
    public static final String MUNICIPALITY_CODES = "http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes";

    private Ig() {}

    public static String structureDefinition(String id) {
        return CANONICAL + "/StructureDefinition/" + id;
    }

    /** Whether an Organization is coded with this kf-organization-types code (klinisk-funktion, gp-clinic, ...). */
    public static boolean hasOrganizationType(org.hl7.fhir.r4.model.Organization organization, String code) {
        return organizationTypes(organization).contains(code);
    }

    /** An Organization's kf-organization-types codes: what kind of party it is. */
    public static java.util.Set<String> organizationTypes(org.hl7.fhir.r4.model.Organization organization) {
        return organization.getType().stream().flatMap(t -> t.getCoding().stream())
                .filter(c -> codeSystem(CS_ORGANIZATION_TYPES).equals(c.getSystem()) && c.getCode() != null)
                .map(org.hl7.fhir.r4.model.Coding::getCode).collect(java.util.stream.Collectors.toSet());
    }

    public static String codeSystem(String id) {
        return CANONICAL + "/CodeSystem/" + id;
    }

    public static String valueSet(String id) {
        return CANONICAL + "/ValueSet/" + id;
    }

    public static String searchParameter(String id) {
        return CANONICAL + "/SearchParameter/" + id;
    }
}
