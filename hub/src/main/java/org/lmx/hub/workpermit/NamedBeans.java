package org.lmx.hub.workpermit;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Registers the beans a BPMN names by {@code delegateExpression} as Spring beans of those names, where the engine's
 * expressions find them. It is an engine plugin so that the engine, which is built after every plugin, never runs
 * a step before its beans exist (the job executor may resume a case on start).
 */
public final class NamedBeans extends AbstractProcessEnginePlugin {

    private final Map<String, Object> beans;

    public NamedBeans(ConfigurableListableBeanFactory factory, Map<String, Object> beans) {
        this.beans = Map.copyOf(beans);
        this.beans.forEach(factory::registerSingleton);
    }

    @Override
    public String toString() {
        return "NamedBeans" + beans.keySet();
    }
}
