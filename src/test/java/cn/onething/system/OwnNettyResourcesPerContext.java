package cn.onething.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The tests run many application contexts in one JVM (cached, evicted from the cache, replicas started side by side).
 * By default each serves on Reactor Netty's global event loops and connection pool, and closing one context disposes
 * them under all the others: a request another context has in flight at that moment never gets an answer
 * (spring-boot#38199; seen as WebTestClient waiting 30 s a few seconds after the context cache closed a context).
 * Here every context gets loops and connections of its own, closed with it. A service runs one context per JVM, where
 * the global resources are right, so this is for tests only (registered in test META-INF/spring.factories).
 */
public class OwnNettyResourcesPerContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ReactorResourceFactory resources) {
					resources.setUseGlobalResources(false);
				}
				return bean;
			}
		});
	}
}
