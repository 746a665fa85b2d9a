package org.lmx.hub.camunda;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right after the engine is built, before it serves anyone: the caseworker groups and their authorizations, and in
 * development the caseworker users. As an engine plugin it runs on every start and on every hub node alike.
 */
final class CaseworkerSetup extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkerSetup.class);

    /** The administrator a production hub creates when Camunda has none (its password from the secrets). */
    record FirstAdministrator(String id, String password) {
    }

    private final Path developmentCredentials;
    private final FirstAdministrator administrator;

    /**
     * @param developmentCredentials where the development users' passwords are, or null: create no development users
     * @param administrator          created if no user is in camunda-admin, or null
     */
    CaseworkerSetup(Path developmentCredentials, FirstAdministrator administrator) {
        this.developmentCredentials = developmentCredentials;
        this.administrator = administrator;
    }

    /**
     * In one transaction that first takes Camunda's own start-up lock (a row of ACT_GE_PROPERTY): hub nodes starting
     * together on one database take turns, so that the second finds the groups, authorizations, filters and users of
     * the first instead of creating them again (a unique key violation, or a second filter of the same name).
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    context.getPropertyManager().acquireExclusiveLockForStartup();
                    setUp(engine);
                    return null;
                });
    }

    private void setUp(ProcessEngine engine) {
        CaseworkerAccess.apply(engine);
        if (developmentCredentials != null) {
            List<String> created = DevelopmentCaseworkers.ensure(engine.getIdentityService(), developmentCredentials);
            if (!created.isEmpty()) {
                LOG.info("created the development caseworkers {}, passwords in {}", created, developmentCredentials);
            }
        }
        if (administrator != null) {
            createAdministrator(engine.getIdentityService());
        }
    }

    /** Once: later the administrators are managed in Camunda Admin (a password changed there stays changed). */
    private void createAdministrator(IdentityService identity) {
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        if (identity.createUserQuery().userId(administrator.id()).count() == 0) {
            User user = identity.newUser(administrator.id());
            user.setFirstName("LMX");
            user.setLastName("Administrator");
            user.setPassword(administrator.password());
            identity.saveUser(user);
        }
        identity.createMembership(administrator.id(), Groups.CAMUNDA_ADMIN);
        LOG.info("created Camunda's first administrator {} with the password of the secrets", administrator.id());
    }
}
