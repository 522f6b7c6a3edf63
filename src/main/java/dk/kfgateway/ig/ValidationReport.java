package dk.kfgateway.ig;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one resource against a profile.
 *
 * <p>Why a wrapper: HAPI's {@link ValidationResult#isSuccessful()} is already false for warnings in some
 * configurations; the gateway refuses only on errors (and fatals), so that rule lives here once.
 */
public record ValidationReport(String profileUrl, ValidationResult result) {

    /** True when no message is an error or fatal; warnings and information do not fail a resource. */
    public boolean isValid() {
        return errors().isEmpty();
    }

    public List<SingleValidationMessage> errors() {
        return result.getMessages().stream().filter(ValidationReport::isError).toList();
    }

    public List<SingleValidationMessage> messages() {
        return result.getMessages();
    }

    /** One line per error: "Patient.identifier: message", for logs and assertion messages. */
    public String describeErrors() {
        return errors().stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static boolean isError(SingleValidationMessage message) {
        return message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL;
    }
}
