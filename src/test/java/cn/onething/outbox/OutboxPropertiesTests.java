package cn.onething.outbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxPropertiesTests {

	static OutboxProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("onething.outbox", OutboxProperties.class);
	}

	@Test
	void withNothingSetMessagesAreRetriedForADayWithBackoffUpToFiveMinutes() {
		OutboxProperties defaults = bind(Map.of());

		assertThat(defaults.dispatch()).isTrue();
		assertThat(defaults.retryBudget()).isEqualTo(Duration.ofHours(24));
		assertThat(defaults.backoffCap()).isEqualTo(Duration.ofMinutes(5));
		assertThat(defaults.handlerTimeout()).isLessThan(defaults.lease());
	}

	@Test
	void aHandlerTimeoutAsLongAsTheLeaseIsRefusedBecauseTheRowCouldBeDeliveredTwice() {
		assertThatThrownBy(() -> bind(Map.of("onething.outbox.lease", "1m", "onething.outbox.handler-timeout", "1m")))
				.rootCause().hasMessageContaining("onething.outbox.handler-timeout").hasMessageContaining("onething.outbox.lease");
	}

	@Test
	void aConcurrencyOfZeroIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("onething.outbox.concurrency", "0")))
				.rootCause().hasMessageContaining("onething.outbox.concurrency");
	}
}
