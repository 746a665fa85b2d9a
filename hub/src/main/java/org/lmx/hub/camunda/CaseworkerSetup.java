package org.lmx.hub.camunda;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right after the engine is built, before it serves anyone: the caseworker groups and their authorizations, and in
 * development the caseworker users. As an engine plugin it runs on every start and on every hub node alike.
 */
final class CaseworkerSetup extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkerSetup.class);

    private final Path developmentCredentials;

    /** @param developmentCredentials where the development users' passwords are, or null: create no users */
    CaseworkerSetup(Path developmentCredentials) {
        this.developmentCredentials = developmentCredentials;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        CaseworkerAccess.apply(engine);
        if (developmentCredentials != null) {
            List<String> created = DevelopmentCaseworkers.ensure(engine.getIdentityService(), developmentCredentials);
            if (!created.isEmpty()) {
                LOG.info("created the development caseworkers {}, passwords in {}", created, developmentCredentials);
            }
        }
    }
}
