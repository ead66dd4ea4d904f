package cn.onething.notification;

import java.time.Clock;
import java.util.Optional;

import cn.onething.notification.internal.BindingStore;
import cn.onething.notification.internal.PushStore;
import cn.onething.notification.internal.PushWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The invitation to rate a completed case (好差评), pushed to every openid bound to it like the case's other news:
 * each push with its own outbox message, in one transaction, so a repeated invitation (an outbox message delivered
 * twice) pushes nothing twice. The rating module decides when to invite; this module only knows whom and how.
 */
@Component
public class RatingInvitations {

	private final BindingStore bindings;
	private final PushStore pushes;
	private final PushWriter writer;
	private final TransactionalOperator transaction;
	private final Clock clock;

	RatingInvitations(BindingStore bindings, PushStore pushes, PushWriter writer, TransactionalOperator transaction,
			Optional<Clock> clock) {
		this.bindings = bindings;
		this.pushes = pushes;
		this.writer = writer;
		this.transaction = transaction;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Emits how many bound openids were invited (0 when nobody bound the case: the progress page still offers it). */
	public Mono<Long> invite(String caseId, String receiptCode, String bundleName) {
		return Mono.defer(() -> transaction.transactional(pushes.lockCase(receiptCode)
				.thenMany(bindings.of(receiptCode))
				.concatMap(binding -> writer.inviteToRate(binding, caseId, bundleName, clock.instant()).thenReturn(binding))
				.count()));
	}
}
