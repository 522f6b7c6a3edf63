package dk.kfgateway.ig;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The compiled IG on the classpath holds the names CONTRACT.md promises. */
class ImplementationGuideTest {

    private final ImplementationGuide ig = SharedValidator.IG;

    @Test
    void everyResourceTypeOfTheWorkflowHasItsGatewayProfile() {
        assertThat(ig.profileFor("Patient")).contains(Ig.structureDefinition(Ig.PATIENT));
        assertThat(ig.profileFor("Organization")).contains(Ig.structureDefinition(Ig.ORGANIZATION));
        assertThat(ig.profileFor("Practitioner")).contains(Ig.structureDefinition(Ig.PRACTITIONER));
        assertThat(ig.profileFor("PractitionerRole")).contains(Ig.structureDefinition(Ig.PRACTITIONER_ROLE));
        assertThat(ig.profileFor("ServiceRequest")).contains(Ig.structureDefinition(Ig.REFERRAL));
        assertThat(ig.profileFor("Task")).contains(Ig.structureDefinition(Ig.TASK));
        assertThat(ig.profileFor("Consent")).contains(Ig.structureDefinition(Ig.CONSENT));
        assertThat(ig.profileFor("DocumentReference")).contains(Ig.structureDefinition(Ig.DOCUMENT_REFERENCE));
        assertThat(ig.profileFor("Communication")).contains(Ig.structureDefinition(Ig.COMMUNICATION));
        assertThat(ig.profileFor("Extension")).isEmpty();
    }

    @Test
    void extensionsAreThereUnderTheirContractUrls() {
        assertThat(ig.structureDefinitions()).extracting(StructureDefinition::getUrl)
                .contains(Ig.EXT_DEADLINE, Ig.EXT_PAGE_COUNT, Ig.EXT_GP_CONTACT_CONSENT);
    }

    @Test
    void theServiceCatalogueCarriesTheRulesFromTheSeeds() {
        CodeSystem services = ig.codeSystem(Ig.CS_SERVICES).orElseThrow();

        assertThat(services.getConcept()).hasSize(15);
        CodeSystem.ConceptDefinitionComponent le275 = concept(services, "le275-certificate");
        assertThat(property(le275, "specificConsent").getValueBooleanType().booleanValue()).isTrue();
        assertThat(property(le275, "maxPages").getValueIntegerType().getValue()).isEqualTo(75);
        assertThat(property(le275, "deadlineRule").getValueCodeType().getCode()).isEqualTo("calendar-days-30");
        assertThat(le275.getDesignationFirstRep().getLanguage()).isEqualTo("da");
        assertThat(property(concept(services, "phone-sparring-dictated"), "maxPages").getValueIntegerType().getValue())
                .isEqualTo(25);
        assertThat(property(concept(services, "obviously-pointless-statement"), "orderableUntil")
                .getValueDateTimeType().getValueAsString()).isEqualTo("2026-07-01T00:00:00+02:00");
    }

    @Test
    void conformanceResourcesAndExamplesAreSeparated() {
        assertThat(ig.searchParameters()).extracting(sp -> sp.getUrl())
                .contains(Ig.searchParameter("Task-due"));
        assertThat(ig.examples()).extracting(r -> r.fhirType())
                .contains("Patient", "ServiceRequest", "Task", "Consent", "DocumentReference", "Communication",
                        "Organization", "Practitioner", "PractitionerRole");
        assertThat(ig.conformanceResources()).hasSize(ig.resources().size() - ig.examples().size());
    }

    private static CodeSystem.ConceptDefinitionComponent concept(CodeSystem cs, String code) {
        return cs.getConcept().stream().filter(c -> code.equals(c.getCode())).findFirst().orElseThrow();
    }

    private static CodeSystem.ConceptPropertyComponent property(CodeSystem.ConceptDefinitionComponent c, String code) {
        return c.getProperty().stream().filter(p -> code.equals(p.getCode())).findFirst().orElseThrow();
    }
}
