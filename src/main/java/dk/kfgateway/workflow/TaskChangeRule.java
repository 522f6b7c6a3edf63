package dk.kfgateway.workflow;

import dk.kfgateway.rules.Verdict;

/** One pure rule about a Task update; {@link TaskChangePolicy} composes them. */
interface TaskChangeRule {

  Verdict check(TaskChange change);
}
