package dk.kfgateway.pipeline;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * One capability's part of a write: a pure rule (refusing with a verdict through {@code Refusals}) or bookkeeping of
 * the same transaction. A step registers no hook of its own; {@link WriteOrder} says in which phases, for which
 * resource types, and in which order the {@link WritePipeline} calls it.
 */
public interface WriteStep {

  /** Which step this is in the declared order. */
  Step step();

  void apply(Write write);

  /**
   * The transaction is about to be run again from its start ({@link WritePipeline#conflict}): forget what the failed
   * attempt left in the request, as none of it was stored.
   */
  default void beforeRetry(RequestDetails request) {}
}
