package cn.labordispute.engine;

import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.beans.FeatureDescriptor;
import java.time.temporal.Temporal;
import cn.labordispute.models.ModelSafety;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expressions, with a guard in front of every property read and method call: methods only on the
 * registered components, on {@code execution} / {@code task} (variables, ids) and on plain values (text, numbers,
 * dates, lists); never a class, a class loader, the engine or the application context. The deployment check refuses
 * such a model first; this stops what a check cannot foresee (a variable that holds an object, say).
 */
final class GuardedExpressions extends SpringExpressionManager {

    /** Besides what the deployment check refuses by name: what leads from a task or execution to the engine. */
    private static final Set<String> FORBIDDEN = union(ModelSafety.FORBIDDEN_NAMES, Set.of("execution", "getExecution",
            "processInstance", "getProcessInstance", "superExecution", "getSuperExecution", "bpmnModelInstance",
            "getBpmnModelInstance", "bpmnModelElementInstance", "getBpmnModelElementInstance", "caseExecution",
            "getCaseExecution"));
    private static final Set<String> CONTEXT_METHODS = ModelSafety.CONTEXT_METHODS;

    private final ModelSafetyPlugin.RegisteredComponents components;

    GuardedExpressions(ApplicationContext context, ModelSafetyPlugin.RegisteredComponents components) {
        super(context, components);
        this.components = components;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new Guard());
        resolver.add(super.createElResolver());
        return resolver;
    }

    private boolean plainValue(Object base) {
        return base instanceof CharSequence || base instanceof Number || base instanceof Boolean
                || base instanceof Date || base instanceof Temporal || base instanceof Collection<?>
                || base instanceof Map<?, ?> || base.getClass().isArray() || base instanceof Enum<?>
                || base.getClass().getName().startsWith("org.joda.time.");
    }

    /** Resolves nothing itself: it only refuses. */
    private final class Guard extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null && property != null && FORBIDDEN.contains(property.toString())) {
                throw refused(base, property);
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            if (base == null || method == null) {
                return null;
            }
            String name = method.toString();
            boolean allowed = !FORBIDDEN.contains(name) && (components.isComponent(base)
                    || ((base instanceof VariableScope || base instanceof DelegateTask) && CONTEXT_METHODS.contains(name))
                    || plainValue(base));
            if (!allowed) {
                throw refused(base, method);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null && !(base instanceof Map<?, ?>)) {
                throw refused(base, property);
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }

        private ELException refused(Object base, Object member) {
            return new ELException("expression refused: '" + member + "' on " + base.getClass().getSimpleName()
                    + " is not allowed in a model (表达式不允许访问 " + member + ")");
        }
    }
}
