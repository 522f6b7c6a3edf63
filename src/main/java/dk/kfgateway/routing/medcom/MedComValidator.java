package dk.kfgateway.routing.medcom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Validates whole MedCom message Bundles (the MedCom invariants {@code resolve()} inside the Bundle) against the
 * official packages shipped in {@code classpath:/medcom/} (README "MedCom messages": provenance and licences).
 *
 * <p>Why one instance: loading the nine packages and building snapshots takes seconds; later validations take
 * milliseconds. The chain is built once, warmed at start-up ({@link #warmUp}), and shared: HAPI's validator and the
 * caching chain are safe for concurrent use. No network: the R4 core comes from the definitions HAPI already holds.
 */
public final class MedComValidator {

  /** The packages, in dependency order (file names under {@code classpath:/medcom/}). */
  static final List<String> PACKAGES = List.of("hl7.fhir.uv.ipa-1.0.0.tgz", "hl7.fhir.uv.phd-1.1.0.tgz",
      "hl7.fhir.dk.core-3.4.0.tgz", "medcom.fhir.dk.terminology-2.0.1.tgz", "medcom.fhir.dk.core-3.0.1.tgz",
      "medcom.fhir.dk.messaging-4.0.1.tgz", "medcom.fhir.dk.messagedefinitions-1.0.0.tgz",
      "medcom.fhir.dk.carecommunication-5.0.4.tgz", "medcom.fhir.dk.acknowledgement-2.0.3.tgz");

  public static final String CARE_COMMUNICATION =
      "http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message";
  public static final String ACKNOWLEDGEMENT =
      "http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement";

  /** One error the validator found: where, what, and the MedCom (or FHIR) rule it names, when it names one. */
  public record Finding(String location, String message, String rule) {
    @Override
    public String toString() {
      return (rule == null ? "" : "[" + rule + "] ") + location + ": " + message;
    }
  }

  private final FhirValidator validator;
  private final FhirContext fhir;
  private final CompletableFuture<Void> warm = new CompletableFuture<>();

  public MedComValidator(FhirContext fhir) {
    this(fhir, new DefaultProfileValidationSupport(fhir));
  }

  /** @param core the R4 core definitions (the server passes the instance its storage engine holds anyway) */
  public MedComValidator(FhirContext fhir, IValidationSupport core) {
    this.fhir = fhir;
    NpmPackageValidationSupport packages = new NpmPackageValidationSupport(fhir);
    try {
      for (String name : PACKAGES) {
        packages.loadPackageFromClasspath("classpath:/medcom/" + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The MedCom packages are missing from the class path", e);
    }
    ValidationSupportChain chain = new ValidationSupportChain(core, packages,
        new SnapshotGeneratingValidationSupport(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
        new CommonCodeSystemsTerminologyService(fhir));
    // HAPI's checks through reused validators: a new one per message (FhirInstanceValidator) costs ~20 ms to build
    this.validator = fhir.newValidator().registerValidatorModule(dk.kfgateway.ig.PooledValidation.module(chain));
    this.validator.setValidateAgainstStandardSchema(false);
    this.validator.setValidateAgainstStandardSchematron(false);
  }

  /**
   * The errors of a message Bundle against {@code profile}; empty when it conforms (warnings do not count). Never
   * throws for what a sender put in the Bundle: a message the validator cannot even process is one error.
   */
  public List<Finding> errors(Bundle message, String profile) {
    try {
      return validator.validateWithResult(message, new ValidationOptions().addProfile(profile)).getMessages().stream()
          .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
          .map(MedComValidator::finding).toList();
    } catch (RuntimeException e) {
      return List.of(new Finding("Bundle", "the message could not be validated: " + e.getMessage(), null));
    }
  }

  /** Validates the official examples of both message kinds once, so snapshots and caches exist before the first use. */
  public void warmUp() {
    try {
      for (String example : List.of(OfficialExamples.CARE_COMMUNICATION, OfficialExamples.ACKNOWLEDGEMENT_OK)) {
        Bundle bundle = OfficialExamples.read(fhir, example);
        errors(bundle, bundle.getMeta().getProfile().get(0).getValue());
      }
      warm.complete(null);
    } catch (RuntimeException e) {
      warm.completeExceptionally(e);
      throw e;
    }
  }

  /** Done once {@link #warmUp} has finished (it may run on a background thread); readiness waits for it. */
  public CompletableFuture<Void> warm() {
    return warm.copy();
  }

  private static Finding finding(SingleValidationMessage m) {
    return new Finding(m.getLocationString(), m.getMessage(), ruleOf(m.getMessage()));
  }

  /** The invariant key a message names ("medcom-careCommunication-2", "bdl-3"), else null. */
  static String ruleOf(String message) {
    java.util.regex.Matcher key = java.util.regex.Pattern
        .compile("\\b(medcom-[A-Za-z]+-[0-9A-Za-z-]+|[a-z]{2,4}-[0-9]+)\\b").matcher(message == null ? "" : message);
    return key.find() ? key.group(1) : null;
  }
}
