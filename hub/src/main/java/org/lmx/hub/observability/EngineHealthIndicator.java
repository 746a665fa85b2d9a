package org.lmx.hub.observability;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The process engine ({@code engine}): reachable (its tables answer a query) and its job executor running, without
 * which no timer (deadlines, the yearly quota refresh) and no asynchronous step of a case would ever run. Failed
 * jobs (incidents: retries used up) are a detail, not DOWN: the engine works, a case needs an operator in Cockpit.
 */
class EngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    EngineHealthIndicator(ProcessEngine engine) {
        super("the process engine cannot be checked");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long processes = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count();
        long failedJobs = engine.getManagementService().createJobQuery().noRetriesLeft().count();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean jobsRunning = jobs != null && jobs.isActive();
        (jobsRunning ? builder.up() : builder.down())
                .withDetail("engine", engine.getName())
                .withDetail("processes", processes)
                .withDetail("jobExecutor", jobsRunning ? "active" : "not running: timers and asynchronous steps wait")
                .withDetail("failedJobs", failedJobs);
    }
}
