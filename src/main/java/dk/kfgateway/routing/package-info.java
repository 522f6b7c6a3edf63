/**
 * Results routing (bkg 2019 §9, §15 stk. 2, §26 stk. 4; guide pkt. 8): when Klinisk Funktion completes a referral,
 * who gets the result, decided from the routing table in the IG ({@link dk.kfgateway.routing.RoutingTable}, CodeSystem
 * kf-result-routing) by a pure policy ({@link dk.kfgateway.routing.ResultRouting}, rules ROUTE-001 .. ROUTE-005), and
 * written as Communications, outbox rows and a Provenance in the completion's own database transaction by a thin
 * storage hook ({@link dk.kfgateway.routing.CompletionRoutingInterceptor}). Each GP copy becomes a MedCom
 * CareCommunication message ({@link dk.kfgateway.routing.GpMessage}, mapped in {@code routing.medcom}), validated
 * against the official packages before it enters the outbox (ROUTE-006). The {@link dk.kfgateway.routing.Dispatcher}
 * pushes the stored messages from the {@link dk.kfgateway.routing.Outbox}, at least once and safely from several nodes;
 * the GP system's MedCom Acknowledgement, in the answer or posted to {@code $process-message}
 * ({@link dk.kfgateway.routing.AcknowledgementReceiving}, ROUTE-007/008), settles each copy
 * ({@link dk.kfgateway.routing.DeliveryOutcomes}); the secretariat retries dead letters with {@code $retry-delivery}.
 */
package dk.kfgateway.routing;
