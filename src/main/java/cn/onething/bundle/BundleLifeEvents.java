package cn.onething.bundle;

import java.util.concurrent.atomic.AtomicReference;

import cn.onething.catalog.LifeEvent;
import cn.onething.catalog.LifeEventSource;
import cn.onething.catalog.LifeEvents;
import org.springframework.stereotype.Component;

/**
 * The current bundles as the catalogue's pages show them: search lists them first, guides link to the bundle of
 * their item, the home page starts from them. Converted once per bundle import, since every cached catalogue page
 * asks for the version.
 */
@Component
class BundleLifeEvents implements LifeEventSource {

	private final Bundles bundles;
	private final AtomicReference<Converted> last = new AtomicReference<>(new Converted(BundleSnapshot.empty(), LifeEvents.NONE));

	BundleLifeEvents(Bundles bundles) {
		this.bundles = bundles;
	}

	@Override
	public LifeEvents current() {
		BundleSnapshot snapshot = bundles.current();
		Converted converted = last.get();
		if (converted.from() != snapshot) {
			converted = new Converted(snapshot, new LifeEvents(snapshot.importId(),
					snapshot.bundles().stream().map(BundleLifeEvents::lifeEvent).toList()));
			last.set(converted);
		}
		return converted.events();
	}

	private static LifeEvent lifeEvent(Bundle bundle) {
		return new LifeEvent(bundle.name(), bundle.aliases(), bundle.items().stream().map(BundleItem::code).toList(),
				"/bundles/" + bundle.id(), "/bundles/" + bundle.id() + "/form");
	}

	private record Converted(BundleSnapshot from, LifeEvents events) {
	}
}
