/**
 * The life cycle of a referral Task between a municipality (jobcenter) and a region's Klinisk Funktion, as pure rules.
 *
 * <p>{@link dk.kfgateway.workflow.TaskTransitions} is the state machine as one table of rows {@code (from, to, actor
 * role, source)}; {@link dk.kfgateway.workflow.TaskChangePolicy} judges an update (old Task, new Task, {@link
 * dk.kfgateway.workflow.ActorRole}) and answers with a {@link dk.kfgateway.rules.Verdict} carrying rule ids WF-001 ..
 * WF-012. Nothing here knows about Spring, HTTP or JPA: a thin interceptor at {@code
 * STORAGE_PRESTORAGE_RESOURCE_UPDATED} supplies the old and new Task, the caller's role and an {@link
 * dk.kfgateway.workflow.OwnerDirectory}, and turns the verdict into a response.
 */
package dk.kfgateway.workflow;
