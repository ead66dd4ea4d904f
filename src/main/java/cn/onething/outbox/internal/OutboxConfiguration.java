package cn.onething.outbox.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Random;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This replica's dispatcher, delivering to every {@link OutboxHandler} bean of the application. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	@Bean
	OutboxDispatcher outboxDispatcher(OutboxStore store, ObjectProvider<OutboxHandler> handlers, OutboxProperties properties,
			OutboxNotifications notifications, MeterRegistry registry, Optional<Clock> clock) {
		return new OutboxDispatcher(store, handlers.orderedStream().toList(), properties, notifications.wakeups(),
				new OutboxMetrics(registry), clock.orElse(Clock.systemUTC()), new Random());
	}
}
