package cn.labordispute.engine;

import cn.labordispute.models.ModelSafety;
import cn.labordispute.models.Violation;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * No code through a model, on every deployment path (the policy page, the engine REST API, Cockpit, the Modeler's
 * deploy button): every new deployment is checked by {@link ModelSafety} before the engine parses it and is refused
 * whole, naming file and element; expressions see only the registered components, and at run time an expression can
 * reach neither reflection nor the engine's internals ({@link GuardedExpressions}).
 */
@Component
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ModelSafetyPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        RegisteredComponents components = new RegisteredComponents(context);
        configuration.setBeans(components);
        configuration.setExpressionManager(new GuardedExpressions(context, components));
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, deployment -> check(new ModelSafety(types()), deployment));
        configuration.setCustomPreDeployers(deployers);
    }

    /** The class of each registered component, read from the bean definitions when a deployment comes. */
    private Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new HashMap<>();
        for (String name : ModelSafety.COMPONENTS.keySet()) {
            Class<?> type = context.containsBean(name) ? context.getType(name) : null;
            if (type != null) {
                types.put(name, ClassUtils.getUserClass(type));
            }
        }
        return types;
    }

    /**
     * The registered components by name, looked up in the application context when an expression first names one
     * (the components themselves use the engine, so they cannot be created before it).
     */
    static final class RegisteredComponents extends AbstractMap<Object, Object> {
        private final ApplicationContext context;

        RegisteredComponents(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public boolean containsKey(Object name) {
            return name instanceof String s && ModelSafety.COMPONENTS.containsKey(s) && context.containsBean(s);
        }

        @Override
        public Object get(Object name) {
            return containsKey(name) ? context.getBean((String) name) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Set<Entry<Object, Object>> entries = new HashSet<>();
            for (String name : ModelSafety.COMPONENTS.keySet()) {
                if (context.containsBean(name)) {
                    entries.add(new SimpleImmutableEntry<>(name, context.getBean(name)));
                }
            }
            return entries;
        }

        boolean isComponent(Object object) {
            for (String name : ModelSafety.COMPONENTS.keySet()) {
                if (context.containsBean(name) && context.getBean(name) == object) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void check(ModelSafety safety, DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<Violation> found = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            found.addAll(safety.check(resource.getName(), resource.getBytes()));
        }
        if (!found.isEmpty()) {
            throw new BadUserRequestException(ModelSafety.describe(found));
        }
    }
}
