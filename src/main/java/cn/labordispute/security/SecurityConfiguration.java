package cn.labordispute.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authentication for the application's REST API and Camunda's engine REST API; Caller as a controller argument. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<StaffAuthenticationFilter> staffAuthentication(StaffDirectory directory) {
        FilterRegistrationBean<StaffAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new StaffAuthenticationFilter(directory));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaffPageFilter> staffPages(StaffDirectory directory) {
        FilterRegistrationBean<StaffPageFilter> registration = new FilterRegistrationBean<>(new StaffPageFilter(directory));
        registration.addUrlPatterns("/supervision", "/supervision/*", "/cases/*", "/policy");
        return registration;
    }

    /** The engine REST API obeys the same users and Camunda authorisations as the webapps. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                Object caller = request.getNativeRequest(HttpServletRequest.class)
                        .getAttribute(StaffAuthenticationFilter.CALLER);
                if (caller == null) {
                    throw new IllegalStateException("no authenticated caller: is the path under /api/?");
                }
                return caller;
            }
        });
    }
}
