package cn.onething.village;

import java.util.List;
import java.util.Optional;

/** A township (镇 or 乡) of the county, with its disclosure office and its committees. */
public record Township(String id, String name, Contact contact, List<Committee> committees) {

	public Township {
		committees = List.copyOf(committees);
	}

	public Optional<Committee> committee(String id) {
		return committees.stream().filter(committee -> committee.id().equals(id)).findFirst();
	}

	public String path() {
		return "/places/" + id;
	}
}
