/**
 * Results routing (bkg 2019 §9, §15 stk. 2, §26 stk. 4; guide pkt. 8): when Klinisk Funktion completes a referral,
 * who gets the result, decided from the routing table in the IG ({@link dk.kfgateway.routing.RoutingTable}, CodeSystem
 * kf-result-routing) by a pure policy ({@link dk.kfgateway.routing.ResultRouting}, rules ROUTE-001 .. ROUTE-005), and
 * written as Communications, outbox rows and a Provenance in the completion's own database transaction by a thin
 * storage hook ({@link dk.kfgateway.routing.CompletionRoutingInterceptor}). The GP copies are then pushed by the
 * {@link dk.kfgateway.routing.Dispatcher} from the {@link dk.kfgateway.routing.Outbox} as message Bundles, at least once
 * and safely from several nodes; the secretariat retries dead letters with {@code $retry-delivery}.
 */
package dk.kfgateway.routing;
