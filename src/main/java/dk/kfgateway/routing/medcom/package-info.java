/**
 * MedCom messaging for the GP copies: the CareCommunication 5.0.4 message made from the gateway's resources
 * ({@link dk.kfgateway.routing.medcom.CareCommunicationMessage}), the Acknowledgement 2.0.3 read and answered
 * ({@link dk.kfgateway.routing.medcom.Acknowledgement}, {@link dk.kfgateway.routing.medcom.AcknowledgementMessage}),
 * and the validator over the official packages shipped in {@code classpath:/medcom/}
 * ({@link dk.kfgateway.routing.medcom.MedComValidator}). Pure, apart from the validator's loading of the packages.
 */
package dk.kfgateway.routing.medcom;
