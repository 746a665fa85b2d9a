package org.lmx.processes.consular;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed a task: the authenticated user (Tasklist, REST), else the task's assignee. */
final class Deciders {

    private Deciders() {
    }

    static String user(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }
}
