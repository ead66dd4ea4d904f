package cn.onething.identity;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The places a staff account may be assigned to ({@link StaffMember#place()}): townships and committees, which the
 * village module reads from guides/places/. Identity cannot depend on that module, so it asks through this interface,
 * which the village module implements; without an implementation no place can be assigned.
 */
public interface StaffPlaces {

	/** The places in the order an administrator picks from; read from guides/places/ if not read yet. */
	Mono<List<Choice>> choices();

	/** One place: its code ({@code xinning}, {@code xinning/chengdong}) and how the console names it. */
	record Choice(String code, String label) {
	}
}
